import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport undo`: takes back the actor's latest action.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: CLIText.fit(say("cli.undo.abstract")), discussion: CLIText.fit(say("cli.undo.discussion"), width: CLIText.page))
    @OptionGroup var globals: GlobalOptions
    @Flag(help: .words(say("commands.help.json"))) var json = false

    func run() throws {
        try reportingFailures {
            let session = try Session(globals)
            let w = try session.openWorkspace()
            let o = try w.undoLast()
            Output.emit(json: json, JSONView.outcome(o)) { o.summary }
        }
    }
}

/// `rapport history`: a customer's timeline from the log.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: CLIText.fit(say("cli.history.abstract")))
    @OptionGroup var globals: GlobalOptions
    @Argument(help: .words(say("commands.help.customer"))) var customer: String
    @Option(help: .words(say("cli.history.limit"))) var limit: Int?
    @Flag(help: .words(say("commands.help.jsonArray"))) var json = false

    func run() throws {
        try reportingFailures {
            let session = try Session(globals)
            if let limit, limit < 1 { throw Failure.usage(say("cli.limitAtLeastOne")) }
            let w = try session.openWorkspace()
            let c = try session.customer(customer, in: w)
            let entries = try w.timeline(of: c, limit: limit)
            Output.emit(json: json, TimelineView.json(entries, w.time)) {
                "\(c.id) \(c.name)\n" + TimelineView.rows(entries, w.time).joined(separator: "\n")
            }
        }
    }
}

/// `rapport report …`: the funnel and the follow-up queue, now or as of a date.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: CLIText.fit(say("cli.report.abstract")),
        subcommands: [Funnel.self, Queue.self] + ManagerViews.commands)

    struct Funnel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("cli.report.funnel.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Option(name: .customLong("as-of"), help: .words(say("cli.report.funnel.asOf"))) var asOf: String?
        @Option(help: .words(say("cli.report.funnel.owner"))) var owner: String?
        @Flag(help: .words(say("cli.report.funnel.deals"))) var deals = false
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                let w = try session.openWorkspace(reads: [.deals, .customers])
                let (state, time, banner) = try session.view(w, asOf: asOf)
                let report = FunnelReport(state, at: time, owner: owner)
                Output.emit(json: json, FunnelView.json(report, state, time, withDeals: deals)) {
                    (banner.map { $0 + "\n" } ?? "") + FunnelView.text(report, time, session.catalogue)
                }
            }
        }
    }

    struct Queue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("cli.report.queue.abstract")), discussion: CLIText.fit(say("cli.report.queue.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Option(name: .customLong("as-of"), help: .words(say("cli.report.queue.asOf"))) var asOf: String?
        @Option(help: .words(say("cli.report.queue.owner"))) var owner: String?
        @Flag(help: .words(say("cli.report.queue.mine"))) var mine = false
        @Option(help: .words(say("cli.report.queue.limit"))) var limit = 20
        @Flag(help: .words(say("commands.help.jsonArray"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage(say("commands.limitZeroOrMore")) }
                let w = try session.openWorkspace(reads: FollowUpQueue.reads)
                let (state, time, banner) = try session.view(w, asOf: asOf)
                if mine, owner != nil { throw Failure.usage(say("cli.report.queue.mineAndOwner")) }
                let queue = FollowUpQueue(state, at: time, owner: mine ? session.actor : owner)
                let items = limit == 0 ? queue.items[...] : queue.items.prefix(limit)
                Output.emit(json: json, QueueView.json(items, state, time)) {
                    (banner.map { $0 + "\n" } ?? "") + QueueView.text(queue, items, state, time, session.catalogue)
                }
            }
        }
    }
}
