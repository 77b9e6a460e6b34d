import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport customer …`: people and organisations.
struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer", abstract: CLIText.fit(say("commands.customer.abstract")),
        subcommands: [Add.self, Edit.self, Show.self, List.self, Search.self, Merge.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("commands.customer.add.abstract")), discussion: CLIText.fit(say("commands.customer.add.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.customer.add.name"))) var name: String
        @OptionGroup var fields: CustomerFieldOptions
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                let fields = try Failure.input { () throws(InputError) in try self.fields.fields() }
                let w = try session.openWorkspace()
                let o = try w.perform(.addCustomer(name: name, fields: fields))
                Output.emit(json: json, JSONView.outcome(o)) { o.created?.description ?? o.summary }
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("commands.customer.edit.abstract")), discussion: CLIText.fit(say("commands.customer.edit.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customerAny"))) var customer: String
        @Option(name: .customLong("name"), help: .words(say("commands.help.newName"))) var newName: String?
        @OptionGroup var fields: CustomerFieldOptions
        @Option(name: .customLong("add-phone"), help: .words(say("commands.customer.edit.addPhone"))) var addPhone: [String] = []
        @Option(name: .customLong("add-email"), help: .words(say("commands.customer.edit.addEmail"))) var addEmail: [String] = []
        @Option(name: .customLong("add-tag"), help: .words(say("commands.customer.edit.addTag"))) var addTag: [String] = []
        @Option(name: .customLong("remove-tag"), help: .words(say("commands.customer.edit.removeTag"))) var removeTag: [String] = []
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                var fields = try Failure.input { () throws(InputError) in try self.fields.fields() }
                let w = try session.openWorkspace()
                let c = try session.customer(customer, in: w)
                if let newName { fields[.name] = .string(newName) }
                if !addPhone.isEmpty { fields[.phones] = .array((c.phones + addPhone).map(JSON.string)) }
                if !addEmail.isEmpty { fields[.emails] = .array((c.emails + addEmail).map(JSON.string)) }
                if !addTag.isEmpty || !removeTag.isEmpty {
                    fields[.tags] = .array((c.tags + addTag).filter { !removeTag.contains($0) }.map(JSON.string))
                }
                guard !fields.isEmpty else { throw Failure.usage(say("commands.sayWhatToChange", "rapport customer edit --help")) } // catalogue: not text
                let o = try w.perform(.editCustomer(c.id, fields: fields))
                Output.emit(json: json, JSONView.outcome(o)) { o.summary }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("commands.customer.show.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customerAny"))) var customer: String
        @Flag(help: .words(say("commands.customer.show.json"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                let w = try session.openWorkspace()
                let c = try session.customer(customer, in: w)
                let dossier = Dossier(c, in: w.state, at: w.time)
                let timeline = try Output.neutral(json) { try w.timeline(of: c, limit: json ? nil : 12) }
                Output.emit(json: json, DossierView.json(dossier, timeline, w)) { DossierView.text(dossier, timeline, w) }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("commands.customer.list.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Option(help: .words(say("commands.customer.list.owner"))) var owner: String?
        @Option(help: .words(say("commands.customer.list.size"))) var size: String?
        @Option(name: .customLong("value-type"), help: .words(say("commands.customer.list.valueType"))) var valueType: String?
        @Option(help: .words(say("commands.customer.list.relationship"))) var relationship: String?
        @Option(help: .words(say("commands.customer.list.tag"))) var tag: String?
        @Option(help: .words(say("commands.customer.list.mood"))) var mood: String?
        @Option(name: .customLong("temperature-below"), help: .words(say("commands.customer.list.temperatureBelow"))) var temperatureBelow: Int?
        @Option(help: .words(say("commands.customer.list.qualified"))) var qualified: String?
        @Option(help: .words(say("commands.customer.list.segment"))) var segment: String?
        @Option(name: .customLong("as-of"), help: .words(say("commands.customer.list.asOf"))) var asOf: String?
        @Option(help: .words(say("commands.customer.list.limit"))) var limit = 50
        @Flag(help: .words(say("commands.help.jsonArray"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage(say("commands.limitZeroOrMore")) }
                let size = try Failure.input { () throws(InputError) in try self.size.map { s throws(InputError) in try SizeClass.parsing(s) } }
                let value = try Failure.input { () throws(InputError) in try valueType.map { s throws(InputError) in try ValueType.parsing(s) } }
                let level = try Failure.input { () throws(InputError) in
                    try relationship.map { s throws(InputError) in try RelationshipLevel.parsing(s) }
                }
                let w = try session.openWorkspace()
                let (state, time, banner) = try session.view(w, asOf: asOf)
                var criteria = try Failure.input { () throws(InputError) in try segment.map { s throws(InputError) in try Segment.parse(s, at: time).criteria } ?? [] }
                if let mood { criteria.append(.mood(try Parse.term(mood, Mood.self)!)) }
                if let temperatureBelow { criteria.append(.temperatureBelow(temperatureBelow)) }
                if let qualified {
                    guard let yes = try Failure.input({ () throws(InputError) in try YesNo.parse(qualified, "qualified") })?.bool else {
                        throw Failure.usage(say("commands.customer.list.qualifiedYesNo"))
                    }
                    criteria.append(.qualified(yes))
                }
                let filter = Segment(criteria, description: "")
                var shown = state.customers.reversed().filter { c in
                    filter.contains(c, in: state, at: time) && (owner == nil || c.owner == owner) && (size == nil || c.size == size)
                        && (value == nil || c.valueType == value) && (level == nil || c.relationship == level)
                        && (tag == nil || c.tags.contains(tag!))
                }
                if limit > 0 { shown = Array(shown.prefix(limit)) }
                Output.emit(json: json, .array(shown.map { JSONView.customer($0, time) })) {
                    (banner.map { "\($0)\n" } ?? "") + Output.table([CLIColumn.words(.id, .name, .company, .size, .value, .owner, .mood, .temp)] + shown.map { c in
                        [c.id.description, c.name, c.company ?? "", c.size?.word ?? "", c.valueType?.word ?? "",
                         c.owner ?? "", c.mood?.mood.word ?? "", String(c.temperature(at: time))]
                    }, rightAligned: [7], maxWidths: [1: 24, 2: 28])
                }
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("commands.customer.merge.abstract")), discussion: CLIText.fit(say("commands.customer.merge.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.customer.merge.keep"))) var keep: String
        @Argument(help: .words(say("commands.customer.merge.duplicate"))) var duplicate: String
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let kept = try session.customer(keep, in: w), other = try session.customer(duplicate, in: w, following: false)
                return .mergeCustomers(keep: kept.id, duplicate: other.id)
            }
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("commands.customer.search.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.customer.search.query"))) var query: String
        @Option(help: .words(say("commands.customer.search.limit"))) var limit = 20
        @Flag(help: .words(say("commands.help.jsonArray"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit > 0 else { throw Failure.usage(say("commands.customer.search.limitAtLeastOne")) }
                // The index and the customers hit are all it reads (from the checkpoint, when it covers the log).
                let w = try session.openWorkspace(reads: [])
                let hits = w.searchIndex.search(query, limit: limit)
                let found = try Failure.input { () throws(InputError) in try zip(hits, w.customers(hits.map(\.customer))).map { ($0, $1) } }
                Output.emit(json: json, .array(found.map { h, c in
                    guard case .object(var o) = JSONView.customer(c, w.time) else { return .null }
                    o["matched"] = .string("\(h.field)")
                    return .object(o)
                })) {
                    found.isEmpty ? say("commands.customer.search.none", query) : Output.table(found.map { h, c in
                        [c.id.description, c.name, c.company ?? "", c.phones.first ?? "", Matched.word(h.field)]
                    }, maxWidths: [1: 24, 2: 28])
                }
            }
        }
    }

    /// What a search hit matched, in words.
    enum Matched {
        static func word(_ field: SearchIndex.Field) -> String {
            switch field {
            case .name: say("commands.customer.search.name")
            case .company: say("commands.customer.search.company")
            case .contact: say("commands.customer.search.contact")
            case .email: say("commands.customer.search.email")
            case .phone: say("commands.customer.search.phone")
            }
        }
    }
}

/// The columns of the command line's tables, in words.
enum CLIColumn {
    enum Name { case id, name, company, size, value, owner, mood, temp, customer, title, stage, prob, days, due, tactic, note, status }

    static func words(_ names: Name...) -> [String] {
        names.map { name in
            switch name {
            case .id: say("commands.column.id")
            case .name: say("commands.column.name")
            case .company: say("commands.column.company")
            case .size: say("commands.column.size")
            case .value: say("commands.column.value")
            case .owner: say("commands.column.owner")
            case .mood: say("commands.column.mood")
            case .temp: say("commands.column.temp")
            case .customer: say("commands.column.customer")
            case .title: say("commands.column.title")
            case .stage: say("commands.column.stage")
            case .prob: say("commands.column.prob")
            case .days: say("commands.column.days")
            case .due: say("commands.column.due")
            case .tactic: say("commands.column.tactic")
            case .note: say("commands.column.note")
            case .status: say("commands.column.status")
            }
        }
    }
}
