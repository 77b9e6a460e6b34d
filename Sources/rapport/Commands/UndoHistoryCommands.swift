// catalogue: not yet moved (issue 16)
import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport undo`: takes back the actor's latest action.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo your latest action (again for the one before).",
        discussion: """
            Undo writes compensating events; nothing is erased, and the history shows \
            both the action and its undoing. It refuses when a later change would be \
            overwritten.
            """)
    @OptionGroup var globals: GlobalOptions
    @Flag(help: "Print a JSON object.") var json = false

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
        commandName: "history", abstract: "A customer's timeline: who changed what, when (newest first).")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The customer.") var customer: String
    @Option(help: "At most this many entries (default all).") var limit: Int?
    @Flag(help: "Print a JSON array.") var json = false

    func run() throws {
        try reportingFailures {
            let session = try Session(globals)
            if let limit, limit < 1 { throw Failure.usage("--limit must be at least 1") }
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
        commandName: "report", abstract: "Reports: the funnel board, the follow-up queue, and the manager's views.",
        subcommands: [Funnel.self, Queue.self] + ManagerViews.commands)

    struct Funnel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open deals per stage and tier: count, total and weighted value.")
        @OptionGroup var globals: GlobalOptions
        @Option(name: .customLong("as-of"), help: "Show the funnel as it was then, e.g. 2026-06-30.") var asOf: String?
        @Option(help: "Only this rep's deals.") var owner: String?
        @Flag(help: "List the deals of each stage in the JSON.") var deals = false
        @Flag(help: "Print one JSON object.") var json = false

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
            abstract: "The follow-up queue in the funnel's work order, with the reason for each rank.",
            discussion: """
                Order: overdue first; open complaints; then the bottom of the funnel (deals \
                over 75 %); then new prospects; then the middle (25–75 %); the rest due today; \
                then later ones. Suggestions (stale deals, cooling relationships, after-sales \
                checks, unresolved complaints) rank among the scheduled items.
                """)
        @OptionGroup var globals: GlobalOptions
        @Option(name: .customLong("as-of"), help: "Show the queue as it was then.") var asOf: String?
        @Option(help: "Only this rep's: the follow-ups given to them, and suggestions about their customers and deals.") var owner: String?
        @Flag(help: "Only the actor's own (as --owner with the actor).") var mine = false
        @Option(help: "At most this many (default 20; 0 for all).") var limit = 20
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage("--limit must be 0 or more") }
                let w = try session.openWorkspace(reads: FollowUpQueue.reads)
                let (state, time, banner) = try session.view(w, asOf: asOf)
                if mine, owner != nil { throw Failure.usage("--mine and --owner name two reps; give one") }
                let queue = FollowUpQueue(state, at: time, owner: mine ? session.actor : owner)
                let items = limit == 0 ? queue.items[...] : queue.items.prefix(limit)
                Output.emit(json: json, QueueView.json(items, state, time)) {
                    (banner.map { $0 + "\n" } ?? "") + QueueView.text(queue, items, state, time, session.catalogue)
                }
            }
        }
    }
}
