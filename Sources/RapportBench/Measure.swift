import ChildProcess
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
    /// MB, exit status and standard output. Started cleanly, and measured by
    /// `measure-child` (a large parent would lend the child its own peak).
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil)
        throws -> (ms: Double, rssMB: Double, status: Int32, output: String) {
        let r = try ChildProcess.run(executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment)
        guard ChildProcess.measurer != nil else { throw BenchError("measure-child is not built next to rapport-bench") }
        return (r.milliseconds, Double(r.maxRSSKilobytes) / 1024, r.status, r.out)
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
