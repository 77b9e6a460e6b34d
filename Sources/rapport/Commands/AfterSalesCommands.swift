// catalogue: not yet moved (issue 16)
import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport purchase add`: what a customer bought.
struct PurchaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "purchase", abstract: "Record purchases.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a purchase; prints its id.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Argument(help: "The amount, e.g. 12000 or 12,000.50.") var amount: String
        @Option(help: "A three-letter currency code (default CNY).") var currency: String?
        @Option(help: "The date (default today).") var date: String?
        @Option var note: String?
        @Flag(help: "Print a JSON object instead of the id.") var json = false

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
        commandName: "satisfaction", abstract: "Record satisfaction surveys and see the score over time.",
        subcommands: [Add.self, List.self, Statements.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a survey: the 15 statements rated 1 (not at all) to 5 (fully); prints its id.",
            discussion: """
                The ratings follow the statements' order (`rapport satisfaction statements` lists them); \\
                statement 13 is a bad sign when agreed with and counts reversed.
                Example: rapport satisfaction add c12 --scores "5 4 4 5 4 4 5 5 3 4 4 4 1 5 5"
                """)
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Option(help: "Fifteen ratings of 1 to 5, separated by spaces or commas.") var scores: String
        @Option(help: "The day it was answered (default today).") var date: String?
        @Option var note: String?
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let ratings = try Failure.input { () throws(InputError) in try Survey.ratings(scores) }
                let c = try session.customer(customer, in: w)
                return .recordSurvey(c.id, ratings: ratings, date: try date.map { try Parse.day($0, w) }, note: note)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List surveys, latest first, with the score per level.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "Only this customer's (default: everyone's).") var customer: String?
        @Option(name: .customLong("below"), help: "Only surveys scoring below this (1–5).") var below: Double?
        @Option(help: "At most this many (default 50; 0 for all).") var limit = 50
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage("--limit must be 0 or more") }
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
                    shown.isEmpty ? "no surveys" : Output.table([["id", "customer", "date", "score"] + SatisfactionLevel.allCases.map(\.english)]
                        + shown.map { s in
                            [s.id.description, state.customer(s.customer)?.name ?? "", s.date.description, Describe.score(s.score)]
                                + SatisfactionLevel.allCases.map { Describe.score(s.score($0)) }
                        }, rightAligned: Set(3...8), maxWidths: [1: 20])
                }
            }
        }
    }

    struct Statements: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The 15 statements, in the order their ratings are given.")

        func run() throws {
            print(Output.table(SurveyStatement.all.enumerated().map { i, s in
                [String(i + 1), s.english + (s.reversed ? " (reversed)" : ""), s.level.english, s.chinese]
            }, rightAligned: [0]))
        }
    }
}

/// `rapport product …`: installed products, one file each, with scheduled check-ups (seed 003).
struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product", abstract: "Installed products and their scheduled check-ups.",
        subcommands: [Add.self, Edit.self, Remove.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a product installed at a customer's; schedules its first check-up; prints its id.",
            discussion: "Example: rapport product add c12 \"CT scanner\" --installed 2026-05-10 --service-every 6m --serial CT-7731")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Argument(help: "What was installed.") var name: String
        @OptionGroup var details: ProductOptions
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                .installProduct(try session.customer(customer, in: w).id, name: name, fields: try details.fields(w))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an installed product; a new interval or date reschedules its check-up.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The product id, e.g. a3.") var product: String
        @Option(help: "A new name.") var name: String?
        @OptionGroup var details: ProductOptions
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                var fields = try details.fields(w)
                if let name { fields[.name] = .string(name) }
                guard !fields.isEmpty else { throw Failure.usage("say what to change (see `rapport product edit --help`)") }
                return .editProduct(try Parse.id(product, Product.self), fields: fields)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a product out of service: its check-ups are cancelled.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The product id, e.g. a3.") var product: String
        @Option(help: "The day it went out of service (default today).") var on: String?
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                let day = try on.map { try Parse.day($0, w) } ?? w.time.today
                return .editProduct(try Parse.id(product, Product.self), fields: [.removedOn: .string(day.description)])
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List installed products and their next check-up.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "Only this customer's (default: everyone's).") var customer: String?
        @Flag(help: "Out-of-service products too.") var all = false
        @Option(help: "At most this many (default 100; 0 for all).") var limit = 100
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage("--limit must be 0 or more") }
                let w = try session.openWorkspace()
                let state = w.state, time = w.time
                let only = try customer.map { try session.customer($0, in: w).id }
                var shown = state.products.filter { a in state.isLive(a) && (all || a.inService) && (only == nil || a.customer == only) }
                if limit > 0 { shown = Array(shown.prefix(limit)) }
                Output.emit(json: json, .array(shown.map { JSONView.product($0, state, time) })) {
                    shown.isEmpty ? "no installed products" : Output.table([["id", "customer", "product", "installed", "every", "next check-up"]]
                        + shown.map { a in
                            let next = state.followUps.filter { $0.product == a.id && $0.isOpen && state.isLive($0) }.min { $0.due < $1.due }
                            return [a.id.description, state.customer(a.customer)?.name ?? "", a.name, a.installedOn.description,
                                    a.serviceEvery?.description ?? "", a.removedOn.map { "out of service \($0)" } ?? next.map { time.format($0.due) } ?? ""]
                        }, maxWidths: [1: 20, 2: 30])
                }
            }
        }
    }
}

/// The options that describe an installed product, shared by `product add` and `edit`.
struct ProductOptions: ParsableArguments {
    @Option(help: "The day it was installed (default today).") var installed: String?
    @Option(name: .customLong("service-every"), help: "How often it is checked: 90d, 2w, 6m, 1y.") var serviceEvery: String?
    @Option(help: "Its serial number.") var serial: String?
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
