import Foundation
import Testing
@testable import RapportCore

@Suite struct UndoAndAsOfTests {
    @Test func undoTakesBackTheLatestActionOfThatActorWithCompensatingEvents() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("张伟")
        let d = try b.deal(c, "ERP", stage: .presentation)
        try b.perform(.moveDeal(d, to: .objections))
        let recordsBefore = b.workspace.store.recordCount
        let undone = try b.workspace.undoLast()
        #expect(undone.summary.hasPrefix("undid moved d1 ERP: Presentation → Objections"))
        #expect(b.state.deal(d)?.stage == .presentation)
        #expect(b.workspace.store.recordCount == recordsBefore + 2)   // marker + compensation; nothing erased
        try b.workspace.undoLast()                                   // then the deal itself
        #expect(b.state.deal(d)?.withdrawn == true)
        #expect(b.state.deals(of: b.state.customer(c)!).isEmpty)
        // The history shows the actions and their undoing.
        let timeline = try b.workspace.timeline(of: b.state.customer(c)!)
        #expect(timeline.filter(\.undone).map(\.type) == ["deal.moved", "deal.created"])
        #expect(timeline.contains { $0.text.hasPrefix("withdrew deal d1") })
        // Reopening folds to the same state.
        #expect(try b.reopened().state == b.state)
    }

    @Test func undoIsPerActorAndRefusesToOverwriteLaterChanges() throws {
        let b = try TestBusiness(actor: "li")
        defer { b.remove() }
        let c = try b.customer("A")
        let d = try b.deal(c, "X", stage: .approach)
        try b.perform(.moveDeal(d, to: .presentation))
        let wang = try Workspace.open(path: b.path, actor: "wang", clock: b.workspace.clock)
        #expect(throws: InputError("wang has nothing to undo")) { try wang.undoLast() }
        try wang.perform(.moveDeal(d, to: .closing))
        // li's move is no longer the deal's latest: undoing it would overwrite wang's.
        #expect(performing: { try b.workspace.undoLast() }, throws: { "\($0)".contains("has changed since") })
        #expect(b.state.deal(d)?.stage == .closing)
        try wang.undoLast()
        try b.workspace.undoLast()
        #expect(b.state.deal(d)?.stage == .approach)
    }

    @Test func completingAFollowUpUndoesAsOneAction() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A")
        let d = try b.deal(c, "X")
        let f = try b.followUp(c, due: b.time.now.plus(days: 1), deal: d, tactic: .proposal)
        try b.perform(.completeFollowUp(f, report: nil, next: nil))
        #expect(b.state.followUp(f)?.status == .done && b.state.deal(d)?.openFollowUps == 0)
        #expect(b.state.interactions.last?.kind == .email)   // a proposal goes by e-mail
        try b.workspace.undoLast()
        #expect(b.state.followUp(f)?.status == .open && b.state.deal(d)?.openFollowUps == 1)
        #expect(b.state.interactions.last?.withdrawn == true)
        #expect(b.state.customer(c)?.lastContact == nil)
    }

    @Test func asOfFoldsTheLogUpToThatMoment() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A")
        let d = try b.deal(c, "X", stage: .approach)
        let monday = b.time.now
        b.later(days: 3)
        try b.perform(.moveDeal(d, to: .closing))
        try b.customer("B")
        b.later(days: 3)
        try b.perform(.closeDeal(d, .won, reason: nil))

        let then = try b.workspace.state(asOf: monday.plus(hours: 1))
        #expect(then.customers.count == 1 && then.deal(d)?.stage == .approach && then.deal(d)?.outcome == nil)
        let mid = try b.workspace.state(asOf: monday.plus(days: 4))
        #expect(mid.customers.count == 2 && mid.deal(d)?.stage == .closing && mid.deal(d)?.outcome == nil)
        #expect(try b.workspace.state(asOf: b.time.now) == b.state)
        #expect(try b.workspace.state(asOf: monday.plus(days: -1)).recordCount == 0)
        // The reports answer for that moment too.
        var thenTime = b.time
        thenTime.now = monday.plus(hours: 1)
        #expect(FunnelReport(then, at: thenTime).columns[Stage.approach.number - 1].count == 1)
        #expect(FunnelReport(b.state, at: b.time).won == 1)
    }
}
