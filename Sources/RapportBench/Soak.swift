import ChildProcess
import Foundation
import RapportApp
import RapportCore
import RapportUI

/// `make soak`: the screen open for a long session on a copy of the
/// 100,000-customer demo while another process appends 20 events a second
/// (calls, stage moves, follow-ups scheduled and completed, now and then a
/// customer). Two screens watch: the real binary in tmux, whose memory is
/// read from /proc, and the same loop in this process, whose keys are timed.
/// At the end both must show everything the appender wrote.
enum Soak {
    static let eventsPerSecond = 20.0

    static func run(minutes: Double, dir: String, bin: String, report: inout Report, say: (String) -> Void) throws {
        let demo = DomainBench.log(in: dir)
        if !FileManager.default.fileExists(atPath: demo) {
            say("writing the \(Format.grouped(DomainBench.customers))-customer demo …")
            let r = try Measure.run("\(bin)/rapport", ["demo", "--customers", String(DomainBench.customers), "--seed", "1"],
                                    environment: ["RAPPORT_DATA": demo, "RAPPORT_USER": "bench", "RAPPORT_NOW": DomainBench.now,
                                                  "TZ": "Asia/Shanghai", "PATH": "/usr/bin:/bin"])
            guard r.status == 0 else { throw BenchError("rapport demo failed") }
        }
        // A copy: the soak appends, and the bench's figures need the demo as written. A command
        // first brings the demo's checkpoint up to date, so that the screen opens from it.
        _ = try Measure.run("\(bin)/rapport", ["report", "funnel"], environment: ["RAPPORT_DATA": demo, "RAPPORT_USER": "bench",
                                                                                 "PATH": "/usr/bin:/bin"])
        let log = "\(dir)/soak.log"
        for suffix in ["", ".checkpoint"] {
            try? FileManager.default.removeItem(atPath: log + suffix)
            if FileManager.default.fileExists(atPath: demo + suffix) { try FileManager.default.copyItem(atPath: demo + suffix, toPath: log + suffix) }
        }
        defer { for suffix in ["", ".checkpoint"] { try? FileManager.default.removeItem(atPath: log + suffix) } }

        say("starting the screen in tmux and in process …")
        let tmux = try TmuxRapport(log: log, rapport: "\(bin)/rapport")
        defer { tmux.stop() }
        let w = try Workspace.open(path: log, actor: "soak", create: false)
        let backend = MemoryBackend(width: 160, height: 48)
        let effects = Effects(workspace: w, themes: ThemeFiles(environment: [:], home: nil)) { _ in }
        let loop = ScreenLoop(app: AppState(data: effects.initialData(), source: log, actor: "soak", width: 160, height: 48),
                              effects: effects, backend: backend)
        loop.start()
        while loop.app.searchIndex == nil { loop.step(wait: 20) }
        try tmux.waitFor(timeout: 60) { $0.contains("customers ·") }
        let memoryAtStart = (tmux: try tmux.residentMB(), here: residentMB(of: getpid()))

        say("soaking for \(minutes) minutes: \(Int(eventsPerSecond)) events a second from another process …")
        let seconds = minutes * 60
        let appender = Appender(bench: "\(bin)/rapport-bench", log: log, seconds: seconds)
        let keys: [Key] = [.down, .down, .down, .up, .tab, .down, .down, .char("o"), .char("o"), .char("1"), .right, .down, .left,
                           .char("/"), .char("l"), .char("i"), .backspace, .escape, .char("s"), .char("2"), .char("3"), .escape,
                           .pageDown, .pageUp, .char("4"), .down, .up]
        var timings: [Double] = []
        var samples: [(minute: Double, tmux: Double, here: Double)] = []
        let t0 = Measure.now()
        var k = 0
        while !appender.finished {
            backend.press(keys[k % keys.count])
            let before = Measure.now()
            loop.step(wait: 0)
            timings.append((Measure.now() - before) * 1000)
            k += 1
            let pause = Measure.now() + 0.1
            while Measure.now() < pause { loop.step(wait: 10) }   // refreshes and built data arrive between keys
            if k % 20 == 0 { try tmux.press(k % 40 == 0 ? "j" : "k") }
            let elapsed = Measure.now() - t0
            if elapsed / 60 >= Double(samples.count + 1) {
                samples.append((elapsed / 60, try tmux.residentMB(), residentMB(of: getpid())))
                say(String(format: "minute %.0f: RSS %.0f MB (screen in tmux), %.0f MB (in process); %d keys", elapsed / 60,
                           samples.last!.tmux, samples.last!.here, k))
            }
        }
        let appended = try appender.outcome()
        say("the appender wrote \(Format.grouped(appended.records)) records (\(appended.actions) actions, \(appended.refused) refused); checking both screens show them …")

        // Both catch up, then the memory is read once the last rebuild is done and its garbage handed back.
        let end = try Workspace.open(path: log, actor: "soak", create: false).state.recordCount
        let caughtUp = Measure.now() + 60
        while effects.workspace.state.recordCount < end || effects.isWorking, Measure.now() < caughtUp { loop.step(wait: 20) }
        let settled = Measure.now() + 10
        while Measure.now() < settled { loop.step(wait: 20) }
        let memoryAtEnd = (tmux: try tmux.residentMB(), here: residentMB(of: getpid()))
        let fresh = try Workspace.open(path: log, actor: "soak", create: false, checkpoints: false)
        let hereSeesAll = effects.workspace.state == fresh.state
        let customers = "\(Format.grouped(fresh.state.liveCustomerCount)) customers ·"
        let tmuxSeesAll = (try? tmux.waitFor(timeout: 30) { $0.contains(customers) }) != nil
        let growth = (memoryAtEnd.tmux - memoryAtStart.tmux) / memoryAtStart.tmux * 100
        let growthHere = (memoryAtEnd.here - memoryAtStart.here) / memoryAtStart.here * 100
        let busiest = samples.map(\.tmux).max() ?? .nan
        let firstMinute = samples.first?.tmux ?? .nan
        let growthSinceFirstMinute = (memoryAtEnd.tmux - firstMinute) / firstMinute * 100

        report.note("soak_minutes", .double(minutes))
        report.note("soak_rss_by_minute_mb", .array(samples.map { .array([.double(($0.minute * 10).rounded() / 10), .double($0.tmux.rounded()),
                                                                           .double($0.here.rounded())]) }))
        report.add("soak_events", "events appended by another process (\(appended.actions) actions)", Double(appended.records), "")
        report.add("soak_events_per_s", "actions appended a second (refused ones replaced at once)", Double(appended.actions) / seconds, "/s",
                   goal: "20", met: nil)
        report.add("soak_all_seen", "every appended event shown: screen in tmux (customer count), in process (state equal to a fresh fold)",
                   hereSeesAll && tmuxSeesAll ? 1 : 0, "", goal: "1 (both)", met: hereSeesAll && tmuxSeesAll)
        report.add("soak_rss_start_mb", "RSS of the screen in tmux, ready", memoryAtStart.tmux, "MB")
        report.add("soak_rss_end_mb", "RSS of the screen in tmux, at the end", memoryAtEnd.tmux, "MB")
        report.add("soak_rss_growth_pct", "its growth", growth, "%", goal: "< 10 %", met: growth < 10)
        report.add("soak_rss_busiest_mb", "RSS of the screen in tmux, highest minute sample while appends arrive", busiest, "MB")
        report.add("soak_rss_growth_since_minute_1_pct", "growth from the first minute's sample to the end", growthSinceFirstMinute, "%")
        report.add("soak_rss_here_start_mb", "RSS of the screen in process (bench included), ready", memoryAtStart.here, "MB")
        report.add("soak_rss_here_end_mb", "the same, at the end", memoryAtEnd.here, "MB")
        report.add("soak_rss_here_growth_pct", "its growth", growthHere, "%", goal: "< 10 %", met: growthHere < 10)
        report.add("soak_key_p50_ms", "a key to its Canvas during the soak, p50 (\(Format.grouped(timings.count)) keys)", Measure.median(timings), "ms")
        report.add("soak_key_p99_ms", "the same, p99", Measure.quantile(timings, 0.99), "ms", goal: "< 16.7 ms (a frame)",
                   met: Measure.quantile(timings, 0.99) < 16.7)
        report.add("soak_key_max_ms", "the same, slowest", timings.max() ?? .nan, "ms")
    }

    /// Resident memory of a process in MB, from /proc.
    static func residentMB(of pid: pid_t) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return .nan }
        return kb / 1024
    }

    /// The other process: `rapport-bench --soak-append LOG SECONDS`, run on a thread that waits for it.
    final class Appender: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<ChildProcess.Outcome, Error>?

        init(bench: String, log: String, seconds: Double) {
            Thread.detachNewThread { [self] in
                let r = Result { try ChildProcess.run(bench, ["--soak-append", log, String(seconds)],
                                                      environment: ["PATH": "/usr/bin:/bin", "TZ": "Asia/Shanghai"]) }
                lock.withLock { result = r }
            }
        }

        var finished: Bool { lock.withLock { result != nil } }

        /// What it wrote, from the JSON line it prints.
        func outcome() throws -> (records: Int, actions: Int, refused: Int) {
            let r = try lock.withLock { try result!.get() }
            guard r.status == 0, case .object(let o)? = try? JSONScanner.parse(Array(r.out.utf8)),
                  let records = o["records"]?.int, let actions = o["actions"]?.int, let refused = o["refused"]?.int
            else { throw BenchError("the appender failed: \(r.err)") }
            return (Int(records), Int(actions), Int(refused))
        }
    }

    /// The appender's side: `eventsPerSecond` actions a second for `seconds`,
    /// on an even schedule; prints what it wrote as one JSON object.
    static func append(log: String, seconds: Double) throws {
        let w = try Workspace.open(path: log, actor: "agent", create: false)
        let firstRecord = w.state.recordCount
        var random = SplitMix(seed: 20_261_123)
        var actions = 0, refused = 0
        let t0 = Measure.now()
        while Measure.now() - t0 < seconds {
            let due = t0 + Double(actions) / eventsPerSecond   // a refused action is replaced at once
            if due > Measure.now() { usleep(useconds_t((due - Measure.now()) * 1e6)) }
            do {
                try w.perform(nextAction(w, turn: actions + refused, &random))
                actions += 1
            } catch is InputError {
                refused += 1   // a move the method does not allow from there, say
            }
        }
        // The last action adds a customer, which every screen's status line counts.
        try w.perform(.addCustomer(name: "Soak \(actions)", fields: [:]))
        actions += 1
        print(JSONWriter.string(.object(["records": .int(Int64(w.state.recordCount - firstRecord)),
                                         "actions": .int(Int64(actions)), "refused": .int(Int64(refused))])))
    }

    /// Calls, stage moves, follow-ups scheduled and completed, and now and
    /// then a new customer, as a busy team would make them.
    private static func nextAction(_ w: Workspace, turn: Int, _ random: inout SplitMix) -> Action {
        let state = w.state
        let customer = state.customers[Int(random.next() % UInt64(state.customers.count))]
        let tomorrow = w.time.now.adding(seconds: 86_400 + Int64(random.next() % 86_400))
        switch turn % 10 {
        case 0, 1, 2, 3:
            var call = InteractionDraft(customer: customer.id)
            call.outcome = .reached
            call.mood = Mood.allCases[Int(random.next() % UInt64(Mood.allCases.count))]
            call.note = "soak call \(turn): asked about delivery times"
            return .logInteraction(call, next: nil)
        case 4, 5:
            let deals = state.deals
            let deal = deals[Int(random.next() % UInt64(deals.count))]
            let stages = Stage.allCases
            let at = stages.firstIndex(of: deal.stage) ?? 0
            let to = at + 1 < stages.count - 1 && random.next() % 3 != 0 ? stages[at + 1] : stages[max(0, at - 1)]
            return .moveDeal(deal.id, to: to)
        case 6, 7:
            var f = FollowUpDraft(customer: customer.id, due: tomorrow)
            f.note = "soak follow-up \(turn)"
            return .scheduleFollowUp(f)
        case 8:
            let open = state.followUps.suffix(2_000).filter { $0.isOpen }
            guard let f = open.randomElement(using: &random) else { fallthrough }
            return .completeFollowUp(f.id, report: nil, next: nil)
        default:
            return turn % 50 == 9 ? .addCustomer(name: "Soak customer \(turn)", fields: [:])
                : .addNote(customer.id, text: "soak note \(turn)")
        }
    }
}

/// The real `rapport` in a private tmux server, its process's id known.
final class TmuxRapport {
    private let server = "rapport-soak-\(getpid())-\(UUID().uuidString.prefix(8))"
    private(set) var pid: pid_t = 0

    init(log: String, rapport: String) throws {
        let env = "RAPPORT_DATA='\(log)' RAPPORT_USER=soak TZ=Asia/Shanghai TERM=tmux-256color"
        let started = try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "160", "-y", "48", "exec env \(env) \(rapport)"])
        guard started.status == 0 else { throw BenchError("tmux could not start rapport: \(started.err)") }
        pid = pid_t(try tmux(["display-message", "-p", "#{pane_pid}"]).out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    func stop() {
        _ = try? tmux(["kill-server"])
        unlink("/tmp/tmux-\(getuid())/\(server)")   // tmux 3.3 leaves the socket of a killed server
    }

    func press(_ key: String) throws { _ = try tmux(["send-keys", key]) }

    func residentMB() throws -> Double {
        let mb = Soak.residentMB(of: pid)
        guard !mb.isNaN else { throw BenchError("the screen in tmux is gone") }
        return mb
    }

    /// Polls the pane until `condition` holds.
    func waitFor(timeout: Double, _ condition: (String) -> Bool) throws {
        let end = Measure.now() + timeout
        while Measure.now() < end {
            if condition(try tmux(["capture-pane", "-p"]).out) { return }
            usleep(50_000)
        }
        throw BenchError("the screen in tmux did not show it within \(Int(timeout)) s")
    }

    private func tmux(_ arguments: [String]) throws -> ChildProcess.Outcome {
        try ChildProcess.run("/usr/bin/tmux", ["-L", server] + arguments,
                             environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"])
    }
}
