import Foundation
import RapportCore
import RapportTerminal
import RapportUI

/// `rapport` with no subcommand: the four-pane screen on the log.
enum ScreenCommand {
    static func run(_ globals: GlobalOptions, theme option: String?) throws {
        let session = try Session(globals)
        let env = ProcessInfo.processInfo.environment
        TerminalCheck.setUTF8Locale()
        if let problem = TerminalCheck.problem(term: env["TERM"]) {
            throw Failure(message: problem, status: 69)
        }
        let workspace = try session.openWorkspace()
        let home = env["HOME"]
        let config = ScreenConfig(environment: env, home: home)
        let themes = ThemeFiles(environment: env, home: home)
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        let name = option ?? (noColor ? "mono" : config.theme ?? "default")
        let (theme, problem) = themes.loadOrFallBack(name)

        let terminal = Terminal(theme: theme)
        defer { terminal.restore() }
        var source = session.path
        if let home, source.hasPrefix(home + "/") { source = "~" + source.dropFirst(home.count) }
        let runner = ScreenRunner(workspace: workspace, terminal: terminal, themes: themes,
                                  themeName: problem == nil ? name : theme.name, source: source)
        let stoppedBy = try runner.run(notice: problem ?? config.problem)
        terminal.restore()
        if let signal = stoppedBy { exit(128 + signal) }
    }
}
