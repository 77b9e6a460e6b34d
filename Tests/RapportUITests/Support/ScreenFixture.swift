import Foundation
import RapportApp
import RapportCore
@testable import RapportUI

/// A screen on a fixed demo log, with a fixed clock, driven without a
/// terminal: its effects are carried out by the program's own `Effects`.
final class ScreenFixture {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    /// Monday 2026-11-23 09:00 in Shanghai.
    static let monday = Timestamp(milliseconds: 1_795_395_600_000)

    let directory: String
    let workspace: Workspace
    let effects: Effects
    var app: AppState
    /// Whether the last message asked to quit.
    private(set) var quit = false

    /// A log with the demo business of `customers` customers (0: an empty log).
    init(customers: Int = 40, width: Int = 160, height: Int = 48) throws {
        directory = NSTemporaryDirectory() + "rapport-ui-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        workspace = try Workspace.open(path: directory + "/demo.log", actor: "li",
                                       clock: Clock(fixed: ScreenFixture.monday, zone: ScreenFixture.zone), checkpoints: false)
        if customers > 0 { _ = try DemoBusiness.write(into: workspace, customers: customers, seed: 7) }
        effects = Effects(workspace: workspace, themes: ThemeFiles(environment: [:], home: nil)) { _ in }
        app = AppState(data: effects.initialData(), source: "~/demo.log", actor: "li", width: width, height: height)
        carryOut(app.start())
        if customers > 0 { send(.searchReady(workspace.searchIndex)) }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Sends a message, then carries out what it asks, and waits for the answers.
    func send(_ message: Message) {
        carryOut(app.update(message))
    }

    /// Presses keys: characters as typed, or named keys.
    func press(_ keys: Key...) { for k in keys { send(.key(k)) } }

    /// Types text, one character at a time.
    func type(_ text: String) { for c in text { send(.key(.char(c))) } }

    var canvas: Canvas { app.view() }
    var screen: [String] { canvas.lines }
    var text: String { screen.joined(separator: "\n") }

    private func carryOut(_ effects: [Effect]) {
        if self.effects.perform(effects) { quit = true }
        settle()
    }

    /// Applies every answer until none is left and no work is under way.
    func settle() {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let answers = effects.take()
            for m in answers where self.effects.perform(app.update(m)) { quit = true }
            if answers.isEmpty, !effects.isWorking { return }
            if answers.isEmpty { usleep(1000) }
        }
    }
}
