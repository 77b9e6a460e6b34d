import Foundation
import RapportApp
import RapportCore
import RapportTerminal
import RapportUI

/// `rapport` with no subcommand: the four-pane screen on the log.
enum ScreenCommand {
    static func run(_ globals: GlobalOptions, theme option: String?) throws {
        let session = try Session(globals, quiet: true)
        let env = ProcessInfo.processInfo.environment
        TerminalCheck.setUTF8Locale()
        if let problem = TerminalCheck.problem(term: env["TERM"]) {   // catalogue: not text (settings, paths)
            throw Failure(message: problem, status: 69)
        }
        let workspace = try session.openWorkspace(quiet: true)
        let home = env["HOME"]   // catalogue: not text (settings, paths)
        let config = ScreenConfig(environment: env, home: home)
        let themes = ThemeFiles(environment: env, home: home)
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty   // catalogue: not text (settings, paths)
        let name = option ?? (noColor ? "mono" : config.theme ?? "default")   // catalogue: not text (settings, paths)
        let (theme, problem) = themes.loadOrFallBack(name)

        let terminal = Terminal(theme: theme, crashReport: crashReportPath(env))
        defer { terminal.restore() }
        var source = session.path
        if let home, source.hasPrefix(home + "/") { source = "~" + source.dropFirst(home.count) }   // catalogue: not text (settings, paths)
        let effects = Effects(workspace: workspace, themes: themes) { terminal.apply($0) }
        let size = terminal.size
        let notices = session.warnings + workspace.store.takeNotices().map(\.description)
            + [workspace.unreadableWarning, workspace.checkpointProblem, problem ?? config.problem].compactMap { $0 }
        // The first data goes straight into the loop: a copy kept here would
        // hold the state as it was at the start for the whole session, and
        // every chunk changed since with it (a second state, on a long day).
        let stoppedBy = ScreenLoop(app: AppState(data: effects.initialData(), source: source, actor: workspace.actor,
                                                 width: size.width, height: size.height,
                                                 themeName: problem == nil ? name : theme.name, language: session.language),
                                   effects: effects, backend: terminal)
            .run(notice: notices.isEmpty ? nil : notices.joined(separator: say("support.noticeSeparator")))
        terminal.restore()
        if let signal = stoppedBy { exit(128 + signal) }
    }

    /// Where a crash writes its report: `$XDG_STATE_HOME/rapport` (else
    /// `~/.local/state/rapport`), made private now, so the handler need not.
    static func crashReportPath(_ env: [String: String]) -> String? {
        let base = env["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? env["HOME"].map { $0 + "/.local/state" }   // catalogue: not text (settings, paths)
        guard let folder = base.map({ $0 + "/rapport" }) else { return nil }   // catalogue: not text (settings, paths)
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                         attributes: [.posixPermissions: 0o700])) != nil else { return nil }
        return "\(folder)/crash-\(getpid()).txt"   // catalogue: not text (settings, paths)
    }
}
