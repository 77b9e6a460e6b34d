import Foundation

/// A child process started cleanly, for tests and the benchmark: no signal
/// blocked or ignored (a test runner blocks most, and a tmux server that
/// inherits that mask ignores SIGTERM and loses SIGCHLD), no descriptor of
/// the parent's inherited but the three it is given, and its resource use
/// (peak memory) read when it ends.
public struct ChildProcess {
    /// How a child ended.
    public struct Outcome: Sendable {
        /// The exit status, or 128 + the signal that ended it.
        public let status: Int32
        public let out: String
        public let err: String
        /// The child's peak resident memory, in kilobytes (0 when unmeasured).
        public let maxRSSKilobytes: Int
        /// From start to end, in milliseconds, measured next to the child.
        public let milliseconds: Double
        /// The output without its final newline.
        public var line: String { out.hasSuffix("\n") ? String(out.dropLast()) : out }
    }

    public enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        public var description: String {
            switch self {
            case .spawn(let path, let code): "cannot start \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Runs `executable` with `arguments` (raw bytes, so that a test can pass
    /// text that is not UTF-8) and `environment`, stdin from `input` (a
    /// file, or /dev/null), and waits for it. Its peak memory is read through
    /// the `measure-child` program next to `executable`'s caller when there
    /// is one (see that program for why); else it is 0.
    public static func run(_ executable: String, _ arguments: [[UInt8]], environment: [String: String],
                           input: String = "/dev/null") throws(Failure) -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.path + "/child-\(getpid())-\(UUID().uuidString.prefix(8))"
        let outPath = scratch + ".out", errPath = scratch + ".err", reportPath = scratch + ".rusage"
        defer {
            unlink(outPath)
            unlink(errPath)
            unlink(reportPath)
        }
        let pid: pid_t
        if let launcher = measurer {
            pid = try spawn(launcher, [Array(reportPath.utf8), Array(executable.utf8)] + arguments, environment: environment,
                            stdin: input, stdout: outPath, stderr: errPath)
        } else {
            pid = try spawn(executable, arguments, environment: environment, stdin: input, stdout: outPath, stderr: errPath)
        }
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let started = Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        func text(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        let measured = text(reportPath).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        let elapsed = measured.count == 3 ? Double(measured[2]) / 1000 : Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6 - started
        return Outcome(status: code, out: text(outPath), err: text(errPath), maxRSSKilobytes: measured.count == 3 ? measured[1] : 0,
                       milliseconds: elapsed)
    }

    /// `measure-child`, built beside the running test bundle or benchmark.
    public static let measurer: String? = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("measure-child").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// Runs `executable` with text arguments.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                           input: String = "/dev/null") throws(Failure) -> Outcome {
        try run(executable, arguments.map { Array($0.utf8) }, environment: environment, input: input)
    }

    /// Starts a child without waiting; its output goes to the files named.
    public static func spawn(_ executable: String, _ arguments: [[UInt8]], environment: [String: String],
                             stdin: String, stdout: String, stderr: String) throws(Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        closeFrom3(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([Array(executable.utf8)] + arguments).map { bytes -> UnsafeMutablePointer<CChar>? in
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, b) in bytes.enumerated() { p[i] = CChar(bitPattern: b) }
            p[bytes.count] = 0
            return p
        } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { p?.deallocate() }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw .spawn(executable, rc) }
        return pid
    }

    /// Closes every descriptor from 3 up in the child (glibc's
    /// posix_spawn_file_actions_addclosefrom_np, looked up at run time).
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }
}
