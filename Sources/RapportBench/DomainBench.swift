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
        for path in [log, log + ".checkpoint", "\(dir)/demo-100k.sqlite"] { try? FileManager.default.removeItem(atPath: path) }

        say("writing the \(Format.grouped(customers))-customer demo …")
        let demo = try Measure.run(rapport, ["demo", "--customers", String(customers), "--seed", "1"], environment: env)
        guard demo.status == 0 else { throw BenchError("rapport demo failed") }
        let records = try LogStore.open(path: log, actor: "bench", create: false).records.count
        report.note("demo_records", .int(Int64(records)))
        report.add("demo_write_s", "write the 100k-customer demo (\(Format.grouped(records)) records)", demo.ms / 1000, "s",
                   goal: "well under 60 s", met: demo.ms < 60_000)

        say("timing the first open with no checkpoint (a cold fold) …")
        var colds: [Double] = [], coldRSS = 0.0
        for _ in 0..<3 {
            try FileManager.default.removeItem(atPath: log + ".checkpoint")
            let cold = try Measure.run(rapport, ["report", "queue", "--limit", "20"], environment: env)
            guard cold.status == 0 else { throw BenchError("rapport report queue failed") }
            colds.append(cold.ms)
            coldRSS = max(coldRSS, cold.rssMB)
        }
        let read = Measure.median(try (0..<5).map { _ in try Measure.run("/usr/bin/wc", ["-l", log]).ms })
        let cold = Measure.median(colds)
        report.add("cold_open_ms", "report queue, first open with no checkpoint (median of 3)", cold, "ms",
                   goal: "<= 3 × reading the file", met: cold <= 3 * read)
        report.add("read_file_ms", "wc -l reads the same file (median of 5)", read, "ms")
        report.add("cold_open_vs_read", "cold open / reading the file", cold / read, "x", goal: "<= 3", met: cold <= 3 * read)
        report.add("cold_open_rss_mb", "peak memory, cold open", coldRSS, "MB", goal: "<= 400 MB", met: coldRSS <= 400)

        say("timing `rapport report queue --limit 20` in new processes …")
        let (q, queueRSS) = try medianRun(rapport, ["report", "queue", "--limit", "20"], env, times: 9)
        let task = try Taskwarrior.nextMilliseconds(followUpsOf: rapport, environment: env, dir: dir, say: say)
        report.add("queue_ms", "report queue --limit 20, new process (median of 9)", q, "ms",
                   goal: "<= 0.2 × taskwarrior", met: task.ms.isNaN ? nil : q <= 0.2 * task.ms)
        report.add("taskwarrior_next_ms", "task next limit:20, same pending tasks (median of 5)", task.ms, "ms")
        report.note("pending_tasks", .int(Int64(task.tasks)))
        report.add("queue_vs_taskwarrior", "queue / taskwarrior", q / task.ms, "x", goal: "<= 0.2", met: task.ms.isNaN ? nil : q / task.ms <= 0.2)
        report.add("queue_rss_mb", "peak memory, report queue", queueRSS, "MB")

        say("timing the funnel report against SQLite reading the demo's records …")
        let (funnelMS, funnelRSS) = try medianRun(rapport, ["report", "funnel"], env, times: 5)
        let sqlite = try SQLiteBaseline.load(logPath: log, say: say)
        report.add("funnel_ms", "report funnel, new process (median of 5)", funnelMS, "ms",
                   goal: "<= 0.1 × SQLite", met: sqlite.ms.isNaN ? nil : funnelMS <= 0.1 * sqlite.ms)
        report.add("sqlite_demo_load_ms", "sqlite3 reads the demo's records (median of 5)", sqlite.ms, "ms")
        report.add("funnel_vs_sqlite", "funnel / SQLite", funnelMS / sqlite.ms, "x", goal: "<= 0.1",
                   met: sqlite.ms.isNaN ? nil : funnelMS <= 0.1 * sqlite.ms)
        report.add("funnel_rss_mb", "peak memory, report funnel", funnelRSS, "MB")
        var slowest = (name: "", ms: 0.0)
        for name in ManagerReport.names {
            let ms = try medianRun(rapport, ["report", name], env, times: 3).ms
            if ms > slowest.ms { slowest = (name, ms) }
        }
        report.add("view_process_max_ms", "slowest manager's view (\(slowest.name)), new process (median of 3)", slowest.ms, "ms",
                   goal: "<= funnel + 100 ms", met: slowest.ms <= funnelMS + 100)

        say("timing `rapport customer search` against grep over the log …")
        let searchMS = try medianRun(rapport, ["customer", "search", searchQuery], env, times: 5).ms
        let grep = Measure.median(try (0..<5).map { _ in try Measure.run("/usr/bin/grep", ["-c", searchQuery, log]).ms })
        report.add("search_process_ms", "customer search \(searchQuery), new process (median of 5)", searchMS, "ms",
                   goal: "<= 0.2 × grep", met: searchMS <= 0.2 * grep)
        report.add("grep_ms", "grep -c \(searchQuery) over the log (median of 5)", grep, "ms")
        report.add("search_vs_grep", "search / grep", searchMS / grep, "x", goal: "<= 0.2", met: searchMS <= 0.2 * grep)
        let (build, perQuery) = try searchInProcess(log)
        report.add("search_index_ms", "search index build, in process", build, "ms")
        report.add("search_query_us", "one search query, in process (median)", perQuery, "µs")
        try ImportBench.run(dir: dir, bin: bin, env: env, report: &report, say: say)
        try ScreenBench.run(log: log, bin: bin, report: &report, say: say)
    }

    /// What `customer search` looks for, as the issue measured it (phone digits).
    static let searchQuery = "8707"

    /// The median wall milliseconds and the peak memory of `times` runs.
    static func medianRun(_ executable: String, _ arguments: [String], _ env: [String: String], times: Int) throws -> (ms: Double, rssMB: Double) {
        var samples: [Double] = [], rss = 0.0
        for _ in 0..<times {
            let r = try Measure.run(executable, arguments, environment: env)
            guard r.status == 0 else { throw BenchError("\(arguments.joined(separator: " ")) failed") }
            samples.append(r.ms)
            rss = max(rss, r.rssMB)
        }
        return (Measure.median(samples), rss)
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
