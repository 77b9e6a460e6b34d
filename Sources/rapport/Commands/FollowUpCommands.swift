// catalogue: not yet moved (issue 16)
import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport followup …`: scheduled next steps.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup", abstract: "Schedule, list, complete, snooze and cancel follow-ups.",
        subcommands: [Add.self, List.self, Done.self, Snooze.self, Cancel.self, Assign.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule a follow-up; prints its id.",
            discussion: "Example: rapport followup add 张伟 \"tomorrow 10:00\" --tactic proposal --deal d3 --note \"send the revised quote\"")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Argument(help: "When it is due, e.g. tomorrow, \"fri 10:00\", +3d (a bare day means 9:00).") var when: String
        @Option(help: "trial, trade-show, proposal, reference-visit, company-visit, executive-visit, phone, coach or third-party.")
        var tactic: String?
        @Option(help: "The deal it moves forward.") var deal: String?
        @Option var note: String?
        @Option(help: "Who is to do it (default: whoever schedules it).") var owner: String?
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                var f = FollowUpDraft(customer: c.id, due: try Parse.due(when, w))
                f.tactic = try Parse.term(tactic, FollowUpTactic.self)
                f.deal = try Parse.optionalID(deal, Deal.self)
                f.note = note
                f.owner = owner
                return .scheduleFollowUp(f)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List open follow-ups by due time (`report queue` ranks them).")
        @OptionGroup var globals: GlobalOptions
        @Option(help: "Only this customer's.") var customer: String?
        @Option(help: "Only those this rep is to do.") var owner: String?
        @Flag(help: "Done and cancelled ones too.") var all = false
        @Option(help: "At most this many (default 100; 0 for all).") var limit = 100
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage("--limit must be 0 or more") }
                let w = try session.openWorkspace()
                let only = try customer.map { try session.customer($0, in: w).id }
                let time = w.time
                var shown = w.state.followUps.filter { f in
                    w.state.isLive(f) && (all || f.status == .open) && (only == nil || f.customer == only)
                        && (owner == nil || f.owner == owner)
                }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
                if limit > 0 { shown = Array(shown.prefix(limit)) }
                Output.emit(json: json, .array(shown.map { JSONView.followUp($0, w.state, time) })) {
                    Output.table([["id", "due", "", "customer", "owner", "tactic", "note", "status"]] + shown.map { f in
                        [f.id.description, time.format(f.due), f.isOpen && f.due < time.now ? "!" : "",
                         w.state.customer(f.customer)?.name ?? "", f.owner ?? "", f.tactic?.english ?? "", f.note ?? "",
                         f.status == .open && f.snoozedFrom != nil ? "snoozed" : f.status.rawValue]
                    }, maxWidths: [3: 20, 6: 40])
                }
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Complete a follow-up; records the interaction it was (prints its id).")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The follow-up id, e.g. f7.") var followUp: String
        @OptionGroup var details: InteractionOptions
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                let id = try Parse.id(followUp, FollowUp.self)
                guard let f = w.state.liveFollowUp(id) else { throw Failure.usage("no follow-up \(id)") }
                var draft = try details.draft(for: f.customer, w)
                if details.kind == nil, let tactic = f.tactic { draft.kind = Action.interactionKind(of: tactic) }
                if details.outcome == nil { draft.outcome = .reached }
                return .completeFollowUp(id, report: draft, next: try details.nextStep(for: f.customer, deal: draft.deal ?? f.deal, w))
            }
        }
    }

    struct Snooze: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a follow-up to a later time.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The follow-up id, e.g. f7.") var followUp: String
        @Argument(help: "Until when, e.g. +2h, tomorrow, \"mon 9:00\".") var until: String
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                .snoozeFollowUp(try Parse.id(followUp, FollowUp.self), until: try Parse.due(until, w))
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a follow-up.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The follow-up id, e.g. f7.") var followUp: String
        @Option var reason: String?
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .cancelFollowUp(try Parse.id(followUp, FollowUp.self), reason: reason) }
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a follow-up to a rep to do.",
                                                        discussion: "Example: rapport followup assign f12 wang")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The follow-up id, e.g. f12.") var followUp: String
        @Argument(help: "The rep.") var owner: String
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .assignFollowUp(try Parse.id(followUp, FollowUp.self), owner: owner) }
        }
    }
}
