import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport purchase add`: what a customer bought.
struct PurchaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "purchase", abstract: CLIText.fit(say("cli.afterSales.purchaseCommand.abstract")), subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("cli.afterSales.add.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customer"))) var customer: String
        @Argument(help: .words(say("cli.afterSales.add.amount"))) var amount: String
        @Option(help: .words(say("commands.deal.add.currency"))) var currency: String?
        @Option(help: .words(say("cli.afterSales.add.date"))) var date: String?
        @Option var note: String?
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                return .recordPurchase(c.id, amount: try Parse.money(amount, currency: currency), date: try date.map { try Parse.day($0, w) },
                                       note: note)
            }
        }
    }
}

/// `rapport satisfaction …`: the seed's 15-statement survey (seed 001).
struct SatisfactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satisfaction", abstract: CLIText.fit(say("cli.afterSales.satisfactionCommand.abstract")),
        subcommands: [Add.self, List.self, Statements.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("cli.afterSales.add.abstract2")),
            discussion: CLIText.fit(say("cli.afterSales.add.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customer"))) var customer: String
        @Option(help: .words(say("cli.afterSales.add.scores"))) var scores: String
        @Option(help: .words(say("cli.afterSales.add.date2"))) var date: String?
        @Option var note: String?
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let ratings = try Failure.input { () throws(InputError) in try Survey.ratings(scores) }
                let c = try session.customer(customer, in: w)
                return .recordSurvey(c.id, ratings: ratings, date: try date.map { try Parse.day($0, w) }, note: note)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("cli.afterSales.list.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("cli.afterSales.list.customer"))) var customer: String?
        @Option(name: .customLong("below"), help: .words(say("cli.afterSales.list.below"))) var below: Double?
        @Option(help: .words(say("commands.customer.list.limit"))) var limit = 50
        @Flag(help: .words(say("commands.help.jsonArray"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage(say("commands.limitZeroOrMore")) }
                let w = try session.openWorkspace()
                let state = w.state
                var shown: [Survey]
                if let customer {
                    shown = state.surveys(of: try session.customer(customer, in: w))
                } else {
                    shown = state.surveys.filter { state.isLive($0) }.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
                }
                if let below { shown = shown.filter { $0.score < below } }
                if limit > 0 { shown = Array(shown.prefix(limit)) }
                Output.emit(json: json, .array(shown.map(JSONView.survey))) {
                    shown.isEmpty ? say("cli.afterSales.noSurveys") : Output.table([[say("commands.column.id"), say("commands.column.customer"), say("cli.column.date"), say("cli.column.score")] + SatisfactionLevel.allCases.map(\.word)]
                        + shown.map { s in
                            [s.id.description, state.customer(s.customer)?.name ?? "", s.date.description, Describe.score(s.score)]
                                + SatisfactionLevel.allCases.map { Describe.score(s.score($0)) }
                        }, rightAligned: Set(3...8), maxWidths: [1: 20])
                }
            }
        }
    }

    struct Statements: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("cli.afterSales.statements.abstract")))

        func run() throws {
            print(Output.table(SurveyStatement.all.enumerated().map { i, s in
                Language.reading == .zh ? [String(i + 1), s.chinese + (s.reversed ? say("cli.afterSales.reversed") : ""), s.level.word]
                    : [String(i + 1), s.english + (s.reversed ? say("cli.afterSales.reversed") : ""), s.level.word, s.chinese]
            }, rightAligned: [0]))
        }
    }
}

/// `rapport product …`: installed products, one file each, with scheduled check-ups (seed 003).
struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product", abstract: CLIText.fit(say("cli.afterSales.productCommand.abstract")),
        subcommands: [Add.self, Edit.self, Remove.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("cli.afterSales.add.abstract3")),
            discussion: CLIText.fit(say("cli.afterSales.add.discussion2"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customer"))) var customer: String
        @Argument(help: .words(say("cli.afterSales.add.name"))) var name: String
        @OptionGroup var details: ProductOptions
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                .installProduct(try session.customer(customer, in: w).id, name: name, fields: try details.fields(w))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("cli.afterSales.edit.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("cli.afterSales.edit.product"))) var product: String
        @Option(help: .words(say("commands.help.newName"))) var name: String?
        @OptionGroup var details: ProductOptions
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                var fields = try details.fields(w)
                if let name { fields[.name] = .string(name) }
                guard !fields.isEmpty else { throw Failure.usage(say("commands.sayWhatToChange", "rapport product edit --help")) }   // catalogue: not text (a command to type)
                return .editProduct(try Parse.id(product, Product.self), fields: fields)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("cli.afterSales.remove.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("cli.afterSales.edit.product"))) var product: String
        @Option(help: .words(say("cli.afterSales.remove.on"))) var on: String?
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                let day = try on.map { try Parse.day($0, w) } ?? w.time.today
                return .editProduct(try Parse.id(product, Product.self), fields: [.removedOn: .string(day.description)])
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("cli.afterSales.list.abstract2")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("cli.afterSales.list.customer"))) var customer: String?
        @Flag(help: .words(say("cli.afterSales.list.all"))) var all = false
        @Option(help: .words(say("commands.help.limitHundred"))) var limit = 100
        @Flag(help: .words(say("commands.help.jsonArray"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage(say("commands.limitZeroOrMore")) }
                let w = try session.openWorkspace()
                let state = w.state, time = w.time
                let only = try customer.map { try session.customer($0, in: w).id }
                var shown = state.products.filter { a in state.isLive(a) && (all || a.inService) && (only == nil || a.customer == only) }
                if limit > 0 { shown = Array(shown.prefix(limit)) }
                Output.emit(json: json, .array(shown.map { JSONView.product($0, state, time) })) {
                    shown.isEmpty ? say("cli.afterSales.noProducts") : Output.table([[say("commands.column.id"), say("commands.column.customer"), say("cli.column.product"), say("cli.column.installed"), say("cli.column.every"), say("cli.column.nextCheckUp")]]
                        + shown.map { a in
                            let next = state.followUps.filter { $0.product == a.id && $0.isOpen && state.isLive($0) }.min { $0.due < $1.due }
                            return [a.id.description, state.customer(a.customer)?.name ?? "", a.name, a.installedOn.description,
                                    a.serviceEvery?.description ?? "", a.removedOn.map { say("cli.afterSales.outOfService", $0) } ?? next.map { time.format($0.due) } ?? ""]
                        }, maxWidths: [1: 20, 2: 30])
                }
            }
        }
    }
}

/// The options that describe an installed product, shared by `product add` and `edit`.
struct ProductOptions: ParsableArguments {
    @Option(help: .words(say("cli.afterSales.productOptions.installed"))) var installed: String?
    @Option(name: .customLong("service-every"), help: .words(say("cli.afterSales.productOptions.serviceEvery"))) var serviceEvery: String?
    @Option(help: .words(say("cli.afterSales.productOptions.serial"))) var serial: String?
    @Option var note: String?

    /// The fields given; an empty value clears one.
    func fields(_ w: Workspace) throws -> [ProductField: JSON] {
        var f = [ProductField: JSON]()
        func text(_ s: String?) -> JSON? { s.map { $0.isEmpty ? .null : .string($0) } }
        if let installed { f[.installedOn] = .string(try Parse.day(installed, w).description) }
        if let serviceEvery {
            f[.serviceEvery] = serviceEvery.isEmpty ? .null
                : .string(try Failure.input { () throws(InputError) in try ServiceInterval.parsing(serviceEvery) }.description)
        }
        f[.serial] = text(serial)
        f[.note] = text(note)
        return f
    }
}
