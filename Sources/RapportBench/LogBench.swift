import Foundation
import RapportCore

/// The log store's figures: open time against SQLite, durable append
/// latency against a bare write + fdatasync, peak memory when open.
enum LogBench {
    static let recordCount = 1_000_000

    static func run(in dir: String, bin: String, report: inout Report, say: (String) -> Void) throws {
        let logPath = "\(dir)/log-1m.log"
        if !FileManager.default.fileExists(atPath: logPath) {
            say("generating \(Format.grouped(recordCount)) records …")
            let tmp = logPath + ".partial"
            try? FileManager.default.removeItem(atPath: tmp)
            try LogGenerator.fill(try LogStore.open(path: tmp, actor: "bench"), count: recordCount)
            try FileManager.default.moveItem(atPath: tmp, toPath: logPath)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: logPath)[.size] as? Int) ?? 0
        report.note("records", .int(Int64(recordCount)))
        report.note("bytes_per_record", .int(Int64(size / recordCount)))

        say("opening the 1M-record log 5 times …")
        var opens: [Double] = []
        for _ in 0..<5 {
            var count = 0
            opens.append(try Measure.milliseconds {
                count = try LogStore.open(path: logPath, actor: "bench", create: false).records.count
            })
            precondition(count == recordCount, "the log holds \(count) records")
        }
        let (sqlite, sqliteRSS) = try SQLiteBaseline.load(logPath: logPath, say: say)
        let open = Measure.median(opens)
        report.add("open_ms", "open + verify 1M records (median of 5)", open, "ms",
                   goal: "<= 500 ms and < SQLite", met: open <= 500 && (sqlite.isNaN || open < sqlite))
        report.add("sqlite_load_ms", "sqlite3 loads the same rows (median of 5)", sqlite, "ms")
        report.add("open_vs_sqlite", "open / SQLite", open / sqlite, "x", goal: "< 1", met: sqlite.isNaN ? nil : open < sqlite)

        say("measuring durable appends against bare write + fdatasync …")
        let (append, bare) = try appendLatencies(dir: dir)
        let p50 = Measure.median(append), bareP50 = Measure.median(bare)
        report.add("append_p50_us", "durable append p50", p50, "µs", goal: "<= 1.5 × bare", met: p50 <= 1.5 * bareP50)
        report.add("append_p99_us", "durable append p99", Measure.quantile(append, 0.99), "µs")
        report.add("fdatasync_p50_us", "bare write + fdatasync p50", bareP50, "µs")
        report.add("append_vs_fdatasync", "append p50 / bare p50", p50 / bareP50, "x", goal: "<= 1.5", met: p50 <= 1.5 * bareP50)

        say("timing `rapport check` on the 1M-record log …")
        var checks: [Double] = [], checkRSS = 0.0
        for _ in 0..<5 {
            let check = try Measure.run("\(bin)/rapport", ["check", "--data", logPath])
            precondition(check.status == 0, "rapport check failed on the benchmark log")
            checks.append(check.ms)
            checkRSS = max(checkRSS, check.rssMB)
        }
        let check = Measure.median(checks)
        report.add("check_ms", "rapport check, 1M records, new process (median of 5)", check, "ms",
                   goal: "<= 0.5 × SQLite", met: sqlite.isNaN ? nil : check <= 0.5 * sqlite)
        report.add("check_vs_sqlite", "check / SQLite", check / sqlite, "x", goal: "<= 0.5", met: sqlite.isNaN ? nil : check <= 0.5 * sqlite)
        report.add("check_rss_mb", "peak memory, rapport check", checkRSS, "MB", goal: "<= 64 MB", met: checkRSS <= 64)
        report.add("sqlite_rss_mb", "peak memory, sqlite3 reading the same rows", sqliteRSS, "MB")
    }

    /// Interleaved samples of a durable single-record append and of a bare
    /// write + fdatasync of the same bytes, on the same file system.
    static func appendLatencies(dir: String, samples: Int = 600) throws -> ([Double], [Double]) {
        let logPath = "\(dir)/append.log", barePath = "\(dir)/bare.log"
        for p in [logPath, barePath] { try? FileManager.default.removeItem(atPath: p) }
        defer { for p in [logPath, barePath] { try? FileManager.default.removeItem(atPath: p) } }
        let store = try LogStore.open(path: logPath, actor: "bench")
        try LogGenerator.fill(store, count: 1, group: 1)
        let fd = open(barePath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        defer { close(fd) }
        var appendSamples: [Double] = [], bareSamples: [Double] = []
        var rng = SplitMix(seed: 9)
        for i in 0..<samples {
            let record = NewRecord(type: "note.added", version: 1, payload: .object([
                "c": .string("c\(rng.next() % 100_000)"), "text": .string("回访客户 sent proposal"),
            ]))
            let before = store.byteCount
            let appendMs = try Measure.milliseconds { try store.append([record]) }
            let line = readLine(logPath, from: before, to: store.byteCount)
            let bareMs = Measure.milliseconds {
                _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                fdatasync(fd)
            }
            if i >= 20 {   // warm-up
                appendSamples.append(appendMs * 1000)
                bareSamples.append(bareMs * 1000)
            }
        }
        return (appendSamples, bareSamples)
    }

    private static func readLine(_ path: String, from: Int64, to: Int64) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: Int(to - from))
        _ = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(from)) }
        return bytes
    }
}
