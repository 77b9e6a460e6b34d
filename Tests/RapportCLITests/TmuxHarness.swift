import ChildProcess
import Foundation
import Testing

/// The real `rapport` screen in a private tmux server: keys in, pane text out.
///
/// tmux is started through `ChildProcess`, with no signal blocked and no
/// descriptor of the test process inherited; the server is killed when the
/// screen goes away, at the latest when the test process exits, and servers
/// left by an earlier run that died are killed when the next one starts.
final class TmuxScreen {
    let server = "rapport-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    let cli: CLI
    private let config: String
    private var serverPID: pid_t = 0

    /// Starts `rapport ARGS` in a fresh server at `width` × `height` with `TERM` (tmux-256color unless given);
    /// `inShell`: typed into an interactive shell, as a job it controls (for Ctrl-Z and fg); no `EXIT=` line.
    init(_ cli: CLI, width: Int = 160, height: Int = 48, arguments: String = "", term: String? = nil,
         environment extra: [String: String] = [:], inShell: Bool = false) throws {
        TmuxServers.cleanUpAfterDeadRuns()
        self.cli = cli
        config = cli.dir + "/tmux.conf"
        try """
            set -g default-terminal tmux-256color
            set -g escape-time 0
            set -g remain-on-exit on
            set -g status off
            set -g history-limit 0
            """.write(toFile: config, atomically: true, encoding: .utf8)
        var env = cli.environment.merging(extra) { $1 }
        if let term { env["TERM"] = term }
        let assignments = env.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let environment = "env \(assignments) \(term == nil ? "TERM=tmux-256color" : "")"
        let command = inShell ? "\(environment) PS1='$ ' /bin/bash --norc --noprofile -i"
            : "\(environment) \(CLI.binary) \(arguments); echo EXIT=$?; sleep 600"
        TmuxServers.register(server)
        try tmux(["-f", config, "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", command])
        serverPID = pid_t(try value("#{pid}")) ?? 0
        if inShell {
            try waitFor("the shell's prompt") { $0.hasPrefix("$") }
            try type("\(CLI.binary) \(arguments)")   // alone: a stopped job in a list lets the list go on
            try press("Enter")
        }
    }

    deinit { stop() }

    /// Kills the server and everything in it; makes sure it is gone.
    func stop() {
        _ = try? tmux(["kill-server"])
        TmuxServers.forget(server)
        if serverPID > 0 {
            for _ in 0..<20 where kill(serverPID, 0) == 0 { usleep(50_000) }
            if kill(serverPID, 0) == 0 { kill(serverPID, SIGKILL) }
            serverPID = 0
        }
        TmuxServers.removeSocket(server)
    }

    /// Presses named tmux keys (`Tab`, `Enter`, `Escape`, `Down`) or characters.
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

    /// Types literal text (UTF-8, e.g. Chinese).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    func resize(_ width: Int, _ height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// What the pane shows now.
    func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]) }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    func value(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the pane until `condition` holds; fails the test with the last screen if it never does.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what); the pane shows:\n\(screen)", sourceLocation: sourceLocation)
        throw TmuxError.timedOut(what)
    }

    /// Polls until the pane shows `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try TmuxServers.tmux(server, arguments, home: cli.dir)
    }
}

/// Every tmux server the tests start, so that none outlives the suite.
enum TmuxServers {
    nonisolated(unsafe) private static var running: Set<String> = []
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cleanedUp = false

    static func tmux(_ server: String, _ arguments: [String], home: String) throws -> String {
        let r = try ChildProcess.run("/usr/bin/tmux", ["-L", server] + arguments,
                                     environment: ["PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"])
        guard r.status == 0 else { throw TmuxError.failed(arguments.joined(separator: " ") + ": " + r.err) }
        return r.out
    }

    static func register(_ server: String) {
        lock.withLock {
            if running.isEmpty, !cleanedUp { atexit { TmuxServers.killAll() } }
            running.insert(server)
        }
    }

    static func forget(_ server: String) { _ = lock.withLock { running.remove(server) } }

    /// At exit: kills what a test did not stop (it failed half-way, say).
    static func killAll() {
        for server in lock.withLock({ running }) {
            _ = try? tmux(server, ["kill-server"], home: "/tmp")
            removeSocket(server)
        }
    }

    /// tmux 3.3 leaves its socket file behind when its server is killed.
    static func removeSocket(_ server: String) { unlink("\(folder)/\(server)") }

    /// Where tmux puts the sockets of `-L` servers (the tests pass no TMUX_TMPDIR).
    static let folder = "/tmp/tmux-\(getuid())"

    /// Kills servers of earlier test processes that are gone (killed, crashed).
    static func cleanUpAfterDeadRuns() {
        let first: Bool = lock.withLock {
            defer { cleanedUp = true }
            return !cleanedUp
        }
        guard first else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix("rapport-test-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 4, let pid = pid_t(parts[2]), pid != getpid(), kill(pid, 0) != 0 else { continue }
            if let serverPID = try? tmux(name, ["display-message", "-p", "#{pid}"], home: "/tmp").trimmingCharacters(in: .whitespacesAndNewlines),
               let spid = pid_t(serverPID) {
                kill(spid, SIGKILL)
            }
            unlink("\(folder)/\(name)")
        }
    }
}

enum TmuxError: Error {
    case failed(String)
    case timedOut(String)
}
