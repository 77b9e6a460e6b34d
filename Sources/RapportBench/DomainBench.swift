import Foundation
import RapportCore

/// The domain's figures on the 100,000-customer demo: writing it, the
/// follow-up queue in a new process beside taskwarrior's `task next`, the
/// funnel report, search, and peak memory.
enum DomainBench {
    static let customers = 100_000
    /// A fixed "now", so that every run ranks the same queue.
    static let now = "2026-11-23T09:00:00+08:00"

    /// The demo log in the bench's folder.
    static func log(in dir: String) -> String { "\(dir)/demo-100k.log" }

    static func run(in dir: String, bin: String, report: inout Report, say: (String) -> Void) throws {
        let log = log(in: dir)
        let rapport = "\(bin)/rapport"
        var env = ProcessInfo.processInfo.environment
        env["RAPPORT_DATA"] = log
        env["RAPPORT_USER"] = "bench"
        env["RAPPORT_NOW"] = now
        env["TZ"] = "Asia/Shanghai"
        for suffix in ["", ".checkpoint"] { try? FileManager.default.removeItem(atPath: log + suffix) }

        say("writing the \(Format.grouped(customers))-customer demo …")
        let demo = try Measure.run(rapport, ["demo", "--customers", String(customers), "--seed", "1"], environment: env)
        guard demo.status == 0 else { throw BenchError("rapport demo failed") }
        let records = try LogStore.open(path: log, actor: "bench", create: false).records.count
        report.note("demo_records", .int(Int64(records)))
        report.add("demo_write_s", "write the 100k-customer demo (\(Format.grouped(records)) records)", demo.ms / 1000, "s",
                   goal: "well under 60 s", met: demo.ms < 60_000)

        say("timing `rapport report queue --limit 20` in new processes …")
        try FileManager.default.removeItem(atPath: log + ".checkpoint")
        let cold = try Measure.run(rapport, ["report", "queue", "--limit", "20"], environment: env)
        guard cold.status == 0 else { throw BenchError("rapport report queue failed") }
        var queue: [Double] = [], rss = 0.0
        for _ in 0..<9 {
            let r = try Measure.run(rapport, ["report", "queue", "--limit", "20"], environment: env)
            queue.append(r.ms)
            rss = max(rss, r.rssMB)
        }
        let task = try Taskwarrior.nextMilliseconds(followUpsOf: rapport, environment: env, dir: dir, say: say)
        let q = Measure.median(queue)
        report.add("queue_ms", "report queue --limit 20, new process (median of 9)", q, "ms",
                   goal: "<= 1/5 of taskwarrior", met: task.ms.isNaN ? nil : q * 5 <= task.ms)
        report.add("queue_first_open_ms", "the same, first open (no checkpoint yet)", cold.ms, "ms")
        report.add("taskwarrior_next_ms", "task next limit:20, same pending tasks (median of 5)", task.ms, "ms")
        report.note("pending_tasks", .int(Int64(task.tasks)))
        report.add("queue_vs_taskwarrior", "queue / taskwarrior", q / task.ms, "x", goal: "<= 0.2", met: task.ms.isNaN ? nil : q / task.ms <= 0.2)
        report.add("queue_rss_mb", "peak memory, report queue", rss, "MB", goal: "<= 500 MB", met: rss <= 500)

        say("timing the funnel report and search …")
        let funnel = try (0..<5).map { _ in try Measure.run(rapport, ["report", "funnel"], environment: env).ms }
        report.add("funnel_ms", "report funnel, new process (median of 5)", Measure.median(funnel), "ms")
        var slowest = (name: "", ms: 0.0)
        for name in ManagerReport.names {
            let ms = Measure.median(try (0..<3).map { _ in try Measure.run(rapport, ["report", name], environment: env).ms })
            if ms > slowest.ms { slowest = (name, ms) }
        }
        let funnelMS = Measure.median(funnel)
        report.add("view_process_max_ms", "slowest manager's view (\(slowest.name)), new process (median of 3)", slowest.ms, "ms",
                   goal: "<= funnel + 100 ms", met: slowest.ms <= funnelMS + 100)
        let searchProcess = try (0..<5).map { _ in try Measure.run(rapport, ["customer", "search", "张伟"], environment: env).ms }
        report.add("search_process_ms", "customer search, new process (median of 5)", Measure.median(searchProcess), "ms")
        let (build, perQuery) = try searchInProcess(log)
        report.add("search_index_ms", "search index build, in process", build, "ms")
        report.add("search_query_us", "one search query, in process (median)", perQuery, "µs")
        try ScreenBench.run(log: log, bin: bin, report: &report, say: say)
    }

    /// Builds the search index once, then times typical queries.
    static func searchInProcess(_ log: String) throws -> (Double, Double) {
        var clock = Clock()
        clock.fixed = Timestamp(milliseconds: 1_795_395_600_000)
        let w = try Workspace.open(path: log, actor: "bench", clock: clock, create: false)
        var index: SearchIndex?
        let build = Measure.milliseconds { index = SearchIndex(w.state) }
        let queries = ["张", "伟明", "anna", "Schmidt", "科技", "northwind", "138", "0013 8", "example.cn", "zzz"]
        var samples: [Double] = []
        for _ in 0..<20 {
            for q in queries {
                samples.append(Measure.milliseconds { _ = index!.search(q, limit: 20) } * 1000)
            }
        }
        return (build, Measure.median(samples))
    }
}

/// taskwarrior with the demo's open follow-ups imported as pending tasks.
enum Taskwarrior {
    /// Median milliseconds of `task next limit:20`; NaN when taskwarrior is not installed.
    static func nextMilliseconds(followUpsOf rapport: String, environment: [String: String], dir: String,
                                 say: (String) -> Void) throws -> (ms: Double, tasks: Int) {
        guard let task = Measure.which("task") else {
            say("taskwarrior is not installed: skipping the comparison")
            return (.nan, 0)
        }
        let home = "\(dir)/taskwarrior"
        try? FileManager.default.removeItem(atPath: home)
        try FileManager.default.createDirectory(atPath: "\(home)/data", withIntermediateDirectories: true)
        let rc = "\(home)/taskrc"
        try "data.location=\(home)/data\nconfirmation=off\nverbose=nothing\nhooks=off\n".write(toFile: rc, atomically: true, encoding: .utf8)
        var env = environment
        env["TASKRC"] = rc
        env["TASKDATA"] = "\(home)/data"

        let list = try Measure.run(rapport, ["followup", "list", "--limit", "0", "--json"], environment: environment)
        guard case .array(let followUps) = try JSONScanner.parse(Array(list.output.utf8)) else { throw BenchError("no follow-ups") }
        var tasks: [JSON] = []
        for (n, f) in followUps.enumerated() {
            guard let o = f.object, let due = o["due"]?.string else { continue }
            let description = [o["note"]?.string, o["customerName"]?.string].compactMap { $0 }.joined(separator: " — ")
            var t: JSONObject = ["description": .string(description.isEmpty ? "follow up" : description), "status": "pending",
                                 "entry": "20260101T000000Z", "due": .string(taskDate(due)), "project": "crm",
                                 "uuid": .string(String(format: "%08x-0000-4000-8000-%012x", n, n))]
            if let tactic = o["tactic"]?.string { t["tags"] = [.string(tactic)] }
            tasks.append(.object(t))
        }
        let file = "\(home)/tasks.json"
        try Data(JSONWriter.encode(.array(tasks))).write(to: URL(fileURLWithPath: file))
        say("importing \(Format.grouped(tasks.count)) follow-ups into taskwarrior …")
        let imported = try Measure.run(task, ["import", file], environment: env)
        guard imported.status == 0 else { throw BenchError("task import failed") }
        var samples: [Double] = []
        for _ in 0..<5 { samples.append(try Measure.run(task, ["next", "limit:20"], environment: env).ms) }
        return (Measure.median(samples), tasks.count)
    }

    /// `2026-11-24T10:00:00+08:00` as taskwarrior's `20261124T020000Z`.
    private static func taskDate(_ iso: String) -> String {
        let chars = Array(iso)
        guard chars.count >= 25 else { return "20261231T000000Z" }
        let sign: Int = chars[19] == "-" ? -1 : 1
        let offset = sign * ((Int(String(chars[20...21])) ?? 0) * 3600 + (Int(String(chars[23...24])) ?? 0) * 60)
        let local = Int(String(chars[11...12]))! * 3600 + Int(String(chars[14...15]))! * 60 + Int(String(chars[17...18]))!
        var days = Int(Timestamp.days(fromCivil: Int64(String(chars[0...3]))!, Int64(String(chars[5...6]))!, Int64(String(chars[8...9]))!))
        var seconds = local - offset
        if seconds < 0 { seconds += 86_400; days -= 1 }
        if seconds >= 86_400 { seconds -= 86_400; days += 1 }
        let (y, m, d) = Timestamp.civil(fromDays: Int64(days))
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", y, m, d, seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}
