import ChildProcess
import Foundation
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
                let frames = try (0..<5).map { _ in try firstFrameMilliseconds(log: log, rapport: "\(bin)/rapport") }
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
        var app = AppState(data: ScreenData(state: w.state, now: w.time), source: log, actor: "bench", width: 160, height: 48)
        try carryOut(app.start(), &app, w)
        _ = app.update(.searchReady(w.searchIndex))

        func timeKeys(_ keys: [Key]) throws -> [Double] {
            try keys.map { key in
                let t0 = Measure.now()
                try carryOut(app.update(.key(key)), &app, w)
                _ = app.view()
                return (Measure.now() - t0) * 1000
            }
        }
        _ = try timeKeys([.char("4")])
        let queue = try timeKeys(Array(repeating: .down, count: 400) + Array(repeating: .up, count: 100))
        _ = try timeKeys([.char("1")])
        let funnel = try timeKeys(Array(repeating: .down, count: 300) + Array(repeating: .right, count: 6) + Array(repeating: .down, count: 100))
        let moves = queue + funnel
        report.add("key_move_p50_ms", "move the selection: key to next Canvas, p50", Measure.median(moves), "ms")
        report.add("key_move_p99_ms", "move the selection: key to next Canvas, p99", Measure.quantile(moves, 0.99), "ms",
                   goal: "< 8 ms", met: Measure.quantile(moves, 0.99) < 8)
        var typing: [Double] = []
        for query in ["张伟", "anna", "科技", "13800", "northwind", "李"] {
            _ = try timeKeys([.char("/")])
            typing += try timeKeys(query.map { Key.char($0) } + [.backspace, .backspace])
            _ = try timeKeys([.escape])
        }
        report.add("key_search_p50_ms", "search keystroke: key to next Canvas, p50", Measure.median(typing), "ms")
        report.add("key_search_p99_ms", "search keystroke: key to next Canvas, p99", Measure.quantile(typing, 0.99), "ms",
                   goal: "< 8 ms", met: Measure.quantile(typing, 0.99) < 8)
    }

    /// Carries out what a key asks, as the screen's loop does (reading a timeline from the log).
    private static func carryOut(_ effects: [Effect], _ app: inout AppState, _ w: Workspace) throws {
        for case .loadTimeline(let id) in effects {
            guard let c = w.state.customer(id) else { continue }
            try carryOut(app.update(.timeline(id, try w.timeline(of: c, limit: 200))), &app, w)
        }
    }

    /// Starts `rapport` in a fresh tmux server and waits until the pane shows
    /// a full frame. tmux is started cleanly (no blocked signals, no inherited
    /// descriptors): a server that inherited this process's signal mask lost
    /// its SIGCHLD and exited, taking the whole bench with it.
    private static func firstFrameMilliseconds(log: String, rapport: String) throws -> Double {
        let server = "rapport-bench-\(getpid())"
        let env = "RAPPORT_DATA='\(log)' RAPPORT_USER=bench RAPPORT_NOW='\(DomainBench.now)' TZ=Asia/Shanghai TERM=tmux-256color"
        func tmux(_ arguments: [String]) throws -> ChildProcess.Outcome {
            try ChildProcess.run("/usr/bin/tmux", ["-L", server] + arguments,
                                 environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"])
        }
        defer { _ = try? tmux(["kill-server"]) }
        let t0 = Measure.now()
        let started = try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "160", "-y", "48", "env \(env) \(rapport); sleep 60"])
        guard started.status == 0 else { throw BenchError("tmux could not start rapport: \(started.err)") }
        while Measure.now() - t0 < 30 {
            let screen = try tmux(["capture-pane", "-p"]).out
            if screen.contains("customers ·"), screen.contains("┌─ Follow-ups"), screen.contains("┌─ Personality") {
                return (Measure.now() - t0) * 1000
            }
            usleep(2_000)
        }
        throw BenchError("rapport showed no frame within 30 s")
    }
}
