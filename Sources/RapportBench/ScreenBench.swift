import ChildProcess
import Foundation
import RapportApp
import RapportCore
import RapportUI

/// The screen's figures on the 100,000-customer demo: the first full frame of
/// a new process (read through tmux, as a person would see it), and in
/// process the time from a key to the next Canvas.
enum ScreenBench {
    static func run(log: String, bin: String, report: inout Report, say: (String) -> Void) throws {
        if Measure.which("tmux") != nil {
            report.attempt("first_frame", say: say) { report in
                say("timing the first frame of `rapport` in tmux …")
                let frames = try (0..<5).map { _ in try firstFrame(log: log, rapport: "\(bin)/rapport").ms }
                let first = Measure.median(frames)
                report.add("first_frame_ms", "process start to first full frame, in tmux (median of 5)", first, "ms",
                           goal: "< 1 s", met: first < 1000)
            }
        } else {
            say("tmux is not installed: skipping the first-frame figure")
        }
        say("timing keys in process …")
        var clock = Clock()
        clock.fixed = Timestamp(milliseconds: 1_795_395_600_000)
        let w = try Workspace.open(path: log, actor: "bench", clock: clock, create: false)
        let backend = MemoryBackend(width: 160, height: 48)
        let effects = Effects(workspace: w, themes: ThemeFiles(environment: [:], home: nil)) { _ in }
        effects.refreshEvery = .infinity   // the log is not polled while keys are timed
        let app = AppState(data: effects.initialData(), source: log, actor: "bench", width: 160, height: 48)
        let loop = ScreenLoop(app: app, effects: effects, backend: backend)
        loop.start()
        while loop.app.searchIndex == nil { loop.step(wait: 20) }

        /// Key to next Canvas, one key at a time, through the screen's own loop.
        func timeKeys(_ keys: [Key]) -> [Double] {
            keys.map { key in
                backend.press(key)
                let t0 = Measure.now()
                loop.step(wait: 0)
                return (Measure.now() - t0) * 1000
            }
        }
        _ = timeKeys([.char("o"), .char("4")])   // everyone's queue
        let queue = timeKeys(Array(repeating: .down, count: 400) + Array(repeating: .up, count: 100))
        _ = timeKeys([.char("1")])
        let funnel = timeKeys(Array(repeating: .down, count: 300) + Array(repeating: .right, count: 6) + Array(repeating: .down, count: 100))
        let moves = queue + funnel
        report.add("key_move_p50_ms", "move the selection: key to next Canvas, p50", Measure.median(moves), "ms")
        report.add("key_move_p99_ms", "move the selection: key to next Canvas, p99", Measure.quantile(moves, 0.99), "ms",
                   goal: "< 8 ms", met: Measure.quantile(moves, 0.99) < 8)
        var typing: [Double] = []
        for query in ["张伟", "anna", "科技", "13800", "northwind", "李"] {
            _ = timeKeys([.char("/")])
            typing += timeKeys(query.map { Key.char($0) } + [.backspace, .backspace])
            _ = timeKeys([.escape])
        }
        report.add("key_search_p50_ms", "search keystroke: key to next Canvas, p50", Measure.median(typing), "ms")
        report.add("key_search_p99_ms", "search keystroke: key to next Canvas, p99", Measure.quantile(typing, 0.99), "ms",
                   goal: "< 8 ms", met: Measure.quantile(typing, 0.99) < 8)
        viewFigures(loop, backend, timeKeys: timeKeys, report: &report, say: say)
        try formFigures(loop, backend, w, dir: (log as NSString).deletingLastPathComponent, timeKeys: timeKeys, report: &report, say: say)
    }

    /// The manager's views: a key to the Canvas with the view's figures (the
    /// first time built beside the loop, then at hand), moving in a view, and
    /// a view as of a date in the middle of the log.
    private static func viewFigures(_ loop: ScreenLoop, _ backend: MemoryBackend, timeKeys: ([Key]) -> [Double],
                                    report: inout Report, say: (String) -> Void) {
        say("timing the manager's views …")
        func untilShown(_ key: Key) -> Double {
            backend.press(key)
            let t0 = Measure.now()
            loop.step(wait: 0)
            while loop.app.shownReport == nil || loop.app.shownReport?.name != loop.app.views?.name { loop.step(wait: 1) }
            return (Measure.now() - t0) * 1000
        }
        _ = timeKeys([.escape, .char("s")])
        while loop.app.shownReport == nil { loop.step(wait: 1) }
        var first: [Double] = [], again: [Double] = []
        for name in ManagerReport.names.indices { first.append(untilShown(.char(Character(String(name + 1))))) }
        for _ in 0..<3 {
            for name in ManagerReport.names.indices { again.append(untilShown(.char(Character(String(name + 1))))) }
        }
        report.add("view_build_p50_ms", "open a view the first time: key to the Canvas with its figures, p50", Measure.median(first), "ms")
        report.add("view_build_max_ms", "the same, the slowest view", first.max() ?? 0, "ms")
        report.add("view_open_p99_ms", "open a view again: key to the Canvas with its figures, p99", Measure.quantile(again, 0.99), "ms",
                   goal: "<= 50 ms", met: Measure.quantile(again, 0.99) <= 50)
        var moves: [Double] = []
        for key in ["1", "2", "7"] {
            _ = untilShown(.char(Character(key)))
            moves += timeKeys(Array(repeating: .down, count: 60) + Array(repeating: .up, count: 20))
        }
        report.add("view_move_p99_ms", "move in a view: key to next Canvas, p99", Measure.quantile(moves, 0.99), "ms",
                   goal: "<= 8 ms", met: Measure.quantile(moves, 0.99) <= 8)
        // A view as of the middle of the log: the fold runs beside the loop.
        _ = untilShown(.char("1"))
        let t0 = Measure.now()
        backend.press(.char(":"))
        backend.type("asof 2026-05-25")
        backend.press(.enter)
        loop.step(wait: 0)
        var progressShown = loop.app.progress != nil
        while loop.app.data.asOf == nil || loop.app.shownReport == nil {
            loop.step(wait: 1)
            progressShown = progressShown || loop.app.progress != nil
        }
        let asOf = (Measure.now() - t0) * 1000
        report.add("view_asof_ms", "the segments view as of a date mid-log: Enter to its figures (progress shown: \(progressShown ? "yes" : "no"))",
                   asOf, "ms", goal: "<= 1 s", met: asOf <= 1000)
        _ = timeKeys([.escape, .escape])
        while loop.app.data.asOf != nil || loop.effects.isWorking { loop.step(wait: 1) }
    }

    /// Opening the call form and typing in it, key to next Canvas; and saving
    /// a call: the write it makes, beside a bare write + fdatasync of the same bytes.
    private static func formFigures(_ loop: ScreenLoop, _ backend: MemoryBackend, _ w: Workspace, dir: String,
                                    timeKeys: ([Key]) -> [Double], report: inout Report, say: (String) -> Void) throws {
        say("timing the call form …")
        _ = timeKeys([.char("1"), .char("j")])
        var opening: [Double] = [], typing: [Double] = []
        for _ in 0..<40 {
            opening += timeKeys([.char("c")])
            var keys: [Key] = "reached".map { Key.char($0) }
            keys += [.tab]
            keys += "calm".map { Key.char($0) }
            keys += [.tab, .tab, .tab]
            keys += "wants a volume discount before the end of the year".map { Key.char($0) }
            keys += [.tab]
            keys += "tomorrow 10:00".map { Key.char($0) }
            keys += [.tab, .tab]
            typing += timeKeys(keys)
            _ = timeKeys([.escape, .char("y")])
        }
        report.add("form_open_p99_ms", "open the call form: key to next Canvas, p99", Measure.quantile(opening, 0.99), "ms",
                   goal: "<= 8 ms", met: Measure.quantile(opening, 0.99) <= 8)
        report.add("form_key_p50_ms", "type in a form: key to next Canvas, p50", Measure.median(typing), "ms")
        report.add("form_key_p99_ms", "type in a form: key to next Canvas, p99", Measure.quantile(typing, 0.99), "ms",
                   goal: "<= 8 ms", met: Measure.quantile(typing, 0.99) <= 8)

        say("timing saves of a call …")
        guard let c = w.state.liveCustomers.first(where: { !$0.doNotContact }) else { throw BenchError("no customer to call") }
        let barePath = "\(dir)/bare-save.log"
        let fd = open(barePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { close(fd); unlink(barePath) }
        var saves: [Double] = [], bare: [Double] = []
        for i in 0..<120 {
            var call = InteractionDraft(customer: c.id)
            call.outcome = .reached
            call.mood = .calm
            call.note = "wants a volume discount before the end of the year"
            let next = FollowUpDraft(customer: c.id, due: w.time.now.adding(seconds: 86_400))
            let before = w.store.byteCount
            let save = try Measure.milliseconds { _ = try w.perform(.logInteraction(call, next: next)) }
            let bytes = [UInt8](repeating: 0x61, count: Int(w.store.byteCount - before))
            let plain = Measure.milliseconds {
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                fdatasync(fd)
            }
            if i >= 20 {
                saves.append(save * 1000)
                bare.append(plain * 1000)
            }
        }
        let ratio = Measure.median(saves) / Measure.median(bare)
        report.add("save_call_p50_us", "save a call and its next step: the write, p50", Measure.median(saves), "µs")
        report.add("save_bare_p50_us", "bare write + fdatasync of the same bytes, p50", Measure.median(bare), "µs")
        report.add("save_vs_bare", "save / bare write", ratio, "x", goal: "<= 2", met: ratio <= 2)
        // Through the screen: Ctrl-S to the Canvas that says it was saved, and
        // to the one whose board and queue show it (keys wait until then).
        var acknowledged: [Double] = [], shown: [Double] = []
        for _ in 0..<10 {
            _ = timeKeys([.char("c")] + "reached".map { Key.char($0) })
            backend.press(.ctrl("s"))
            let t0 = Measure.now()
            loop.step(wait: 0)
            acknowledged.append((Measure.now() - t0) * 1000)
            while loop.effects.holdsKeys { loop.step(wait: 1) }
            shown.append((Measure.now() - t0) * 1000)
        }
        report.add("save_screen_ack_p50_ms", "save a call from the screen: Ctrl-S to the Canvas saying so, p50", Measure.median(acknowledged), "ms")
        report.add("save_screen_board_p50_ms", "the same, to the Canvas whose board and queue show it, p50", Measure.median(shown), "ms")
    }

    /// Starts `rapport` in a fresh tmux server and waits until the pane shows
    /// a full frame. tmux is started cleanly (no blocked signals, no inherited
    /// descriptors): a server that inherited this process's signal mask lost
    /// its SIGCHLD and exited, taking the whole bench with it.
    ///
    /// Also the screen's peak memory `settle` seconds after that frame (0: not measured).
    static func firstFrame(log: String, rapport: String, settle: Double = 0) throws -> (ms: Double, rssMB: Double) {
        // A fresh name each time: a server just killed may still be exiting under the old one.
        let server = "rapport-bench-\(getpid())-\(UUID().uuidString.prefix(8))"
        let env = "RAPPORT_DATA='\(log)' RAPPORT_USER=bench RAPPORT_NOW='\(DomainBench.now)' TZ=Asia/Shanghai TERM=tmux-256color"
        func tmux(_ arguments: [String]) throws -> ChildProcess.Outcome {
            try ChildProcess.run("/usr/bin/tmux", ["-L", server] + arguments,
                                 environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"])
        }
        defer {
            _ = try? tmux(["kill-server"])
            unlink("/tmp/tmux-\(getuid())/\(server)")   // tmux 3.3 leaves the socket of a killed server
        }
        let t0 = Measure.now()
        let started = try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "160", "-y", "48", "env \(env) \(rapport); sleep 60"])
        guard started.status == 0 else { throw BenchError("tmux could not start rapport: \(started.err)") }
        while Measure.now() - t0 < 30 {
            let screen = try tmux(["capture-pane", "-p"]).out
            if screen.contains("customers ·"), screen.contains("┌─ Follow-ups"), screen.contains("┌─ Personality") {
                let ms = (Measure.now() - t0) * 1000
                guard settle > 0 else { return (ms, 0) }
                usleep(useconds_t(settle * 1_000_000))
                let shell = try tmux(["list-panes", "-F", "#{pane_pid}"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
                return (ms, peakMemoryMB(ofChildOf: shell))
            }
            usleep(2_000)
        }
        throw BenchError("rapport showed no frame within 30 s")
    }

    /// The peak resident memory (VmHWM) of the first child of process `parent`, in MB; NaN when unknown.
    private static func peakMemoryMB(ofChildOf parent: String) -> Double {
        guard let children = try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8),
              let child = children.split(separator: " ").first,
              let status = try? String(contentsOfFile: "/proc/\(child)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
        else { return .nan }
        return kB / 1024
    }
}
