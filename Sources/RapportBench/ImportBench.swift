import Foundation
import RapportCore

/// `rapport import csv` of the demo's 100,000 customers (exported as CSV
/// first) into an empty log, each run a new process; and the export itself.
enum ImportBench {
    static func run(dir: String, bin: String, env: [String: String], report: inout Report, say: (String) -> Void) throws {
        let rapport = "\(bin)/rapport"
        let csv = "\(dir)/import-100k.csv", target = "\(dir)/import-100k.log"
        say("timing `rapport export csv` and `rapport import csv` of the demo's customers …")
        let exported = try Measure.run(rapport, ["export", "csv", "--include-private", "-o", csv], environment: env)
        guard exported.status == 0 else { throw BenchError("rapport export csv failed") }
        let rows = max(0, (try String(contentsOfFile: csv, encoding: .utf8)).utf8.count { $0 == 0x0A } - 1)
        var importEnv = env
        importEnv["RAPPORT_DATA"] = target
        var samples: [Double] = [], rss = 0.0
        for _ in 0..<3 {
            for path in [target, target + ".checkpoint"] { try? FileManager.default.removeItem(atPath: path) }
            let r = try Measure.run(rapport, ["import", "csv", csv], environment: importEnv)
            guard r.status == 0 else { throw BenchError("rapport import csv failed") }
            samples.append(r.ms / 1000)
            rss = max(rss, r.rssMB)
        }
        for path in [target, target + ".checkpoint"] { try? FileManager.default.removeItem(atPath: path) }
        let seconds = Measure.median(samples)
        report.add("import_100k_s", "import csv: 100,000 customers (\(Format.grouped(rows)) rows), new process (median of 3)", seconds, "s",
                   goal: "< 30 s", met: seconds < 30)
        report.add("import_rss_mb", "peak memory, import csv", rss, "MB")
        report.add("export_100k_s", "export csv: the same 100,000 customers", exported.ms / 1000, "s")
    }
}
