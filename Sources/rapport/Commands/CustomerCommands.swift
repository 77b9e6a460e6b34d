// catalogue: not yet moved (issue 16)
import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport customer …`: people and organisations.
struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer", abstract: "Add, edit, show, list and search customers.",
        subcommands: [Add.self, Edit.self, Show.self, List.self, Search.self, Merge.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a customer; prints its id.",
            discussion: "Example: rapport customer add 张伟 --company \"Lumen Co.\" --phone \"+86 138 0013 8000\" --size large")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The name, in any script.") var name: String
        @OptionGroup var fields: CustomerFieldOptions
        @Flag(help: "Print a JSON object instead of the id.") var json = false

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
            abstract: "Change a customer's fields; an empty value clears one.",
            discussion: "Example: rapport customer edit c12 --relationship familiar --add-phone \"010 6543 2100\" --company \"\"")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer: an id, a name or part of one, or a phone number.") var customer: String
        @Option(name: .customLong("name"), help: "A new name.") var newName: String?
        @OptionGroup var fields: CustomerFieldOptions
        @Option(name: .customLong("add-phone"), help: "Add a phone number.") var addPhone: [String] = []
        @Option(name: .customLong("add-email"), help: "Add an e-mail address.") var addEmail: [String] = []
        @Option(name: .customLong("add-tag"), help: "Add a tag.") var addTag: [String] = []
        @Option(name: .customLong("remove-tag"), help: "Remove a tag.") var removeTag: [String] = []
        @Flag(help: "Print a JSON object.") var json = false

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
                guard !fields.isEmpty else { throw Failure.usage("say what to change (see `rapport customer edit --help`)") }
                let o = try w.perform(.editCustomer(c.id, fields: fields))
                Output.emit(json: json, JSONView.outcome(o)) { o.summary }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a customer's dossier.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer: an id, a name or part of one, or a phone number.") var customer: String
        @Flag(help: "Print one JSON object.") var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                let w = try session.openWorkspace()
                let c = try session.customer(customer, in: w)
                let dossier = Dossier(c, in: w.state, at: w.time)
                let timeline = try w.timeline(of: c, limit: json ? nil : 12)
                Output.emit(json: json, DossierView.json(dossier, timeline, w)) { DossierView.text(dossier, timeline, w) }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List customers, newest first, optionally filtered.")
        @OptionGroup var globals: GlobalOptions
        @Option(help: "Only this rep's customers.") var owner: String?
        @Option(help: "Only this size class.") var size: String?
        @Option(name: .customLong("value-type"), help: "Only this value type.") var valueType: String?
        @Option(help: "Only this relationship level.") var relationship: String?
        @Option(help: "Only customers with this tag.") var tag: String?
        @Option(help: "Only customers whose latest mood is this: rising, falling, calm or complacent.") var mood: String?
        @Option(name: .customLong("temperature-below"), help: "Only relationships colder than this (0–100).") var temperatureBelow: Int?
        @Option(help: "Only qualified prospects (yes) or only potential customers (no).") var qualified: String?
        @Option(help: "Only a segment: key=value criteria, e.g. \"size=large,strategy=differential\".") var segment: String?
        @Option(name: .customLong("as-of"), help: "The customers as they were then, e.g. 2026-06-30.") var asOf: String?
        @Option(help: "At most this many (default 50; 0 for all).") var limit = 50
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage("--limit must be 0 or more") }
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
                        throw Failure.usage("--qualified: expected yes or no")
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
                    (banner.map { "\($0)\n" } ?? "") + Output.table([["id", "name", "company", "size", "value", "owner", "mood", "temp"]] + shown.map { c in
                        [c.id.description, c.name, c.company ?? "", c.size?.rawValue ?? "", c.valueType?.rawValue ?? "",
                         c.owner ?? "", c.mood?.mood.rawValue ?? "", String(c.temperature(at: time))]
                    }, rightAligned: [7], maxWidths: [1: 24, 2: 28])
                }
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make one customer of two: the duplicate's contacts, deals, calls, follow-ups, purchases, complaints and notes move to the customer kept.",
            discussion: """
                The kept customer's empty fields are filled from the duplicate's, and its \
                phones, e-mails and tags gain the duplicate's. Both histories read as one \
                under the kept customer; the duplicate's id leads there. `rapport undo` \
                takes the merge back.
                Example: rapport customer merge c12 c57
                """)
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer to keep.") var keep: String
        @Argument(help: "The duplicate, merged into it.") var duplicate: String
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let kept = try session.customer(keep, in: w), other = try session.customer(duplicate, in: w, following: false)
                return .mergeCustomers(keep: kept.id, duplicate: other.id)
            }
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find customers by name (Chinese or Latin, any part), company, contact, e-mail or phone digits.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "What to look for.") var query: String
        @Option(help: "At most this many (default 20).") var limit = 20
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit > 0 else { throw Failure.usage("--limit must be at least 1") }
                // The index and the customers hit are all it reads (from the checkpoint, when it covers the log).
                let w = try session.openWorkspace(reads: [])
                let hits = w.searchIndex.search(query, limit: limit)
                let found = try Failure.input { () throws(InputError) in try zip(hits, w.customers(hits.map(\.customer))).map { ($0, $1) } }
                Output.emit(json: json, .array(found.map { h, c in
                    guard case .object(var o) = JSONView.customer(c, w.time) else { return .null }
                    o["matched"] = .string("\(h.field)")
                    return .object(o)
                })) {
                    found.isEmpty ? "no customer matches \"\(query)\"" : Output.table(found.map { h, c in
                        [c.id.description, c.name, c.company ?? "", c.phones.first ?? "", "\(h.field)"]
                    }, maxWidths: [1: 24, 2: 28])
                }
            }
        }
    }
}
