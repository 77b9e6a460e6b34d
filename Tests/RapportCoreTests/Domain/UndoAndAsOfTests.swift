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
        #expect(performing: { try b.workspace.undoLast() },
                throws: { ($0 as? ConflictError)?.description.contains("has changed since") == true })
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

    /// Undoing the creation of a customer someone has since given a deal
    /// would leave the deal without its customer: refused, naming the deal
    /// and who added it; nothing written.
    @Test func undoRefusesToOrphanWhatOthersAddedSince() throws {
        let b = try TestBusiness(actor: "li")
        defer { b.remove() }
        let c = try b.customer("Orphan Co")
        let wang = try Workspace.open(path: b.path, actor: "wang", clock: b.workspace.clock)
        try wang.perform(.addDeal(c, title: "Big deal", stage: .prospecting, fields: [.value: "1000 CNY"]))
        let before = b.workspace.store.recordCount
        #expect(performing: { try b.workspace.undoLast() }, throws: { error in
            let text = (error as? ConflictError)?.description ?? ""
            return text.contains("c1 Orphan Co has deal d1 Big deal") && text.contains("by wang")
        })
        try b.workspace.refresh()
        #expect(b.workspace.store.recordCount == before + 1)   // only wang's deal
        #expect(b.state.liveCustomer(c) != nil)
        // Once the deal is undone, the customer can be too.
        try wang.undoLast()
        try b.workspace.undoLast()
        #expect(b.state.liveCustomer(c) == nil && b.state.liveDeals.map(\.id).isEmpty)
    }

    @Test func undoOfACreationRefusesWhenWhatItMadeWasChangedSince() throws {
        let b = try TestBusiness(actor: "li")
        defer { b.remove() }
        let c = try b.customer("A")
        let wang = try Workspace.open(path: b.path, actor: "wang", clock: b.workspace.clock)
        try wang.perform(.editCustomer(c, fields: [.company: "Lumen Co."]))
        #expect(performing: { try b.workspace.undoLast() }, throws: { ($0 as? ConflictError)?.description.contains("customer c1") == true })
    }

    /// A log written before undo checked for dependants may hold a deal of a
    /// withdrawn customer: it exists nowhere, by the one liveness rule.
    @Test func aDealOfAWithdrawnCustomerCountsNowhere() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("Gone")
        let d = try b.deal(c, "Left behind", stage: .closing)
        try b.followUp(c, due: b.time.now.plus(days: -1), deal: d)
        try b.workspace.commit { _ in [[Event.withdrawn(c.ref).record()]] }
        #expect(b.state.liveDeal(d) == nil && b.state.liveDeals.map(\.id).isEmpty)
        #expect(FunnelReport(b.state, at: b.time).columns.allSatisfy { $0.count == 0 })
        #expect(FollowUpQueue(b.state, at: b.time).items.isEmpty)
    }

    /// One writer with a fast clock must not hide what is written after it.
    @Test func asOfCountsARecordStampedAheadAsWrittenByTheRecordsAfterIt() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A")
        let start = b.time.now
        try b.deal(c, "first", value: "100")
        b.at(start.plus(hours: 1).adding(seconds: 15 * 60))   // a clock 15 minutes fast
        try b.deal(c, "ahead", value: "10")
        b.at(start.plus(hours: 1))
        try b.deal(c, "third", value: "1000")
        b.at(start.plus(hours: 1).adding(seconds: 60))
        let now = try b.workspace.state(asOf: b.time.now)
        #expect(now.liveDeals.map(\.title) == ["first", "ahead", "third"])
        #expect(try b.workspace.state(asOf: start.plus(hours: 1).adding(seconds: -1)).liveDeals.map(\.title) == ["first"])
        // Times 1, 9, 4, 6: the 9 was written by the time the 4 after it was.
        let times = [1, 9, 4, 6].map { Timestamp(milliseconds: $0) }
        #expect(Workspace.prefix(writtenBy: Timestamp(milliseconds: 3), times: times) == 1)
        #expect(Workspace.prefix(writtenBy: Timestamp(milliseconds: 5), times: times) == 3)
        #expect(Workspace.prefix(writtenBy: Timestamp(milliseconds: 6), times: times) == 4)
        #expect(Workspace.prefix(writtenBy: Timestamp(milliseconds: 0), times: times) == 0)
    }

    /// "As of today" means up to now; a day after today is refused.
    @Test func asOfTodayIsNowAndTomorrowIsRefused() throws {
        let time = LocalTime(now: TestBusiness.monday, zone: TestBusiness.zone)
        #expect(try Workspace.asOfMoment(.day(time.today), at: time) == nil)
        #expect(try Workspace.asOfMoment(.moment(time.now), at: time) == nil)
        let yesterday = Day(number: time.today.number - 1)
        #expect(try Workspace.asOfMoment(.day(yesterday), at: time) == Timestamp(milliseconds: time.startOfDay(time.today).milliseconds - 1))
        #expect(throws: InputError.self) { try Workspace.asOfMoment(.day(Day(number: time.today.number + 1)), at: time) }
    }
}
