import Foundation

/// Timing and memory measurement helpers for the benchmarks.
enum Measure {
    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Milliseconds `body` takes.
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return (now() - start) * 1000
    }

    /// The value at quantile `q` (0…1) of `samples`.
    static func quantile(_ samples: [Double], _ q: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
    }

    /// The median of `samples`.
    static func median(_ samples: [Double]) -> Double { quantile(samples, 0.5) }

    /// Runs a command to completion; returns wall milliseconds, peak RSS in
    /// MB, exit status and (if asked) standard output.
    ///
    /// The command is started by a fresh, small `rapport-bench --spawn`
    /// process: a child spawned straight from this large process would report
    /// this process's high-water mark as its own (Linux carries it over exec).
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    stdout: Bool = false) throws -> (ms: Double, rssMB: Double, status: Int32, output: String) {
        let launcher = Process()
        launcher.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        launcher.arguments = ["--spawn", executable] + arguments
        if let environment { launcher.environment = environment }
        let out = Pipe(), report = Pipe()
        launcher.standardOutput = stdout ? out : FileHandle.nullDevice
        launcher.standardError = report
        try launcher.run()
        let output = stdout ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let line = String(decoding: report.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        launcher.waitUntilExit()
        let fields = line.split(separator: "\n").last { $0.hasPrefix("spawn ") }?.split(separator: " ") ?? []
        guard fields.count == 4, let ms = Double(fields[1]), let kb = Double(fields[2]), let status = Int32(fields[3]) else {
            throw BenchError("could not run \(executable): \(line)")
        }
        return (ms, kb / 1024, status, String(decoding: output, as: UTF8.self))
    }

    /// The `--spawn` mode: runs the command (inheriting stdout), then writes
    /// `spawn <ms> <peak RSS kB> <status>` to stderr.
    static func spawnAndReport(_ command: [String]) -> Never {
        var pid: pid_t = 0
        let argv = command.map { strdup($0) } + [nil]
        let start = now()
        let rc = posix_spawn(&pid, command[0], nil, nil, argv, environ)
        guard rc == 0 else {
            FileHandle.standardError.write(Data("spawn failed: \(String(cString: strerror(rc)))\n".utf8))
            exit(70)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let ms = (now() - start) * 1000
        FileHandle.standardError.write(Data("spawn \(ms) \(usage.ru_maxrss) \((status >> 8) & 0xFF)\n".utf8))
        exit(0)
    }

    /// The full path of a program on PATH, if any.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// A benchmark that could not run, in words.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A small deterministic random generator (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
