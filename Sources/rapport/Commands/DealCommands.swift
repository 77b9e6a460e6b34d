import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport deal …`: deals through the seven stages.
struct DealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deal", abstract: CLIText.fit(say("commands.deal.abstract")),
        subcommands: [Add.self, Edit.self, Move.self, Win.self, Complete.self, Lose.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("commands.deal.add.abstract")), discussion: CLIText.fit(say("commands.deal.add.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customer"))) var customer: String
        @Argument(help: .words(say("commands.deal.add.title"))) var title: String
        @Option(help: .words(say("commands.deal.add.value"))) var value: String?
        @Option(help: .words(say("commands.deal.add.currency"))) var currency: String?
        @Option(help: .words(say("commands.deal.add.stage"))) var stage: String?
        @Option(help: .words(say("commands.deal.add.probability"))) var probability: Int?
        @Option(help: .words(say("commands.deal.add.close"))) var close: String?
        @Option(help: .words(say("commands.deal.add.owner"))) var owner: String?
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

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
            abstract: CLIText.fit(say("commands.deal.edit.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.dealID"))) var deal: String
        @Option var title: String?
        @Option var value: String?
        @Option var currency: String?
        @Option(help: .words(say("commands.deal.edit.probability"))) var probability: Int?
        @Option var close: String?
        @Option var owner: String?
        @OptionGroup var content: StageContentOptions
        @Flag(help: .words(say("commands.help.json"))) var json = false

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
                guard !fields.isEmpty else { throw Failure.usage(say("commands.sayWhatToChange", "rapport deal edit --help")) } // catalogue: not text
                return .editDeal(id, fields: fields)
            }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("commands.deal.move.abstract")), discussion: CLIText.fit(say("commands.deal.move.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.dealID"))) var deal: String
        @Argument(help: .words(say("commands.deal.move.stage"))) var stage: String
        @OptionGroup var content: StageContentOptions
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                let id = try Parse.id(deal, Deal.self)
                guard let d = w.state.liveDeal(id) else { throw Failure.usage(say("commands.deal.move.noDeal", id)) }
                let to: Stage
                switch stage.lowercased() {
                case "next", ">":
                    guard let n = d.stage.next else { throw Failure.usage(say("commands.deal.move.last", id)) }
                    to = n
                case "prev", "previous", "<":
                    guard let p = d.stage.previous else { throw Failure.usage(say("commands.deal.move.first", id)) }
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
            abstract: CLIText.fit(say("commands.deal.win.abstract")), discussion: CLIText.fit(say("commands.deal.win.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.dealID"))) var deal: String
        @Option(help: .words(say("commands.deal.win.amount"))) var amount: String?
        @Option(help: .words(say("commands.deal.win.currency"))) var currency: String?
        @Option(help: .words(say("commands.deal.win.date"))) var date: String?
        @Flag(name: .customLong("no-purchase"), help: .words(say("commands.deal.win.noPurchase"))) var noPurchase = false
        @Option(help: .words(say("commands.deal.win.delivery"))) var delivery: String?
        @Option(help: .words(say("commands.deal.win.installation"))) var installation: String?
        @Option(name: .customLong("in-use"), help: .words(say("commands.deal.win.inUse"))) var inUse: String?
        @Option(help: .words(say("commands.deal.win.reason"))) var reason: String?
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                if noPurchase, amount != nil || date != nil { throw Failure.usage(say("commands.deal.win.noPurchaseConflict")) }
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
            abstract: CLIText.fit(say("commands.deal.complete.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.dealID"))) var deal: String
        @Option(help: .words(say("commands.deal.complete.note"))) var note: String?
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .completeDeal(try Parse.id(deal, Deal.self), note: note) }
        }
    }

    struct Lose: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("commands.deal.lose.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.dealID"))) var deal: String
        @Option(help: .words(say("commands.deal.lose.reason"))) var reason: String?
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .closeDeal(try Parse.id(deal, Deal.self), .lost, reason: reason) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("commands.deal.list.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Option(help: .words(say("commands.deal.list.stage"))) var stage: String?
        @Option(help: .words(say("commands.deal.list.owner"))) var owner: String?
        @Option(help: .words(say("commands.deal.list.customer"))) var customer: String?
        @Flag(help: .words(say("commands.deal.list.stale"))) var stale = false
        @Flag(help: .words(say("commands.deal.list.flagged"))) var flagged = false
        @Flag(help: .words(say("commands.deal.list.all"))) var all = false
        @Option(name: .customLong("as-of"), help: .words(say("commands.deal.list.asOf"))) var asOf: String?
        @Option(help: .words(say("commands.help.limitHundred"))) var limit = 100
        @Flag(help: .words(say("commands.help.jsonArray"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage(say("commands.limitZeroOrMore")) }
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
                    (banner.map { "\($0)\n" } ?? "") + Output.table([CLIColumn.words(.id, .customer, .title, .stage, .prob, .value, .days) + [""]] + deals.map { d in
                        let flags = StageContent.flags(of: d, in: state)
                        return [d.id.description, state.customer(d.customer)?.name ?? "", d.title,
                                d.followingThrough ? say("commands.deal.list.wonFollowing") : d.outcome?.word ?? d.stage.word, "\(d.probability)%",
                                d.value?.display ?? "", d.isOpen ? String(d.daysInStage(time)) : "",
                                [d.isStale(time) ? say("commands.deal.list.isStale") : nil, flags.unqualified ? say("commands.deal.list.unqualified") : nil,
                                 flags.gaps.isEmpty ? nil
                                    : say("commands.deal.list.skipped", flags.gaps.map(\.word).joined(separator: say("commands.deal.list.gapSeparator")))]
                                    .compactMap { $0 }.joined(separator: " · ")]
                    }, rightAligned: [4, 5, 6], maxWidths: [1: 20, 2: 30])
                }
            }
        }
    }

    static func stage(_ text: String) throws -> Stage {
        guard let s = Stage.parseStage(text) else {
            throw Failure.usage(say("commands.deal.unknownStage", text, Stage.choices))
        }
        return s
    }

    static func fields(value: String?, currency: String?, probability: Int?, close: String?, _ w: Workspace) throws -> [DealField: JSON] {
        var f = [DealField: JSON]()
        if let value { f[.value] = .string(try Parse.money(value, currency: currency).description) }
        if let probability {
            guard (0...100).contains(probability) else { throw Failure.usage(say("commands.deal.probabilityRange", probability)) }
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
    @Option(name: .customLong("contact-time"), help: .words(say("commands.deal.content.contactTime"))) var contactTime: String?
    @Option(help: .words(say("commands.deal.content.plan"))) var plan: String?
    @Option(name: .customLong("appointment-with"), help: .words(say("commands.deal.content.appointmentWith"))) var appointmentWith: String?
    @Option(name: .customLong("appointment-at"), help: .words(say("commands.deal.content.appointmentAt"))) var appointmentAt: String?
    @Option(name: .customLong("appointment-place"), help: .words(say("commands.deal.content.appointmentPlace"))) var appointmentPlace: String?
    @Option(name: .customLong("appointment-purpose"), help: .words(say("commands.deal.content.appointmentPurpose"))) var appointmentPurpose: String?
    @Option(help: .words(say("commands.deal.content.approach")))
    var approach: String?
    @Option(help: .words(say("commands.deal.content.presentation"))) var presentation: String?
    @Option(help: .words(say("commands.deal.content.closing"))) var closing: String?

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
