// catalogue: not yet moved (issue 16)
import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport deal …`: deals through the seven stages.
struct DealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deal", abstract: "Open deals, move them through the seven stages, win or lose them.",
        subcommands: [Add.self, Edit.self, Move.self, Win.self, Complete.self, Lose.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a deal for a customer; prints its id.",
            discussion: "Example: rapport deal add 张伟 \"ERP rollout\" --value 120000 --stage presentation --close 2026-12-31")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Argument(help: "What is being sold.") var title: String
        @Option(help: "The value, e.g. 120000 or 120,000.50.") var value: String?
        @Option(help: "A three-letter currency code (default CNY).") var currency: String?
        @Option(help: "The stage (name or 1–7; default prospecting).") var stage: String?
        @Option(help: "Chance of closing in percent (default: by stage).") var probability: Int?
        @Option(help: "Expected close date.") var close: String?
        @Option(help: "The rep (default: the actor).") var owner: String?
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                let stage = try stage.map(DealCommand.stage) ?? .prospecting
                var fields = try DealCommand.fields(value: value, currency: currency, probability: probability, close: close, w)
                fields[.owner] = .string(owner ?? session.actor)
                return .addDeal(c.id, title: title, stage: stage, fields: fields)
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a deal's title, value, probability, close date or owner, or what a stage recorded.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The deal id, e.g. d3.") var deal: String
        @Option var title: String?
        @Option var value: String?
        @Option var currency: String?
        @Option(help: "Chance of closing in percent; -1 returns to the stage's default.") var probability: Int?
        @Option var close: String?
        @Option var owner: String?
        @OptionGroup var content: StageContentOptions
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                let id = try Parse.id(deal, Deal.self)
                var fields = try DealCommand.fields(value: value, currency: currency, probability: probability == -1 ? nil : probability,
                                                    close: close, w)
                fields.merge(try content.fields(w)) { $1 }
                if probability == -1 { fields[.probability] = .null }
                if currency != nil, value == nil, let old = w.state.deal(id)?.value {
                    fields[.value] = .string(try Parse.money(old.plainAmount, currency: currency).description)
                }
                if let title { fields[.title] = .string(title) }
                if let owner { fields[.owner] = owner.isEmpty ? .null : .string(owner) }
                guard !fields.isEmpty else { throw Failure.usage("say what to change (see `rapport deal edit --help`)") }
                return .editDeal(id, fields: fields)
            }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a deal to another stage, with what that stage records.",
            discussion: """
                Each stage records its own: preparation the best contact time and a plan; approach the \
                appointment (with whom, when, where, why) and the approach method; presentation the mode; \
                closing the strategy. A deal that leaves a stage without them, or goes past approach for \
                a customer who is not a qualified prospect, is moved with a warning on stderr and flagged.
                Example: rapport deal move d3 approach --appointment-at "fri 10:00" --appointment-with 李雷 --approach referral
                """)
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The deal id, e.g. d3.") var deal: String
        @Argument(help: "The stage (name or 1–7), or next or prev.") var stage: String
        @OptionGroup var content: StageContentOptions
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                let id = try Parse.id(deal, Deal.self)
                guard let d = w.state.liveDeal(id) else { throw Failure.usage("no deal \(id)") }
                let to: Stage
                switch stage.lowercased() {
                case "next", ">":
                    guard let n = d.stage.next else { throw Failure.usage("\(id) is in the last stage; win or lose it") }
                    to = n
                case "prev", "previous", "<":
                    guard let p = d.stage.previous else { throw Failure.usage("\(id) is in the first stage") }
                    to = p
                default:
                    to = try DealCommand.stage(stage)
                }
                return .moveDeal(id, to: to, content: try content.fields(w))
            }
        }
    }

    struct Win: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a deal won: the commitment to buy, with its purchase; follow-through begins.",
            discussion: """
                The purchase is the deal's value today unless told otherwise. The deal then sits in \
                follow-through (delivery, installation, problems in use) until `rapport deal complete`.
                Example: rapport deal win d3 --amount 118000 --delivery "+3d" --installation "+7d" --in-use "+30d"
                """)
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The deal id, e.g. d3.") var deal: String
        @Option(help: "The purchase's amount (default: the deal's value).") var amount: String?
        @Option(help: "A three-letter currency code for --amount (default CNY).") var currency: String?
        @Option(help: "The purchase's date (default today).") var date: String?
        @Flag(name: .customLong("no-purchase"), help: "Record no purchase with the win.") var noPurchase = false
        @Option(help: "Schedule a check that the product arrived, e.g. +3d.") var delivery: String?
        @Option(help: "Schedule a check that it is installed and working.") var installation: String?
        @Option(name: .customLong("in-use"), help: "Schedule a call about problems in use.") var inUse: String?
        @Option(help: "Why it was won.") var reason: String?
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                if noPurchase, amount != nil || date != nil { throw Failure.usage("--no-purchase takes no --amount or --date") }
                var win = WinDraft()
                win.recordsPurchase = !noPurchase
                win.amount = try amount.map { try Parse.money($0, currency: currency) }
                win.date = try date.map { try Parse.day($0, w) }
                win.reason = reason
                for (check, text) in [(FollowThroughCheck.delivery, delivery), (.installation, installation), (.inUse, inUse)] {
                    if let text { win.checks[check] = try Parse.due(text, w) }
                }
                return .winDeal(try Parse.id(deal, Deal.self), win)
            }
        }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a won deal's follow-through complete: delivered, installed, problems in use solved.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The deal id, e.g. d3.") var deal: String
        @Option(help: "How it ended.") var note: String?
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .completeDeal(try Parse.id(deal, Deal.self), note: note) }
        }
    }

    struct Lose: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a deal lost, with the reason.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The deal id, e.g. d3.") var deal: String
        @Option(help: "Why it was lost (required).") var reason: String?
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .closeDeal(try Parse.id(deal, Deal.self), .lost, reason: reason) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List open deals by stage (or all with --all).")
        @OptionGroup var globals: GlobalOptions
        @Option(help: "Only this stage.") var stage: String?
        @Option(help: "Only this rep's deals.") var owner: String?
        @Option(help: "Only this customer's deals.") var customer: String?
        @Flag(help: "Only stale deals.") var stale = false
        @Flag(help: "Only deals flagged: stages passed without their content, or past approach unqualified.") var flagged = false
        @Flag(help: "Closed deals too.") var all = false
        @Option(name: .customLong("as-of"), help: "The deals as they were then, e.g. 2026-06-30.") var asOf: String?
        @Option(help: "At most this many (default 100; 0 for all).") var limit = 100
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage("--limit must be 0 or more") }
                let stage = try self.stage.map(DealCommand.stage)
                let w = try session.openWorkspace()
                let only = try customer.map { try session.customer($0, in: w).id }
                let (state, time, banner) = try session.view(w, asOf: asOf)
                var deals = state.liveDeals.filter { d in
                    (all || d.isOpen || d.followingThrough) && (stage == nil || d.stage == stage) && (owner == nil || d.owner == owner)
                        && (only == nil || d.customer == only) && (!stale || d.isStale(time))
                        && (!flagged || !StageContent.flags(of: d, in: state).isEmpty)
                }.sorted { ($0.stage, $0.value?.cents ?? 0, $1.id) > ($1.stage, $1.value?.cents ?? 0, $0.id) }
                if limit > 0 { deals = Array(deals.prefix(limit)) }
                Output.emit(json: json, .array(deals.map { JSONView.deal($0, state, time) })) {
                    (banner.map { "\($0)\n" } ?? "") + Output.table([["id", "customer", "title", "stage", "prob", "value", "days", ""]] + deals.map { d in
                        let flags = StageContent.flags(of: d, in: state)
                        return [d.id.description, state.customer(d.customer)?.name ?? "", d.title,
                                d.followingThrough ? "Won, following through" : d.outcome?.english ?? d.stage.english, "\(d.probability)%",
                                d.value?.display ?? "", d.isOpen ? String(d.daysInStage(time)) : "",
                                [d.isStale(time) ? "stale" : nil, flags.unqualified ? "unqualified" : nil,
                                 flags.gaps.isEmpty ? nil : "skipped " + flags.gaps.map(\.english).joined(separator: ", ")]
                                    .compactMap { $0 }.joined(separator: " · ")]
                    }, rightAligned: [4, 5, 6], maxWidths: [1: 20, 2: 30])
                }
            }
        }
    }

    static func stage(_ text: String) throws -> Stage {
        guard let s = Stage.parseStage(text) else {
            throw Failure.usage("unknown stage \"\(text)\"; use one of: \(Stage.choices) (or 1–7)")
        }
        return s
    }

    static func fields(value: String?, currency: String?, probability: Int?, close: String?, _ w: Workspace) throws -> [DealField: JSON] {
        var f = [DealField: JSON]()
        if let value { f[.value] = .string(try Parse.money(value, currency: currency).description) }
        if let probability {
            guard (0...100).contains(probability) else { throw Failure.usage("--probability must be 0 to 100 (got \(probability))") }
            f[.probability] = .int(Int64(probability))
        }
        if let close {
            switch try Parse.when(close, w) {
            case .day(let d): f[.close] = .string(d.description)
            case .moment(let t): f[.close] = .string(w.time.day(of: t).description)
            }
        }
        return f
    }
}

/// What a stage records, as options of `deal move` and `deal edit`.
struct StageContentOptions: ParsableArguments {
    @Option(name: .customLong("contact-time"), help: "Preparation: when best to reach them, e.g. \"Tue–Thu mornings\".") var contactTime: String?
    @Option(help: "Preparation: the plan for the visit.") var plan: String?
    @Option(name: .customLong("appointment-with"), help: "Approach: whom the appointment is with.") var appointmentWith: String?
    @Option(name: .customLong("appointment-at"), help: "Approach: when it is.") var appointmentAt: String?
    @Option(name: .customLong("appointment-place"), help: "Approach: where it is.") var appointmentPlace: String?
    @Option(name: .customLong("appointment-purpose"), help: "Approach: what it is for.") var appointmentPurpose: String?
    @Option(help: "Approach: self-introduction, referral, product, benefit, curiosity, question, demonstration or direct.")
    var approach: String?
    @Option(help: "Presentation: stimulus-response, programmed or need-satisfaction.") var presentation: String?
    @Option(help: "Closing: passive, trial, assumptive or deadline.") var closing: String?

    /// The fields given; an empty value clears one.
    func fields(_ w: Workspace) throws -> [DealField: JSON] {
        var f = [DealField: JSON]()
        func text(_ s: String?) -> JSON? { s.map { $0.isEmpty ? .null : .string($0) } }
        func term<T: Term>(_ s: String?, _: T.Type) throws -> JSON? {
            guard let s else { return nil }
            return s.isEmpty ? .null : .string(try Parse.term(s, T.self)!.rawValue)
        }
        f[.contactTime] = text(contactTime)
        f[.plan] = text(plan)
        f[.appointmentWith] = text(appointmentWith)
        if let appointmentAt {
            f[.appointmentAt] = appointmentAt.isEmpty ? .null : .string(try Parse.due(appointmentAt, w).description)
        }
        f[.appointmentPlace] = text(appointmentPlace)
        f[.appointmentPurpose] = text(appointmentPurpose)
        f[.approach] = try term(approach, ApproachMethod.self)
        f[.presentation] = try term(presentation, PresentationMode.self)
        f[.closing] = try term(closing, ClosingStrategy.self)
        return f
    }
}
