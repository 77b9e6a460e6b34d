import Foundation
import RapportCore
@testable import RapportUI

/// A screen on a fixed demo log, with a fixed clock, driven without a terminal:
/// effects are carried out here the way the program's loop does.
final class ScreenFixture {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    /// Monday 2026-11-23 09:00 in Shanghai.
    static let monday = Timestamp(milliseconds: 1_795_395_600_000)

    let directory: String
    let workspace: Workspace
    var app: AppState
    /// Effects the fixture did not carry out (quit, themes, the demo).
    private(set) var unhandled: [Effect] = []

    /// A log with the demo business of `customers` customers (0: an empty log).
    init(customers: Int = 40, width: Int = 160, height: Int = 48) throws {
        directory = NSTemporaryDirectory() + "rapport-ui-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        workspace = try Workspace.open(path: directory + "/demo.log", actor: "li",
                                       clock: Clock(fixed: ScreenFixture.monday, zone: ScreenFixture.zone), checkpoints: false)
        if customers > 0 { _ = try DemoBusiness.write(into: workspace, customers: customers, seed: 7) }
        app = AppState(data: ScreenData(state: workspace.state, now: workspace.time), source: "~/demo.log",
                       actor: "li", width: width, height: height)
        try carryOut(app.start())
        if customers > 0 { _ = app.update(.searchReady(workspace.searchIndex)) }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Sends a message, then carries out what it asks.
    func send(_ message: Message) throws {
        try carryOut(app.update(message))
    }

    /// Presses keys: characters as typed, or named keys.
    func press(_ keys: Key...) throws { for k in keys { try send(.key(k)) } }

    /// Types text, one character at a time.
    func type(_ text: String) throws { for c in text { try send(.key(.char(c))) } }

    var screen: [String] { app.view().lines }
    var text: String { screen.joined(separator: "\n") }

    private func carryOut(_ effects: [Effect]) throws {
        for effect in effects {
            switch effect {
            case .loadTimeline(let id):
                let c = workspace.state.customer(id)!
                var entries = try workspace.timeline(of: c, limit: 200)
                if let asOf = app.data.asOf { entries = entries.filter { $0.time <= asOf } }
                try send(.timeline(id, entries))
            case .showAsOf(let moment):
                let state = try moment.map { try workspace.state(asOf: $0) } ?? workspace.state
                try send(.data(ScreenData(state: state, now: workspace.time, asOf: moment)))
            default:
                unhandled.append(effect)
            }
        }
    }
}
