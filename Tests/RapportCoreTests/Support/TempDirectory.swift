import Foundation
import Testing

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TempDirectory {
    let path: String

    init(_ label: String = "rapport-test") {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    func file(_ name: String) -> String { "\(path)/\(name)" }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The directory holding the built executables (`log-stress`, `rapport`).
enum Products {
    static var directory: String {
        if let dir = ProcessInfo.processInfo.environment["RAPPORT_BIN_DIR"], !dir.isEmpty { return dir }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // swift test runs .build/<triple>/debug/RapportPackageTests.xctest
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("log-stress").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.path
    }

    static func path(_ name: String) -> String { "\(directory)/\(name)" }
}

/// Reads a whole file as bytes; empty if it does not exist. Any other
/// failure is recorded as a test issue.
func readBytes(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
        if errno != ENOENT { Issue.record("cannot open \(path): errno \(errno)", sourceLocation: sourceLocation) }
        return []
    }
    defer { close(fd) }
    var out = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            Issue.record("cannot read \(path): errno \(errno)", sourceLocation: sourceLocation)
            return out
        }
        if n == 0 { return out }
        out += buffer[0..<n]
    }
}

/// Writes bytes to a file in place (same inode), replacing its contents.
func writeBytes(_ bytes: [UInt8], to path: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
        Issue.record("cannot create \(path): errno \(errno)", sourceLocation: sourceLocation)
        return
    }
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
        guard n > 0 else {
            Issue.record("cannot write \(path): errno \(errno)", sourceLocation: sourceLocation)
            return
        }
        done += n
    }
}

/// A mutable box handed between threads in tests that synchronise by hand.
final class UnsafeSendableBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
