import ArgumentParser
import Foundation
import RapportCore

/// The `rapport` command: the screen with no subcommand, or one action.
@main
struct Rapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: CLIText.fit(say("rapport.abstract")),
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
        Language.choose(ProgramLanguage.resolved)   // --lang is ASCII: read before the rest is checked
        if let problem = ArgumentCheck.problem() {
            Failure.printLine("rapport: \(problem)")   // catalogue: not text
            Foundation.exit(64)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exitReworded(error)
        }
    }

    /// What ArgumentParser's `exit(withError:)` does, with its words in the
    /// language of the moment and the arguments it quotes made safe to show:
    /// help on stdout with status 0, a mistake on stderr with its status.
    static func exitReworded(_ error: Error) -> Never {
        let message = TerminalText.safe(ParserWords.reworded(fullMessage(for: error)), multiline: true)
        let status = exitCode(for: error)
        if !message.isEmpty {
            let out = status.isSuccess ? FileHandle.standardOutput : FileHandle.standardError
            out.write(Data((message + "\n").utf8))
        }
        Foundation.exit(status.rawValue)
    }

    @OptionGroup var globals: GlobalOptions
    @Option(help: .words(say("rapport.theme")))
    var theme: String?

    func run() throws {
        try reportingFailures { try ScreenCommand.run(globals, theme: theme) }
    }
}

/// The version printed by `--version`.
enum RapportVersion {
    static let current = "0.1.0"
}
