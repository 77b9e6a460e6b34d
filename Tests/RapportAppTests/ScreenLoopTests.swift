import Foundation
import Testing
import RapportCore
@testable import RapportApp
@testable import RapportUI

/// The screen's real loop and effects, on a real log, with a terminal in memory.
@Suite struct ScreenLoopTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let monday = Timestamp(milliseconds: 1_795_395_600_000)

    /// A loop on a fresh demo log of `customers` customers.
    static func loop(customers: Int, width: Int = 120, height: Int = 40) throws -> (ScreenLoop, MemoryBackend, String) {
        let dir = NSTemporaryDirectory() + "rapport-app-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let w = try Workspace.open(path: dir + "/crm.log", actor: "li", clock: Clock(fixed: monday, zone: zone), checkpoints: false)
        if customers > 0 { _ = try DemoBusiness.write(into: w, customers: customers, seed: 3) }
        let backend = MemoryBackend(width: width, height: height)
        let effects = Effects(workspace: w, themes: ThemeFiles(environment: [:], home: nil)) { backend.apply($0) }
        let app = AppState(data: effects.initialData(), source: "crm.log", actor: "li", width: width, height: height)
        let loop = ScreenLoop(app: app, effects: effects, backend: backend)
        loop.start()
        return (loop, backend, dir)
    }

    /// Runs turns until `done` holds (or fails after a while).
    static func turn(_ loop: ScreenLoop, until done: () -> Bool) {
        let deadline = Date().addingTimeInterval(20)
        while !done(), Date() < deadline { loop.step(wait: 5) }
        #expect(done())
    }

    @Test func keysDrawFramesAndQuitEndsTheLoop() throws {
        let (loop, backend, dir) = try Self.loop(customers: 30)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        backend.press(.tab, .tab, .char("?"))
        loop.step(wait: 0)
        #expect(backend.lines.contains { $0.contains("Keys") })
        #expect(loop.app.focus == .mood)
        backend.press(.escape, .char("q"))
        #expect(loop.step(wait: 0) == .quit)
    }

    /// An as-of fold runs beside the loop: its progress shows, keys are
    /// handled while it runs, and the past state arrives when it is done.
    @Test func asOfFoldsBesideTheLoopWithProgressAndKeysLive() throws {
        let (loop, backend, dir) = try Self.loop(customers: 200)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gate = DispatchSemaphore(value: 0)
        loop.effects.gate = gate
        backend.press(.char(":"))
        backend.type("asof 2026-06-30")
        backend.press(.enter)
        loop.step(wait: 0)
        #expect(loop.app.progress?.label == "folding the log as of 2026-06-30 23:59")
        #expect(backend.lines.last?.contains("folding the log as of 2026-06-30 23:59 …") == true)
        // The fold waits at the gate; the screen still answers.
        backend.press(.char("4"), .down)
        loop.step(wait: 0)
        #expect(loop.app.focus == .followUps && loop.app.queue.row == 1)
        gate.signal()
        Self.turn(loop) { loop.app.data.asOf != nil }
        #expect(loop.app.progress == nil)
        #expect(backend.lines.contains { $0.contains("AS OF 2026-06-30 23:59") })
        #expect(loop.app.data.state.recordCount < loop.effects.workspace.state.recordCount)
    }

    @Test func escStopsAFoldUnderWay() throws {
        let (loop, backend, dir) = try Self.loop(customers: 50)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gate = DispatchSemaphore(value: 0)
        loop.effects.gate = gate
        backend.press(.char(":"))
        backend.type("asof yesterday")
        backend.press(.enter)
        loop.step(wait: 0)
        #expect(loop.app.progress != nil)
        backend.press(.escape)
        loop.step(wait: 0)
        #expect(loop.app.progress == nil)
        gate.signal()
        for _ in 0..<20 { loop.step(wait: 5) }
        #expect(loop.app.data.asOf == nil)
    }

    /// The demo is written beside the loop too; a timeline asked for
    /// meanwhile waits until the workspace is free.
    @Test func theWelcomeDemoIsWrittenBesideTheLoop() throws {
        let (loop, backend, dir) = try Self.loop(customers: 0, width: 80, height: 24)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        loop.step(wait: 0)
        #expect(backend.lines.contains { $0.contains("Welcome to Rapport") })
        backend.press(.char("d"))
        loop.step(wait: 0)
        #expect(loop.app.progress?.label == "writing a demo business")
        Self.turn(loop) { loop.app.data.customerCount == 300 && !loop.effects.isWorking }
        #expect(loop.app.status?.text.hasPrefix("wrote a demo business") == true)
        #expect(loop.app.customer != nil && !loop.app.timeline.isEmpty)
    }

    /// A save answers in the next frame, before the board and queue that show
    /// it are rebuilt; keys typed ahead wait for them, so `Ctrl-S` then `d`
    /// adds a deal to the customer just saved.
    @Test func keysTypedAheadOfASaveActOnWhatItSaved() throws {
        let (loop, backend, dir) = try Self.loop(customers: 300)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        loop.step(wait: 0)
        backend.press(.char("n"))
        backend.type("华远建设")
        backend.press(.ctrl("s"), .char("d"))
        backend.type("ERP rollout")
        backend.press(.ctrl("s"))
        loop.step(wait: 0)
        #expect(loop.app.status?.text.hasPrefix("added customer c301 华远建设") == true)
        #expect(backend.input.count == 13)   // `d` and after wait, unread
        Self.turn(loop) { backend.input.isEmpty && !loop.effects.isWorking && !loop.effects.holdsKeys }
        #expect(loop.app.status?.text.hasPrefix("added deal") == true)
        let deal = loop.effects.workspace.state.liveDeals.max { $0.id < $1.id }
        #expect(deal?.title == "ERP rollout" && deal?.customer == CustomerID(301))
        #expect(loop.app.customer == CustomerID(301))
    }

    /// What another process appends shows without a key.
    @Test func anotherProcessesAppendShowsWithoutAKey() throws {
        let (loop, backend, dir) = try Self.loop(customers: 30)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        loop.effects.refreshEvery = 0
        loop.step(wait: 0)
        let other = try Workspace.open(path: dir + "/crm.log", actor: "wang", clock: Clock(fixed: Self.monday, zone: Self.zone))
        try other.perform(.addCustomer(name: "外部客户", fields: [:]))
        Self.turn(loop) { loop.app.data.customerCount == 31 }
        #expect(backend.lines.last?.contains("31 customers") == true)
    }
}
