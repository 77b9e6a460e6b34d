// catalogue: not yet moved (issue 16)
import ArgumentParser
import RapportCore

/// `rapport erase`: a person's data erased on request (GDPR art. 17, PIPL art. 47).
struct EraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a customer's personal data from the log, its checkpoint and history, on request.",
        discussion: """
            The records about the customer keep their place and business facts (stages, values, dates, \
            counts) and lose names, phones, e-mails, addresses, titles and every note. The log is \
            rewritten, verifies with `rapport check`, and records the erasure (who, when, why; not what). \
            It cannot be undone. Copies made before (backups, exports) still hold the data: erase there too.
            Example: rapport erase c12 --reason "asked by e-mail on 2026-11-20"
            """)
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The customer: an id, a name or part of one, or a phone number.") var customer: String
    @Option(help: "Why (the request), kept in the log.") var reason: String
    @Flag(name: .customLong("delete-side-files"), help: "Also delete side files beside the log that may hold copies (torn tails, repaired copies).")
    var deleteSideFiles = false
    @Flag(help: "Print a JSON object.") var json = false

    func run() throws {
        try reportingFailures {
            let session = try Session(globals)
            let id = try session.customer(customer, in: try session.openWorkspace(create: false)).id
            let s = try Erasure.erase(id, reason: reason, path: session.path, actor: session.actor, clock: session.clock,
                                      deleteSideFiles: deleteSideFiles)
            let summary = "erased the personal data of \(s.customer) from \(s.records) records"
                + (s.removedFiles.isEmpty ? "" : "; removed \(s.removedFiles.joined(separator: ", "))")
                + "; copies made before (backups, exports) still hold it"
            Output.emit(json: json, .object(["ok": true, "customer": .string(s.customer.description), "records": .int(Int64(s.records)),
                                             "removed": .strings(s.removedFiles), "summary": .string(summary)])) { summary }
        }
    }
}
