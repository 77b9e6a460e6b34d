import Foundation

/// The process holding a lock on the log, as Linux reports it in
/// `/proc/locks`: who it is, what it runs, and whether it is stopped.
public struct LockHolder: Equatable, Sendable, CustomStringConvertible {
    public let pid: Int32
    /// Its command line, e.g. `rapport demo --customers 20000`.
    public let command: String
    /// Stopped by Ctrl-Z or SIGSTOP: it will not let go until resumed.
    public let isStopped: Bool

    public var description: String {
        let what = command.isEmpty ? say("log.lock.pid", pid) : say("log.lock.pidRunning", pid, TerminalText.safe(command))
        return isStopped ? say("log.lock.stopped", what, pid) : what
    }

    /// `pid 1234 (rapport demo --c…), stopped`: short, for a status line.
    public var brief: String {
        let what = command.isEmpty ? say("log.lock.pid", pid) : say("log.lock.pidRunning", pid, TextWidth.truncate(TerminalText.safe(command), to: 24))
        return isStopped ? say("log.lock.briefStopped", what) : what
    }

    /// The holder of a lock on the file with this device and inode, if the
    /// system says; nil when it does not (another kernel, no /proc).
    static func of(device: UInt64, inode: UInt64) -> LockHolder? {
        guard let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }   // catalogue: not text
        // st_dev as the kernel prints it in /proc/locks: major:minor in hex.
        let major = ((device >> 8) & 0xFFF) | ((device >> 32) & ~0xFFF)
        let minor = (device & 0xFF) | ((device >> 12) & ~0xFF)
        let file = "\(String(major, radix: 16, uppercase: false).leftPadded(2)):\(String(minor, radix: 16).leftPadded(2)):\(inode)"
        for line in locks.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            // "1: FLOCK ADVISORY WRITE 1234 08:01:5678 0 EOF"; waiters are marked "->".
            guard fields.count >= 6, fields[1] != "->", fields[5] == file, let pid = Int32(fields[4]) else { continue }
            return LockHolder(pid: pid, command: command(of: pid), isStopped: stopped(pid))
        }
        return nil
    }

    private static func command(of pid: Int32) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return "" }
        let parts = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard let first = parts.first else { return "" }
        let name = first.split(separator: "/").last.map(String.init) ?? first
        return ([name] + parts.dropFirst()).joined(separator: " ")
    }

    private static func stopped(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        // "pid (comm) S …": the state follows the command's closing parenthesis.
        let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
        return state == "T" || state == "t"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
