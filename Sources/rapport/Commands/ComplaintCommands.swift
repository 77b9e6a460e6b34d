// catalogue: not yet moved (issue 16)
import ArgumentParser
import RapportCore
import RapportExchange

/// `rapport complaint …`: complaints tracked to a resolution the customer confirms (seed 003).
struct ComplaintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint", abstract: "Open complaints, record the steps to resolve them, resolve them and confirm the customer is satisfied.",
        subcommands: [Open.self, Step.self, Resolve.self, Confirm.self, List.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a complaint; prints its id.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Argument(help: "What is wrong.") var summary: String
        @Option(help: "The deal it concerns.") var deal: String?
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                .openComplaint(try session.customer(customer, in: w).id, summary: summary, deal: try Parse.optionalID(deal, Deal.self))
            }
        }
    }

    struct Step: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a step taken toward resolving a complaint.",
            discussion: "Example: rapport complaint step k2 \"engineer visit booked for Friday\"")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The complaint id, e.g. k2.") var complaint: String
        @Argument(help: "What was done.") var text: String
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .addComplaintStep(try Parse.id(complaint, RapportCore.Complaint.self), text: text) }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resolve a complaint; then ask the customer and `confirm`.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The complaint id, e.g. k2.") var complaint: String
        @Option(help: "How it was resolved.") var resolution: String?
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in
                .resolveComplaint(try Parse.id(complaint, RapportCore.Complaint.self), resolution: resolution)
            }
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record whether the customer is satisfied with how a complaint was resolved.",
            discussion: "Example: rapport complaint confirm k2 --satisfied yes")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The complaint id, e.g. k2.") var complaint: String
        @Option(help: "yes or no.") var satisfied: String
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in
                let answer = try Failure.input { () throws(InputError) in try YesNo.parse(satisfied, "satisfied") }
                guard let yes = answer?.bool else { throw Failure.usage("--satisfied: expected yes or no") }
                return .confirmComplaint(try Parse.id(complaint, RapportCore.Complaint.self), satisfied: yes)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List complaints, newest first.")
        @OptionGroup var globals: GlobalOptions
        @Flag(help: "Only those not yet resolved.") var open = false
        @Option(help: "Only complaints of this rep's customers.") var owner: String?
        @Option(help: "Only this customer's.") var customer: String?
        @Option(help: "At most this many (default 50; 0 for all).") var limit = 50
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                guard limit >= 0 else { throw Failure.usage("--limit must be 0 or more") }
                let w = try session.openWorkspace()
                let only = try customer.map { try session.customer($0, in: w).id }
                let state = w.state, time = w.time
                var shown = state.complaints.reversed().filter { k in
                    state.isLive(k) && (!open || k.isOpen) && (only == nil || k.customer == only)
                        && (owner == nil || state.customer(k.customer)?.owner == owner)
                }
                if limit > 0 { shown = Array(shown.prefix(limit)) }
                Output.emit(json: json, .array(shown.map { JSONView.complaint($0, time) })) {
                    shown.isEmpty ? "no complaints" : Output.table([["id", "customer", "opened", "summary", "steps", "state"]] + shown.map { k in
                        [k.id.description, state.customer(k.customer)?.name ?? "", time.format(k.openedAt), k.summary, String(k.steps.count),
                         k.isOpen ? "open" : k.satisfied == true ? "satisfied" : k.satisfied == false ? "not satisfied" : "to confirm"]
                    }, rightAligned: [4], maxWidths: [1: 20, 3: 40])
                }
            }
        }
    }
}
