import ArgumentParser
import Foundation
import RapportCore

/// The `rapport` command: the screen with no subcommand, or one action.
@main
struct Rapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "A keyboard-first customer-relationship manager over an append-only event log.",
        version: RapportVersion.current,
        subcommands: [
            CustomerCommand.self, ContactCommand.self, DealCommand.self, CallCommand.self, NoteCommand.self,
            FollowUpCommand.self, ComplaintCommand.self, PurchaseCommand.self, UndoCommand.self, HistoryCommand.self,
            ReportCommand.self, DemoCommand.self, CheckCommand.self,
        ]
    )

    @OptionGroup var globals: GlobalOptions

    func run() throws {
        let session = try Session(globals)
        let store = try session.openStore()
        print("rapport \(RapportVersion.current): \(session.path) holds \(store.records.count) records.")
        print("The full-screen view is not built yet; `rapport --help` lists the commands.")
    }
}

/// The version printed by `--version`.
enum RapportVersion {
    static let current = "0.1.0"
}
