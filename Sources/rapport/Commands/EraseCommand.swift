import ArgumentParser
import RapportCore

/// `rapport erase`: a person's data erased on request (GDPR art. 17, PIPL art. 47).
struct EraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: CLIText.fit(say("cli.erase.abstract")), discussion: CLIText.fit(say("cli.erase.discussion"), width: CLIText.page))
    @OptionGroup var globals: GlobalOptions
    @Argument(help: .words(say("commands.help.customerAny"))) var customer: String
    @Option(help: .words(say("cli.erase.reason"))) var reason: String
    @Flag(name: .customLong("delete-side-files"), help: .words(say("cli.erase.deleteSideFiles")))
    var deleteSideFiles = false
    @Flag(help: .words(say("commands.help.json"))) var json = false

    func run() throws {
        try reportingFailures {
            let session = try Session(globals)
            let id = try session.customer(customer, in: try session.openWorkspace(create: false)).id
            let s = try Erasure.erase(id, reason: reason, path: session.path, actor: session.actor, clock: session.clock,
                                      deleteSideFiles: deleteSideFiles)
            // Worded when printed: in English inside the JSON, else in the language of the moment.
            let summary = {
                say("cli.erase.done", s.customer, Format.grouped(s.records))
                    + (s.removedFiles.isEmpty ? "" : say("cli.erase.removed", s.removedFiles.joined(separator: say("cli.separator"))))
                    + say("cli.erase.copiesStillHold")
            }
            Output.emit(json: json, .object(["ok": true, "customer": .string(s.customer.description), "records": .int(Int64(s.records)),
                                             "removed": .strings(s.removedFiles), "summary": .string(summary())])) { summary() }
        }
    }
}
