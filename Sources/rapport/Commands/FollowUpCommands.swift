import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport followup …`: scheduled next steps.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup", abstract: CLIText.fit(say("commands.followup.abstract")),
        subcommands: [Add.self, List.self, Done.self, Snooze.self, Cancel.self, Assign.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("commands.followup.add.abstract")), discussion: CLIText.fit(say("commands.followup.add.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customer"))) var customer: String
        @Argument(help: .words(say("commands.followup.add.when"))) var when: String
        @Option(help: .words(say("commands.followup.add.tactic")))
        var tactic: String?
        @Option(help: .words(say("commands.followup.add.deal"))) var deal: String?
        @Option var note: String?
        @Option(help: .words(say("commands.followup.add.owner"))) var owner: String?
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

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
            abstract: CLIText.fit(say("commands.followup.list.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Option(help: .words(say("commands.followup.list.customer"))) var customer: String?
        @Option(help: .words(say("commands.followup.list.owner"))) var owner: String?
        @Flag(help: .words(say("commands.followup.list.all"))) var all = false
        @Option(help: .words(say("commands.help.limitHundred"))) var limit = 100
        @Flag(help: .words(say("commands.help.jsonArray"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage(say("commands.limitZeroOrMore")) }
                let w = try session.openWorkspace()
                let only = try customer.map { try session.customer($0, in: w).id }
                let time = w.time
                var shown = w.state.followUps.filter { f in
                    w.state.isLive(f) && (all || f.status == .open) && (only == nil || f.customer == only)
                        && (owner == nil || f.owner == owner)
                }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
                if limit > 0 { shown = Array(shown.prefix(limit)) }
                Output.emit(json: json, .array(shown.map { JSONView.followUp($0, w.state, time) })) {
                    Output.table([CLIColumn.words(.id, .due) + [""] + CLIColumn.words(.customer, .owner, .tactic, .note, .status)] + shown.map { f in
                        [f.id.description, time.format(f.due), f.isOpen && f.due < time.now ? "!" : "",
                         w.state.customer(f.customer)?.name ?? "", f.owner ?? "", f.tactic?.word ?? "", f.note ?? "",
                         f.status == .open && f.snoozedFrom != nil ? say("commands.followup.list.snoozed") : f.status.word]
                    }, maxWidths: [3: 20, 6: 40])
                }
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("commands.followup.done.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.followUpID"))) var followUp: String
        @OptionGroup var details: InteractionOptions
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                let id = try Parse.id(followUp, FollowUp.self)
                guard let f = w.state.liveFollowUp(id) else { throw Failure.usage(say("commands.followup.noFollowUp", id)) }
                var draft = try details.draft(for: f.customer, w)
                if details.kind == nil, let tactic = f.tactic { draft.kind = Action.interactionKind(of: tactic) }
                if details.outcome == nil { draft.outcome = .reached }
                return .completeFollowUp(id, report: draft, next: try details.nextStep(for: f.customer, deal: draft.deal ?? f.deal, w))
            }
        }
    }

    struct Snooze: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("commands.followup.snooze.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.followUpID"))) var followUp: String
        @Argument(help: .words(say("commands.followup.snooze.until"))) var until: String
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                .snoozeFollowUp(try Parse.id(followUp, FollowUp.self), until: try Parse.due(until, w))
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("commands.followup.cancel.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.followUpID"))) var followUp: String
        @Option var reason: String?
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .cancelFollowUp(try Parse.id(followUp, FollowUp.self), reason: reason) }
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("commands.followup.assign.abstract")),
                                                        discussion: CLIText.fit(say("commands.followup.assign.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.followup.assign.id"))) var followUp: String
        @Argument(help: .words(say("commands.followup.assign.owner"))) var owner: String
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .assignFollowUp(try Parse.id(followUp, FollowUp.self), owner: owner) }
        }
    }
}
