import Foundation
import Testing

/// The real `rapport` screen in a private tmux server: keys in, pane text out.
final class TmuxScreen {
    let server = "rapport-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    let cli: CLI
    private let config: String

    /// Starts `rapport ARGS` in a fresh server at `width` × `height` with `TERM` (tmux-256color unless given).
    init(_ cli: CLI, width: Int = 160, height: Int = 48, arguments: String = "", term: String? = nil) throws {
        self.cli = cli
        config = cli.dir + "/tmux.conf"
        try """
            set -g default-terminal tmux-256color
            set -g escape-time 0
            set -g remain-on-exit on
            set -g status off
            set -g history-limit 0
            """.write(toFile: config, atomically: true, encoding: .utf8)
        var env = cli.environment
        if let term { env["TERM"] = term }
        let assignments = env.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let command = "env \(assignments) \(term == nil ? "TERM=tmux-256color" : "") \(CLI.binary) \(arguments); echo EXIT=$?; sleep 600"
        try tmux(["-f", config, "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

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
        let p = Process()
        // Through bash, closing every inherited descriptor: Foundation's Process
        // watches its child through one, and a tmux server that kept it would
        // leave `waitUntilExit` waiting for the server to end.
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec "$@""#,
                       "bash", "/usr/bin/tmux", "-L", server] + arguments
        p.environment = ["PATH": "/usr/bin:/bin", "HOME": cli.dir, "LANG": "C.UTF-8"]
        // Output goes through a file, not a pipe the server could hold open.
        let file = cli.dir + "/tmux-out-\(UUID().uuidString.prefix(8))"
        FileManager.default.createFile(atPath: file, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try out.close()
        guard p.terminationStatus == 0 else { throw TmuxError.failed(arguments.joined(separator: " ")) }
        return String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
    }
}

enum TmuxError: Error {
    case failed(String)
    case timedOut(String)
}
