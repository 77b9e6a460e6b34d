import Foundation
import RapportCore
import RapportTerminal
import RapportUI

/// The screen's loop: keys and the log in, Canvases out; effects run here.
final class ScreenRunner {
    private let workspace: Workspace
    private let terminal: Terminal
    private let themes: ThemeFiles
    private var app: AppState
    private var asOf: Timestamp?
    /// Since when another process has held the log's lock.
    private var lockBusySince: Date?
    private let indexBuilder = SearchIndexBuilder()
    /// How often the log is checked for what other processes appended.
    private let refreshEvery = 0.25

    init(workspace: Workspace, terminal: Terminal, themes: ThemeFiles, themeName: String, source: String) {
        self.workspace = workspace
        self.terminal = terminal
        self.themes = themes
        let size = terminal.size
        app = AppState(data: ScreenData(state: workspace.state, now: workspace.time), source: source,
                       actor: workspace.actor, width: size.width, height: size.height, themeName: themeName)
    }

    /// Runs until quit or a stop signal; returns the signal, if one stopped it.
    func run(notice: String?) throws -> Int32? {
        if let notice { _ = app.update(.notice(notice, isError: true)) }
        try perform(app.start())
        terminal.draw(app.view())
        // The index takes a moment on a large log: it is built beside the loop.
        indexBuilder.request(workspace.state)
        var lastRefresh = Date(), minute = workspace.time.now.milliseconds / 60_000
        while true {
            if let sig = Terminal.pendingStop { return sig }
            var changed = false
            var input = terminal.read(milliseconds: 100)
            // Handle every key already typed before drawing once (fast key repeat).
            while true {
                switch input {
                case .closed: return nil
                case .timeout: break
                case .resize(let w, let h): changed = true; try apply(.resize(width: w, height: h))
                case .key(let k):
                    changed = true
                    if try apply(.key(k)) { return nil }
                }
                if case .timeout = input { break }
                input = terminal.read(milliseconds: 0)
            }
            if let index = indexBuilder.take() {
                try apply(.searchReady(index))
                changed = true
            }
            if Date().timeIntervalSince(lastRefresh) >= refreshEvery {
                lastRefresh = Date()
                let before = workspace.state.recordCount
                if refreshLog() { changed = true }
                let appended = workspace.state.recordCount != before
                if appended { indexBuilder.request(workspace.state) }
                let thisMinute = workspace.time.now.milliseconds / 60_000
                if appended || thisMinute != minute, asOf == nil {
                    minute = thisMinute
                    try apply(.data(ScreenData(state: workspace.state, now: workspace.time)))
                    changed = true
                }
            }
            if changed { terminal.draw(app.view()) }
        }
    }

    /// Picks up what others appended; true when the screen must be drawn
    /// again. The screen keeps working on what it has when the log cannot be
    /// read (a damaged record appended by another program) or its lock is
    /// kept by a stopped process: the status line says so until it passes.
    private func refreshLog() -> Bool {
        var problem: String?
        var appended = false
        do {
            appended = try workspace.refresh(patience: 0)
            if let holder = workspace.store.busyHolder() {
                let since = lockBusySince ?? Date()
                lockBusySince = since
                let seconds = Int(Date().timeIntervalSince(since))
                if seconds >= 1 {
                    problem = "log locked for \(seconds) s by \(holder.brief): showing what is saved"
                        + (holder.isStopped ? " (kill -CONT \(holder.pid) resumes it)" : "")
                }
            } else {
                lockBusySince = nil
            }
        } catch LogError.damaged(_, let damage) {
            problem = "log damaged at line \(damage.line) (\(damage.reason)): showing what came before it; see rapport check"
        } catch {
            problem = "\(error): showing what was read before"
        }
        guard problem != app.alert else { return appended }
        if problem == nil, let was = app.alert {
            let cleared = was.hasPrefix("log locked") ? "the log's lock is free again" : "the log reads again"
            _ = app.update(.notice(cleared, isError: false))
        }
        _ = app.update(.alert(problem))
        return true
    }

    /// Applies a message and runs its effects; true when the user quit.
    @discardableResult
    private func apply(_ message: Message) throws -> Bool {
        try perform(app.update(message))
    }

    private func perform(_ effects: [Effect]) throws -> Bool {
        for effect in effects {
            switch effect {
            case .quit:
                return true
            case .loadTheme(let name):
                switch themes.load(name) {
                case .success(let theme):
                    terminal.apply(theme)
                    try apply(.themeLoaded(name: name, problem: nil))
                case .failure(let e):
                    try apply(.themeLoaded(name: name, problem: e.text))
                }
            case .showAsOf(let moment):
                asOf = moment
                let state = try moment.map { try workspace.state(asOf: $0) } ?? workspace.state
                try apply(.data(ScreenData(state: state, now: workspace.time, asOf: moment)))
            case .loadTimeline(let id):
                guard let c = workspace.state.customer(id) else { continue }
                var entries = try workspace.timeline(of: c, limit: 200)
                if let asOf { entries = entries.filter { $0.time <= asOf } }
                try apply(.timeline(id, entries))
            case .writeDemo:
                terminal.draw(app.view())
                let summary = try DemoBusiness.write(into: workspace, customers: 300, seed: 1) { _, _ in }
                try apply(.data(ScreenData(state: workspace.state, now: workspace.time)))
                indexBuilder.request(workspace.state)
                try apply(.notice("wrote a demo business: \(summary.customers) customers in \(Format.grouped(summary.records)) records", isError: false))
            }
        }
        return false
    }
}
