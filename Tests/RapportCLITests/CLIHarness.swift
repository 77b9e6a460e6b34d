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

    struct Result {
        let status: Int32
        let out: String
        let err: String
        /// The output without its final newline.
        var line: String { out.hasSuffix("\n") ? String(out.dropLast()) : out }
    }

    /// Runs `rapport` with `arguments`.
    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = arguments
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// The log's bytes.
    var logBytes: Data { FileManager.default.contents(atPath: log) ?? Data() }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }
}
