import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport complaint …`: complaints tracked to a resolution the customer confirms (seed 003).
struct ComplaintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint", abstract: CLIText.fit(say("cli.complaint.complaintCommand.abstract")),
        subcommands: [Open.self, Step.self, Resolve.self, Confirm.self, List.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("cli.complaint.open.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customer"))) var customer: String
        @Argument(help: .words(say("cli.complaint.open.summary"))) var summary: String
        @Option(help: .words(say("cli.complaint.open.deal"))) var deal: String?
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                .openComplaint(try session.customer(customer, in: w).id, summary: summary, deal: try Parse.optionalID(deal, Deal.self))
            }
        }
    }

    struct Step: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("cli.complaint.step.abstract")),
            discussion: CLIText.fit(say("cli.complaint.step.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("cli.complaint.step.complaint"))) var complaint: String
        @Argument(help: .words(say("cli.complaint.step.text"))) var text: String
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .addComplaintStep(try Parse.id(complaint, RapportCore.Complaint.self), text: text) }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("cli.complaint.resolve.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("cli.complaint.step.complaint"))) var complaint: String
        @Option(help: .words(say("cli.complaint.resolve.resolution"))) var resolution: String?
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in
                .resolveComplaint(try Parse.id(complaint, RapportCore.Complaint.self), resolution: resolution)
            }
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("cli.complaint.confirm.abstract")),
            discussion: CLIText.fit(say("cli.complaint.confirm.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("cli.complaint.step.complaint"))) var complaint: String
        @Option(help: .words(say("cli.complaint.confirm.satisfied"))) var satisfied: String
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in
                let answer = try Failure.input { () throws(InputError) in try YesNo.parse(satisfied, "satisfied") }
                guard let yes = answer?.bool else { throw Failure.usage(say("commands.yesNo.expected", "satisfied", satisfied)) }
                return .confirmComplaint(try Parse.id(complaint, RapportCore.Complaint.self), satisfied: yes)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("cli.complaint.list.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Flag(help: .words(say("cli.complaint.list.open"))) var open = false
        @Option(help: .words(say("cli.complaint.list.owner"))) var owner: String?
        @Option(help: .words(say("commands.followup.list.customer"))) var customer: String?
        @Option(help: .words(say("commands.customer.list.limit"))) var limit = 50
        @Flag(help: .words(say("commands.help.jsonArray"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage(say("commands.limitZeroOrMore")) }
                let w = try session.openWorkspace()
                let only = try customer.map { try session.customer($0, in: w).id }
                let state = w.state, time = w.time
                var shown = state.complaints.reversed().filter { k in
                    state.isLive(k) && (!open || k.isOpen) && (only == nil || k.customer == only)
                        && (owner == nil || state.customer(k.customer)?.owner == owner)
                }
                if limit > 0 { shown = Array(shown.prefix(limit)) }
                Output.emit(json: json, .array(shown.map { JSONView.complaint($0, time) })) {
                    shown.isEmpty ? say("cli.complaint.list.none") : Output.table([[say("commands.column.id"), say("commands.column.customer"), say("cli.column.opened"), say("cli.column.summary"), say("cli.column.steps"), say("cli.column.state")]] + shown.map { k in
                        [k.id.description, state.customer(k.customer)?.name ?? "", time.format(k.openedAt), k.summary, String(k.steps.count),
                         say(k.isOpen ? "cli.complaint.open" : k.satisfied == true ? "cli.complaint.satisfied" : k.satisfied == false ? "cli.complaint.notSatisfied" : "cli.complaint.toConfirm")]
                    }, rightAligned: [4], maxWidths: [1: 20, 3: 40])
                }
            }
        }
    }
}
