// catalogue: not yet moved (issue 16)
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
            FollowUpCommand.self, ComplaintCommand.self, PurchaseCommand.self, SatisfactionCommand.self, ProductCommand.self,
            SweepCommand.self, EraseCommand.self, UndoCommand.self, HistoryCommand.self,
            ReportCommand.self, ImportCommand.self, ExportCommand.self, DemoCommand.self, CheckCommand.self, RepairCommand.self,
        ]
    )

    /// Refuses arguments that are not UTF-8 before anything reads them: the
    /// standard library would store each bad byte as U+FFFD, losing the text.
    static func main() {
        if let problem = ArgumentCheck.problem() {
            Failure.printLine("rapport: \(problem)")
            Foundation.exit(64)
        }
        Language.choose(ProgramLanguage.resolved)
        main(nil)
    }

    @OptionGroup var globals: GlobalOptions
    @Option(help: "The screen's theme: default, light, high-contrast, mono, or a theme file (default: the config file's, or mono when NO_COLOR is set).")
    var theme: String?

    func run() throws {
        try reportingFailures { try ScreenCommand.run(globals, theme: theme) }
    }
}

/// The version printed by `--version`.
enum RapportVersion {
    static let current = "0.1.0"
}
