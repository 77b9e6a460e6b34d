import Foundation
import RapportCore

/// `rapport-bench [--json] [--dir PATH] [--screen | --soak MINUTES | --scale [SIZES]]`: the figures of `make bench`.
///
/// Data lives in `.build/bench` (regenerated when missing). `--screen` times
/// only the screen, on the demo log an earlier full run left there; `--soak`
/// is `make soak` (with `--soak-append LOG SECONDS`, its other process);
/// `--scale` is `make bench-scale` (SIZES: customers, comma-separated).
@main
enum RapportBench {
    static func main() throws {
        let args = CommandLine.arguments.dropFirst()
        let usage = "usage: rapport-bench [--json] [--dir PATH] [--screen | --soak MINUTES | --scale [SIZES]]"
        if args.contains("--help") || args.contains("-h") { return print(usage) }
        let known: Set = ["--json", "--dir", "--screen", "--soak", "--soak-append", "--scale"]
        if let unknown = args.first(where: { $0.hasPrefix("-") && !known.contains($0) }) {
            FileHandle.standardError.write(Data("rapport-bench: unknown option \(unknown)\n\(usage)\n".utf8))
            exit(2)
        }
        if let i = args.firstIndex(of: "--soak-append"), i + 2 < args.endIndex, let seconds = Double(args[i + 2]) {
            return try Soak.append(log: args[i + 1], seconds: seconds)
        }
        let jsonOnly = args.contains("--json")
        let bin = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        var dir = "\(FileManager.default.currentDirectoryPath)/.build/bench"
        if let i = args.firstIndex(of: "--dir"), i + 1 < args.endIndex { dir = args[i + 1] }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let say: (String) -> Void = { line in
            FileHandle.standardError.write(Data("bench: \(line)\n".utf8))
        }
        var report = Report()
        report.note("machine", .string("\(ProcessInfo.processInfo.activeProcessorCount) cores"))
        // A figure that cannot be measured is reported with the reason, and the bench goes on.
        if let i = args.firstIndex(of: "--soak") {
            let minutes = i + 1 < args.endIndex ? Double(args[i + 1]) ?? 20 : 20
            report.attempt("soak", say: say) { report in try Soak.run(minutes: minutes, dir: dir, bin: bin, report: &report, say: say) }
        } else if let i = args.firstIndex(of: "--scale") {
            let given = i + 1 < args.endIndex ? args[i + 1].split(separator: ",").compactMap { Int($0) } : []
            var table = ""
            report.attempt("scale", say: say) { report in
                table = try ScaleBench.run(sizes: given.isEmpty ? ScaleBench.sizes : given, dir: dir, bin: bin, report: &report, say: say)
            }
            if !jsonOnly { print(table + "\n") }
        } else if args.contains("--screen") {
            report.attempt("screen", say: say) { report in try ScreenBench.run(log: DomainBench.log(in: dir), bin: bin, report: &report, say: say) }
        } else {
            report.attempt("log_store", say: say) { report in try LogBench.run(in: dir, bin: bin, report: &report, say: say) }
            report.attempt("domain", say: say) { report in try DomainBench.run(in: dir, bin: bin, report: &report, say: say) }
        }
        if !jsonOnly && !report.rows.isEmpty { print(report.table) }
        print(JSONWriter.string(report.json))
    }
}
