import Foundation
import Testing
@testable import RapportCore

/// The seed's method in the core: each new event folds, undoes, reads as of
/// a past date and describes itself; each queue suggestion gives its reason
/// in words.
@Suite struct MethodTests {
    static let ratingsHigh: [UInt8] = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1, 5, 5]
    static let ratingsLow: [UInt8] = [2, 3, 2, 2, 3, 2, 3, 2, 2, 3, 2, 2, 4, 3, 2]

    /// The latest history line of a customer.
    static func lastLine(_ b: TestBusiness, _ c: CustomerID) throws -> String {
        try b.workspace.timeline(of: b.state.customer(c)!, limit: 1).first?.text ?? ""
    }

    @Test func stagesRecordTheirContentAndAMoveWithoutItIsFlaggedNotRefused() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("海天", [.need: true, .canPay: true, .source: "referral"])
        let d = try b.deal(c, "Suite", stage: .preparation, value: "1000", [.contactTime: "mornings", .plan: "demo"])
        let at = b.time.now.plus(days: 2)
        let o = try b.perform(.moveDeal(d, to: .approach, content: [.appointmentAt: .string(at.description), .approach: "referral"]))
        #expect(o.events.map(\.type) == ["deal.moved", "deal.changed", "deal.changed"] && o.warnings.isEmpty)
        #expect(b.state.deal(d)?.appointmentAt == at && b.state.deal(d)?.approach == .referral)
        #expect(try Self.lastLine(b, c) == "changed approach of d1 Suite: — → referral")
        // Content of another stage is refused; leaving approach with it is fine; leaving presentation without is flagged.
        #expect(throws: InputError.self) { try b.perform(.moveDeal(d, to: .presentation, content: [.closing: "trial"])) }
        try b.perform(.moveDeal(d, to: .presentation))
        let skip = try b.perform(.moveDeal(d, to: .objections))
        #expect(skip.warnings == ["d1 left Presentation without its presentation mode",
                                  "c1 海天 is not a qualified prospect (authority not confirmed): past Approach, "
                                      + "the deal may be lost for want of need, means or authority"])
        let flags = StageContent.flags(of: b.state.deal(d)!, in: b.state)
        #expect(flags == DealFlags(gaps: [.presentation], unqualified: true))
        #expect(StageContent.explain(flags, of: b.state.deal(d)!, in: b.state).first == "passed Presentation without presentation mode")
        try b.perform(.editDeal(d, fields: [.presentation: "programmed"]))
        try b.perform(.editCustomer(c, fields: [.authority: true]))
        #expect(StageContent.flags(of: b.state.deal(d)!, in: b.state).isEmpty)
        #expect(throws: InputError.self) { try b.perform(.moveDeal(d, to: .followThrough)) }
        #expect(throws: InputError.self) { try b.perform(.addDeal(c, title: "X", stage: .followThrough, fields: [:])) }
    }

    @Test func aWinFollowsThroughAndUndoAndAsOfSeeWhatWasThen() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A", [.need: true, .canPay: true, .authority: true])
        let d = try b.deal(c, "X", stage: .closing, value: "5000")
        b.later(days: 1)
        let wonAt = b.time.now
        var win = WinDraft()
        win.checks = [.delivery: b.time.now.plus(days: 3)]
        let o = try b.perform(.winDeal(d, win))
        #expect(o.events.map(\.type) == ["deal.won", "purchase.recorded", "followup.scheduled"])
        #expect(o.summary == "won d1 X; follow-through begins; purchase b1 of 5,000 CNY; delivery check f1 at 2026-11-27 09:00")
        let won = try #require(b.state.deal(d))
        #expect(won.stage == .followThrough && won.outcome == .won && won.followingThrough && won.openFollowUps == 1)
        #expect(FunnelReport(b.state, at: b.time).columns.last?.deals.map(\.id) == [d])
        #expect(FunnelReport(b.state, at: b.time).tiers.allSatisfy { $0.count == 0 })
        // No purchase without a value; none asked for.
        let bare = try b.deal(c, "Y", stage: .closing, value: nil)
        #expect(throws: InputError.self) { try b.perform(.winDeal(bare, WinDraft())) }
        var none = WinDraft()
        none.recordsPurchase = false
        #expect(try b.perform(.winDeal(bare, none)).events.map(\.type) == ["deal.won"])
        // Completing ends it; as of before the win the deal was open in Closing.
        b.later(days: 10)
        try b.perform(.completeDeal(d, note: "installed"))
        #expect(b.state.deal(d)?.followingThrough == false && b.state.deal(d)?.completedAt == b.time.now)
        #expect(try Self.lastLine(b, c) == "completed the follow-through of d1 X: installed")
        let before = try b.workspace.state(asOf: wonAt.plus(hours: -1))
        #expect(before.deal(d).map { ($0.stage, $0.outcome) } ?? (.followThrough, .won) == (.closing, nil))
        // Undo: completion, then the plain win, then the win with its purchase and check.
        try b.workspace.undoLast()
        #expect(b.state.deal(d)?.followingThrough == true && b.state.deal(d)?.completedAt == nil)
        try b.workspace.undoLast()
        try b.workspace.undoLast()   // the second deal's plain win
        try b.workspace.undoLast()   // the first deal's win
        #expect(b.state.deal(d).map { ($0.stage, $0.outcome, $0.openFollowUps) } ?? (.followThrough, .won, 1) == (.closing, nil, 0))
        #expect(b.state.purchases(of: b.state.customer(c)!).isEmpty)
        #expect(throws: InputError.self) { try b.perform(.completeDeal(d, note: nil)) }
    }

    @Test func aCallsOutcomeBringsItsRecordsInOneBatch() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A")
        var order = InteractionDraft(customer: c)
        order.outcome = .order
        #expect(throws: InputError.self) { try b.perform(.logInteraction(order, next: nil)) }
        order.orderAmount = Money(cents: 120_000)
        #expect(try b.perform(.logInteraction(order, next: nil)).events.map(\.type) == ["interaction.logged", "purchase.recorded"])
        var complaint = InteractionDraft(customer: c)
        complaint.outcome = .complaint
        #expect(throws: InputError.self) { try b.perform(.logInteraction(complaint, next: nil)) }
        complaint.note = "late delivery"
        try b.perform(.logInteraction(complaint, next: nil))
        #expect(b.state.complaints(of: b.state.customer(c)!).first?.summary == "late delivery")
        var callBack = InteractionDraft(customer: c)
        callBack.outcome = .callBack
        #expect(throws: InputError.self) { try b.perform(.logInteraction(callBack, next: nil)) }
        try b.perform(.logInteraction(callBack, next: FollowUpDraft(customer: c, due: b.time.now.plus(hours: 3))))
        let f = try #require(b.state.followUps(of: b.state.customer(c)!).first)
        #expect(f.tactic == .phone && f.note == "call back, as asked in i3")
        var stray = InteractionDraft(customer: c)
        stray.orderAmount = Money(cents: 100)
        #expect(throws: InputError.self) { try b.perform(.logInteraction(stray, next: nil)) }
    }

    @Test func theCoachIsAskedWhenADealStallsOrMovesBack() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("Lumen", [.kind: "organisation", .experience: "inexperienced", .shiftSigns: ["purchasing-joined"]])
        try b.perform(.addContact(c, name: "周娟", fields: [.role: "user", .coach: true, .coachCriteria: ["supports-us"]]))
        try b.perform(.addContact(c, name: "王强", fields: [.role: "purchaser"]))
        #expect(Dossier(b.state.customer(c)!, in: b.state, at: b.time).isBigCustomer)
        let d = try b.deal(c, "ERP", stage: .presentation)
        try b.perform(.moveDeal(d, to: .approach))
        let q = FollowUpQueue(b.state, at: b.time)
        let item = try #require(q.items.first { $0.subject == .askCoach(d, coach: ContactID(1)) })
        #expect(item.text == "ask the coach 周娟 about ERP")
        #expect(item.explanation(b.time) == "top tier · moved back to Approach: ask the coach 周娟 before acting · "
            + "buyer turning experienced (purchasing joins the decisions): expect price and performance talk")
        // Moving on again settles it; stalling past the stage's limit raises it again.
        try b.perform(.moveDeal(d, to: .presentation))
        #expect(!FollowUpQueue(b.state, at: b.time).items.contains { if case .askCoach = $0.subject { true } else { false } })
        b.later(days: 30)
        #expect(FollowUpQueue(b.state, at: b.time).items.first?.explanation(b.time).contains("stalled 30 days in Presentation: ask the coach") == true)
    }

    @Test func valueGivesTheMatrixAndTheStrategyTheSeedPointsTo() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A", [.horizon: "long", .lockIns: ["points"], .contributions: ["profit"]])
        let a = try #require(b.state.customer(c))
        #expect(a.barrier == .high && a.matrixPosition == .relationship)
        #expect(InteractionStrategy.suggested(for: a, purchases: 0).strategy == .differential)
        try b.perform(.editCustomer(c, fields: [.horizon: "short", .switchingBarrier: "low", .lockIns: [], .contributions: []]))
        #expect(b.state.customer(c)?.matrixPosition == .transactional)
        #expect(try Self.lastLine(b, c) == "changed lockIns of c1 A: points → —")
        #expect(throws: InputError.self) { try b.perform(.editCustomer(c, fields: [.walletShare: 140])) }
    }

    @Test func surveysScoreByLevelAndALowOrFallingScoreIsSuggested() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A")
        #expect(throws: InputError.self) { try Survey.ratings("5 4 4") }
        #expect(throws: InputError.self) { try b.perform(.recordSurvey(c, ratings: Self.ratingsHigh, date: Day(number: b.time.today.number + 1), note: nil)) }
        try b.perform(.recordSurvey(c, ratings: Self.ratingsHigh, date: Day(number: b.time.today.number - 90), note: nil))
        let high = try #require(b.state.surveys(of: b.state.customer(c)!).first)
        #expect(high.score == 5 && high.score(.support) == 5)   // statement 13 counts reversed: 1 is good
        #expect(!FollowUpQueue(b.state, at: b.time).items.contains { if case .satisfaction = $0.subject { true } else { false } })
        b.later(days: 1)
        try b.perform(.recordSurvey(c, ratings: Self.ratingsLow, date: nil, note: "after the outage"))
        #expect(try Self.lastLine(b, c) == "satisfaction survey s2 of 2026-11-24: 2.3 of 5")
        let item = try #require(FollowUpQueue(b.state, at: b.time).items.first)
        #expect(item.subject == .satisfaction(SurveyID(2)) && item.bucket == .care)
        #expect(item.text == "satisfaction falling: call to learn why" && item.explanation(b.time) == "prospect · satisfaction 2.3 of 5, down from 5.0")
        let past = try b.workspace.state(asOf: b.time.now.plus(hours: -1))
        #expect(past.surveys(of: past.customer(c)!).count == 1)
        try b.workspace.undoLast()
        #expect(b.state.surveys(of: b.state.customer(c)!).count == 1)
    }

    @Test func productsScheduleCheckUpsThatRenewAndStop() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A")
        #expect(ServiceInterval("6 parsecs") == nil && ServiceInterval("6 months") == ServiceInterval(count: 6, unit: .months))
        #expect(ServiceInterval(count: 1, unit: .months).after(Day("2027-01-31")!) == Day("2027-02-28"))
        let o = try b.perform(.installProduct(c, name: "Scanner", fields: [.installedOn: "2026-05-10", .serviceEvery: "6m"]))
        #expect(o.summary == "installed a1 Scanner at c1 A; first check-up f1 on 2027-05-10")
        let a = ProductID(o.created!.number)
        b.at(b.time.moment(Day("2027-05-10")!, hour: 11))
        let done = try b.perform(.completeFollowUp(FollowUpID(1), report: nil, next: nil))
        #expect(done.summary.hasSuffix("next check-up f2 on 2027-11-10"))
        let cancelled = try b.perform(.cancelFollowUp(FollowUpID(2), reason: "customer away"))
        #expect(cancelled.summary == "cancelled f2; next check-up f3 on 2028-05-10")
        let removed = try b.perform(.editProduct(a, fields: [.removedOn: "2027-06-01"]))
        #expect(removed.summary == "changed removedOn of a1 Scanner; cancelled f3")
        #expect(b.state.followUps.filter(\.isOpen).isEmpty)
        #expect(throws: InputError.self) { try b.perform(.installProduct(c, name: "X", fields: [.serviceEvery: "6 parsecs"])) }
        let quiet = try b.customer("Quiet", [.doNotContact: true])
        #expect(try b.perform(.installProduct(quiet, name: "Y", fields: [.serviceEvery: "1y"])).summary
            .hasSuffix("no check-up scheduled: c2 asked not to be contacted"))
    }

    @Test func complaintsAreWorkedToAConfirmedResolution() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A")
        let k = ComplaintID(try b.perform(.openComplaint(c, summary: "late", deal: nil)).created!.number)
        try b.perform(.addComplaintStep(k, text: "carrier called"))
        #expect(try Self.lastLine(b, c) == "k1 late: step 1: carrier called")
        #expect(throws: InputError.self) { try b.perform(.confirmComplaint(k, satisfied: true)) }
        try b.perform(.resolveComplaint(k, resolution: "redelivered"))
        #expect(throws: InputError.self) { try b.perform(.addComplaintStep(k, text: "more")) }
        let item = try #require(FollowUpQueue(b.state, at: b.time).items.first)
        #expect(item.subject == .confirmComplaint(k) && item.explanation(b.time) == "prospect · resolved today, satisfaction not confirmed")
        try b.perform(.confirmComplaint(k, satisfied: true))
        #expect(b.state.complaint(k)?.satisfied == true && FollowUpQueue(b.state, at: b.time).items.isEmpty)
        try b.workspace.undoLast()
        #expect(b.state.complaint(k)?.awaitsConfirmation == true)
    }

    @Test func aSweepCallsEachCustomerUntilSatisfied() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let big = try b.customer("Big", [.size: "large"])
        try b.customer("Quiet", [.size: "large", .doNotContact: true])
        try b.customer("Small", [.size: "small"])
        let segment = try Segment.parse("size=large", at: b.time)
        #expect(throws: InputError.self) { try Segment.parse("size=large,colour=red", at: b.time) }
        let ids = segment.customers(in: b.state, at: b.time).map(\.id)
        let o = try b.perform(.startSweep(name: "Q4", customers: ids, due: b.time.now.plus(days: 1), note: nil))
        #expect(o.summary == "started sweep Q4: 1 customers to call from 2026-11-24 09:00 (1 not to be contacted left out)")
        #expect(throws: InputError.self) { try b.perform(.startSweep(name: "Q4", customers: ids, due: b.time.now, note: nil)) }
        var report = InteractionDraft(customer: big)
        report.outcome = .reached
        report.satisfied = false
        let again = try b.perform(.completeFollowUp(FollowUpID(1), report: report, next: nil))
        #expect(again.summary.hasSuffix("not yet satisfied: Q4 calls again 2026-11-25 10:00 (f2)"))
        report.satisfied = true
        try b.perform(.completeFollowUp(FollowUpID(2), report: report, next: nil))
        let progress = try #require(SweepProgress.all(in: b.state).first)
        #expect((progress.customers, progress.satisfied, progress.open) == (1, 1, 0))
        #expect(throws: InputError.self) { try b.perform(.stopSweep(name: "Q4")) }
    }

    @Test func noSuggestionProposesContactingWhoAskedNotToBe() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let quiet = try b.customer("Quiet", [.doNotContact: true, .relationship: "media"])
        let d = try b.deal(quiet, "X", stage: .closing)
        try b.perform(.recordSurvey(quiet, ratings: Self.ratingsLow, date: nil, note: nil))
        var win = WinDraft()
        win.recordsPurchase = false
        let other = try b.deal(quiet, "Y", stage: .closing)
        try b.perform(.winDeal(other, win))
        b.later(days: 40)
        #expect(b.state.deal(d)?.isStale(b.time) == true)
        #expect(FollowUpQueue(b.state, at: b.time).items.isEmpty)
    }
}
