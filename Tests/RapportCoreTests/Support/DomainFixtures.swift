import Foundation
@testable import RapportCore

/// A workspace on a fresh log with a fixed clock, and quick ways to fill it.
struct TestBusiness {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    /// Monday 2026-11-23 09:00 in Shanghai.
    static let monday = Timestamp(milliseconds: 1_795_395_600_000)

    let dir: TempDirectory
    let path: String
    let workspace: Workspace

    init(actor: String = "li", now: Timestamp = TestBusiness.monday) throws {
        dir = TempDirectory("rapport-domain")
        path = dir.file("crm.log")
        workspace = try Workspace.open(path: path, actor: actor, clock: Clock(fixed: now, zone: Self.zone))
    }

    var state: CRMState { workspace.state }
    var time: LocalTime { workspace.time }

    /// Moves the clock.
    func at(_ t: Timestamp) { workspace.clock.fixed = t }
    func later(days: Int64 = 0, hours: Int64 = 0) {
        workspace.clock.fixed = workspace.time.now.adding(seconds: days * 86_400 + hours * 3600)
    }

    @discardableResult
    func perform(_ action: Action) throws -> ActionOutcome { try workspace.perform(action) }

    @discardableResult
    func customer(_ name: String, _ fields: [CustomerField: JSON] = [:]) throws -> CustomerID {
        let o = try perform(.addCustomer(name: name, fields: fields))
        return CustomerID(o.created!.number)
    }

    @discardableResult
    func deal(_ c: CustomerID, _ title: String, stage: Stage = .prospecting, value: String? = "10000", _ more: [DealField: JSON] = [:]) throws -> DealID {
        var fields = more
        if let value { fields[.value] = .string(value) }
        let o = try perform(.addDeal(c, title: title, stage: stage, fields: fields))
        return DealID(o.created!.number)
    }

    @discardableResult
    func followUp(_ c: CustomerID, due: Timestamp, deal: DealID? = nil, tactic: FollowUpTactic? = nil, note: String? = nil) throws -> FollowUpID {
        var d = FollowUpDraft(customer: c, due: due)
        d.deal = deal
        d.tactic = tactic
        d.note = note
        return FollowUpID(try perform(.scheduleFollowUp(d)).created!.number)
    }

    @discardableResult
    func call(_ c: CustomerID, outcome: ContactOutcome? = .reached, mood: Mood? = nil, at: Timestamp? = nil,
              deal: DealID? = nil) throws -> InteractionID {
        var d = InteractionDraft(customer: c)
        d.outcome = outcome
        d.mood = mood
        d.at = at
        d.deal = deal
        return InteractionID(try perform(.logInteraction(d, next: nil)).created!.number)
    }

    /// The workspace opened afresh from the log (no checkpoint).
    func reopened() throws -> Workspace {
        try Workspace.open(path: path, actor: workspace.actor, clock: workspace.clock, checkpoints: false)
    }

    func remove() { dir.remove() }
}

extension Timestamp {
    /// This moment plus whole days.
    func plus(days: Int64 = 0, hours: Int64 = 0) -> Timestamp { adding(seconds: days * 86_400 + hours * 3600) }
}
