import Foundation
import RapportCore

/// `make bench-scale`: the new-process figures at 10,000, 100,000 and
/// 1,000,000 customers, as a table of how each grows. The demo logs are
/// written once and kept under `.build/bench` (the largest is about 3 GB).
enum ScaleBench {
    static let sizes = [10_000, 100_000, 1_000_000]

    /// One size's figures, by key, in the order of `figures`.
    typealias Figures = [String: Double]

    /// The figures measured at each size: key, label, unit.
    static let figures: [(key: String, label: String, unit: String)] = [
        ("records", "records in the log", ""), ("log_mb", "log size", "MB"), ("demo_write_s", "write the demo (once)", "s"),
        ("cold_open_ms", "cold open: report queue, no checkpoint", "ms"), ("cold_open_rss_mb", "cold open, peak memory", "MB"),
        ("queue_ms", "report queue --limit 20", "ms"), ("search_ms", "customer search \(DomainBench.searchQuery)", "ms"),
        ("show_ms", "customer show c1", "ms"), ("funnel_ms", "report funnel", "ms"),
        ("command_rss_mb", "peak memory of those four", "MB"),
        ("check_ms", "check", "ms"), ("check_rss_mb", "check, peak memory", "MB"),
        ("first_frame_ms", "screen: first frame (tmux)", "ms"), ("screen_rss_mb", "screen: peak memory 3 s after", "MB"),
    ]

    static func run(sizes: [Int], dir: String, bin: String, report: inout Report, say: (String) -> Void) throws -> String {
        let rapport = "\(bin)/rapport"
        var columns: [(size: Int, figures: Figures)] = []
        for size in sizes {
            let log = "\(dir)/scale-\(size).log"
            var env = ProcessInfo.processInfo.environment
            env["RAPPORT_DATA"] = log
            env["RAPPORT_USER"] = "bench"
            env["RAPPORT_NOW"] = DomainBench.now
            env["TZ"] = "Asia/Shanghai"
            var f = Figures()
            if !FileManager.default.fileExists(atPath: log) {
                say("writing the \(Format.grouped(size))-customer demo (kept for later runs) …")
                let partial = log + ".partial"
                for p in [partial, partial + ".checkpoint"] { try? FileManager.default.removeItem(atPath: p) }
                var writing = env
                writing["RAPPORT_DATA"] = partial
                let demo = try Measure.run(rapport, ["demo", "--customers", String(size), "--seed", "1"], environment: writing)
                guard demo.status == 0 else { throw BenchError("rapport demo --customers \(size) failed") }
                try? FileManager.default.removeItem(atPath: partial + ".checkpoint")
                try FileManager.default.moveItem(atPath: partial, toPath: log)
                f["demo_write_s"] = demo.ms / 1000
            }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
            f["log_mb"] = Double(bytes) / 1_000_000

            say("\(Format.grouped(size)) customers: cold open …")
            try? FileManager.default.removeItem(atPath: log + ".checkpoint")
            let cold = try Measure.run(rapport, ["report", "queue", "--limit", "20"], environment: env)
            guard cold.status == 0 else { throw BenchError("report queue failed at \(size) customers") }
            f["cold_open_ms"] = cold.ms
            f["cold_open_rss_mb"] = cold.rssMB

            say("\(Format.grouped(size)) customers: commands in new processes …")
            var rss = 0.0
            for (key, args) in [("queue_ms", ["report", "queue", "--limit", "20"]), ("search_ms", ["customer", "search", DomainBench.searchQuery]),
                                ("show_ms", ["customer", "show", "c1"]), ("funnel_ms", ["report", "funnel"])] {
                let r = try DomainBench.medianRun(rapport, args, env, times: 5)
                f[key] = r.ms
                rss = max(rss, r.rssMB)
            }
            f["command_rss_mb"] = rss
            let check = try DomainBench.medianRun(rapport, ["check"], env, times: 3)
            f["check_ms"] = check.ms
            f["check_rss_mb"] = check.rssMB
            f["records"] = Double(try countRecords(rapport, env))

            if Measure.which("tmux") != nil {
                say("\(Format.grouped(size)) customers: the screen's first frame …")
                let frame = try ScreenBench.firstFrame(log: log, rapport: rapport, settle: 3)
                f["first_frame_ms"] = frame.ms
                f["screen_rss_mb"] = frame.rssMB
            }
            columns.append((size, f))
            var o = JSONObject()
            for (key, _, _) in figures { if let v = f[key] { o[key] = .double((v * 100).rounded() / 100) } }
            report.note("scale_\(size)", .object(o))
        }
        return table(columns)
    }

    /// The number of records `rapport check --json` counts.
    private static func countRecords(_ rapport: String, _ env: [String: String]) throws -> Int {
        let r = try Measure.run(rapport, ["check", "--json"], environment: env)
        guard case .object(let o)? = try? JSONScanner.parse(Array(r.output.utf8)), case .int(let n)? = o["records"] else {
            throw BenchError("rapport check --json gave no record count")
        }
        return Int(n)
    }

    /// Sizes across, figures down, and how much each grew from one size to the next.
    static func table(_ columns: [(size: Int, figures: Figures)]) -> String {
        var rows = [["figure"] + columns.map { Format.grouped($0.size) + " customers" }
                    + zip(columns, columns.dropFirst()).map { "×\(($1.size / $0.size))" }]
        for (key, label, unit) in figures {
            let values = columns.map { $0.figures[key] }
            guard values.contains(where: { $0 != nil }) else { continue }
            let cells = values.map { v in v.map { format($0) + (unit.isEmpty ? "" : " " + unit) } ?? "—" }
            let growth = zip(values, values.dropFirst()).map { a, b -> String in
                guard let a, let b, a > 0 else { return "" }
                return String(format: "%.1f×", b / a)
            }
            rows.append([label] + cells + growth)
        }
        let widths = (0..<rows[0].count).map { i in rows.map { TextWidth.of($0[i]) }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == 0 ? cell + String(repeating: " ", count: widths[i] - TextWidth.of(cell))
                    : String(repeating: " ", count: widths[i] - TextWidth.of(cell)) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private static func format(_ v: Double) -> String {
        v >= 100 ? Format.grouped(Int(v.rounded())) : String(format: v >= 10 ? "%.1f" : "%.2f", v)
    }
}
