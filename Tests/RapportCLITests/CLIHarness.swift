import ChildProcess
import Foundation
import Testing

/// Runs the built `rapport` binary on a private log with a fixed clock.
struct CLI {
    let dir: String
    let log: String
    var environment: [String: String]

    init(now: String = "2026-11-23T09:00:00+08:00") {
        dir = FileManager.default.temporaryDirectory.path + "/rapport-cli-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        log = dir + "/crm.log"
        environment = ["RAPPORT_DATA": log, "RAPPORT_USER": "li", "RAPPORT_NOW": now, "TZ": "Asia/Shanghai",
                       "HOME": dir, "PATH": "/usr/bin:/bin"]
    }

    static var binary: String {
        if let dir = ProcessInfo.processInfo.environment["RAPPORT_BIN_DIR"], !dir.isEmpty { return dir + "/rapport" }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("rapport").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("rapport").path
    }

    typealias Result = ChildProcess.Outcome

    /// Runs `rapport` with `arguments`.
    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        try ChildProcess.run(CLI.binary, arguments, environment: environment)
    }

    /// Runs `rapport` with arguments given as raw bytes (text that is not UTF-8).
    @discardableResult
    func run(bytes arguments: [[UInt8]]) throws -> Result {
        try ChildProcess.run(CLI.binary, arguments, environment: environment)
    }

    /// Runs `rapport` with some settings changed for this run.
    @discardableResult
    func run(_ arguments: [String], with settings: [String: String?]) throws -> Result {
        var env = environment
        for (k, v) in settings { env[k] = v }
        return try ChildProcess.run(CLI.binary, arguments, environment: env)
    }

    /// The log's bytes.
    var logBytes: Data { FileManager.default.contents(atPath: log) ?? Data() }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }
}
