import Foundation
import Testing
@testable import RapportCore

/// Logs written by earlier versions, kept in the repository and never
/// rewritten: every later version must read them to the same state and
/// write the same payloads. A format change fails here; if it is intended,
/// raise the event's version with an upgrade step.
///
/// Each change to the format adds a golden log of its own. To record a new
/// one, add it to `goldens` and run `RECORD_GOLDEN=golden-vN.log swift test
/// --filter GoldenLog`: only a file that does not exist yet is written, so an
/// older golden log can never be re-approved by accident.
@Suite struct GoldenLogTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// Each golden log, and what wrote it.
    static let goldens: [(file: String, write: @Sendable (TestBusiness) throws -> Void)] = [
        ("golden-v1.log", FoldTests.everyKindOfEvent),   // the first format
        ("golden-v2.log", writeV2),                      // deal.moved keeps the time the deal entered its stage
        ("golden-v3.log", writeV3),                      // customer.merged and its undo, customer.unmerged
        ("golden-v4.log", writeV4),                      // follow-ups with an owner; followup.assigned
        ("golden-v5.log", writeV5),                      // the seed's method: stage content, win and follow-through,
                                                         // value, satisfaction, products and check-ups, sweeps
        ("golden-v6.log", writeV6),                      // an erasure: records rewritten without the person, customer.erased
    ]

    /// A customer erased on request: the records about them rewritten, the
    /// business facts kept, the erasure recorded.
    @Sendable static func writeV6(_ b: TestBusiness) throws {
        let c = try b.customer("林小红", [.phones: ["+86 137 2468 1357"], .emails: ["xiaohong@example.cn"]])
        try b.deal(c, "Clinic fit-out", value: "88000")
        try b.call(c, mood: .calm)
        try b.perform(.addNote(c, text: "prefers WeChat after 19:00"))
        try b.customer("Kept Co")
        _ = try Erasure.erase(c, reason: "asked in writing", path: b.path, actor: "li", clock: b.workspace.clock)
    }

    /// Every concept of the method in the log: what the stages recorded, a win
    /// with its purchase and follow-through, undone and done again, completed
    /// and resumed; customer value, a coach's criteria, a survey, an installed
    /// product and its check-up, a complaint's steps and confirmation, a
    /// sweep's call with the customer satisfied.
    @Sendable static func writeV5(_ b: TestBusiness) throws {
        let c = try b.customer("海天医疗", [.kind: "organisation", .contributions: ["profit", "opportunity"], .sensitiveTo: "service",
                                            .horizon: "long", .walletShare: 30, .recommends: true, .switchingBarrier: "high",
                                            .lockIns: ["prepayment"], .strategy: "differential", .shiftSigns: ["purchasing-joined"],
                                            .need: true, .canPay: true, .authority: true, .source: "referral"])
        try b.perform(.addContact(c, name: "周娟", fields: [.role: "user", .coach: true, .coachCriteria: ["true-information", "supports-us"]]))
        let d = try b.deal(c, "Imaging suite", stage: .preparation, value: "250000", [.contactTime: "Tue–Thu mornings", .plan: "demo the PACS"])
        try b.perform(.moveDeal(d, to: .approach, content: [.appointmentAt: .string(b.time.now.plus(days: 1).description),
                                                            .appointmentWith: "周娟", .approach: "referral"]))
        try b.perform(.moveDeal(d, to: .presentation, content: [.presentation: "need-satisfaction"]))
        try b.perform(.moveDeal(d, to: .closing, content: [.closing: "trial"]))
        var win = WinDraft()
        win.checks = [.delivery: b.time.now.plus(days: 3), .inUse: b.time.now.plus(days: 30)]
        try b.perform(.winDeal(d, win))
        try b.workspace.undoLast()   // deal.unwon, the purchase and the checks withdrawn
        try b.perform(.winDeal(d, win))
        try b.perform(.completeDeal(d, note: "installed, staff trained"))
        try b.workspace.undoLast()   // deal.resumed
        let k = ComplaintID(try b.perform(.openComplaint(c, summary: "scanner calibration off", deal: d)).created!.number)
        try b.perform(.addComplaintStep(k, text: "engineer visit booked"))
        try b.perform(.resolveComplaint(k, resolution: "recalibrated"))
        try b.perform(.confirmComplaint(k, satisfied: true))
        try b.perform(.recordSurvey(c, ratings: [5, 4, 4, 5, 4, 4, 5, 5, 3, 4, 4, 4, 1, 5, 5], date: nil, note: nil))
        let a = ProductID(try b.perform(.installProduct(c, name: "CT scanner", fields: [.serviceEvery: "6m", .serial: "CT-7731"])).created!.number)
        try b.perform(.editProduct(a, fields: [.note: "room 3"]))
        try b.perform(.startSweep(name: "winter check", customers: [c], due: b.time.now.plus(days: 2), note: nil))
        let sweepCall = try #require(b.state.followUps.last { $0.sweep == "winter check" })
        var report = InteractionDraft(customer: c)
        report.outcome = .reached
        report.satisfied = true
        try b.perform(.completeFollowUp(sweepCall.id, report: report, next: nil))
    }

    /// A follow-up given to another rep, one scheduled for someone, and a won deal with its purchase.
    @Sendable static func writeV4(_ b: TestBusiness) throws {
        let c = try b.customer("赵敏")
        let f = try b.followUp(c, due: b.time.now.plus(days: 1), note: "call back")
        try b.perform(.assignFollowUp(f, owner: "wang"))
        var draft = FollowUpDraft(customer: c, due: b.time.now.plus(days: 2))
        draft.owner = "chen"
        try b.perform(.scheduleFollowUp(draft))
        let d = try b.deal(c, "Licences", value: "8000")
        // A win as this version wrote it: deal.closed (won) and the purchase, in one batch.
        try b.workspace.commit { state in
            [[Event.dealClosed(d, .won, reason: "good fit"), .purchaseRecorded(Purchase(id: state.nextID(), customer: c,
                                                                                         amount: Money(cents: 800_000), date: b.time.today))]
                .map { $0.record(at: b.time.now) }]
        }
    }

    /// Two customers merged, the merge undone, and merged again.
    @Sendable static func writeV3(_ b: TestBusiness) throws {
        let keep = try b.customer("李娜", [.phones: ["+86 139 1111 2222"]])
        let duplicate = try b.customer("李娜 (old card)", [.emails: ["lina@example.cn"], .company: "Lumen Co."])
        try b.deal(duplicate, "Seats")
        try b.call(duplicate, mood: .rising)
        try b.perform(.mergeCustomers(keep: keep, duplicate: duplicate))
        try b.workspace.undoLast()
        try b.perform(.mergeCustomers(keep: keep, duplicate: duplicate))
    }

    /// A deal moved and the move undone: the undo gives the time it had entered its stage.
    @Sendable static func writeV2(_ b: TestBusiness) throws {
        let c = try b.customer("王芳")
        let d = try b.deal(c, "Fleet renewal", stage: .presentation)
        b.later(days: 2)
        try b.perform(.moveDeal(d, to: .objections))
        try b.workspace.undoLast()
    }

    static func open(_ file: String) throws -> Workspace {
        let path = "\(folder)/\(file)"
        if let wanted = ProcessInfo.processInfo.environment["RECORD_GOLDEN"], wanted == file,
           !FileManager.default.fileExists(atPath: path), let entry = goldens.first(where: { $0.file == file }) {
            let b = try TestBusiness()
            defer { b.remove() }
            try entry.write(b)
            writeBytes(readBytes(b.path), to: path)
        }
        let dir = TempDirectory()
        defer { dir.remove() }
        let copy = dir.file(file)
        writeBytes(readBytes(path), to: copy)
        return try Workspace.open(path: copy, actor: "li", clock: Clock(fixed: TestBusiness.monday, zone: TestBusiness.zone),
                                  checkpoints: false)
    }

    @Test(arguments: goldens.map(\.file))
    func eachGoldenLogStillReadsAndWritesTheSame(file: String) throws {
        let w = try Self.open(file)
        #expect(w.store.recordCount > 0, "\(file) is missing")
        #expect(w.state.anomalies.isEmpty)
        for index in 0..<w.store.records.count {
            let (record, event) = try w.event(ofRecord: index)
            #expect(JSONWriter.encode(.object(event.payload)) == Array(w.store.payloadText(of: record).utf8), "\(record.type)")
        }
    }

    /// A new kind of event needs a golden log of its own.
    @Test func everyKindOfEventIsInAGoldenLog() throws {
        var types = Set<String>()
        for (file, _) in Self.goldens { types.formUnion(try Self.open(file).store.records.map(\.type)) }
        #expect(types == Set(EventRegistry.types), "not in any golden log: \(Set(EventRegistry.types).subtracting(types))")
    }

    @Test func theFirstGoldenLogMeansWhatItMeant() throws {
        let w = try Self.open("golden-v1.log")
        let c = try #require(w.state.customer(CustomerID(1)))
        #expect(c.name == "张伟" && c.company == "Lumen Co." && c.relationship == .familiar)
        #expect(w.state.contact(ContactID(1))?.role == .influencer)
        #expect(w.state.deal(DealID(1)).map { ($0.title, $0.stage, $0.outcome) } ?? ("", .closing, nil) == ("ERP rollout", .approach, nil))
        #expect(w.state.followUp(FollowUpID(1))?.status == .cancelled)
        #expect(w.state.complaint(ComplaintID(1))?.isOpen == true)
        #expect(w.state.purchase(PurchaseID(1))?.withdrawn == false)
        #expect(w.state.interactions.count == 2 && w.state.interactions[1].withdrawn)
    }

    @Test func theSixthGoldenLogHoldsAnErasure() throws {
        let w = try Self.open("golden-v6.log")
        let c = try #require(w.state.customer(CustomerID(1)))
        #expect(c.name == Erasure.mark && c.phones.isEmpty && c.emails.isEmpty && c.erasedAt != nil)
        #expect(w.state.deal(DealID(1))?.value?.cents == 8_800_000 && w.state.notes(of: c).first?.text == Erasure.mark)
        #expect(w.state.customer(CustomerID(2))?.name == "Kept Co")
        let text = String(decoding: readBytes("\(Self.folder)/golden-v6.log"), as: UTF8.self)
        #expect(!text.contains("林小红") && !text.contains("2468 1357") && !text.contains("xiaohong") && !text.contains("WeChat"))
    }

    @Test func theFifthGoldenLogHoldsTheMethod() throws {
        let w = try Self.open("golden-v5.log")
        let c = try #require(w.state.customer(CustomerID(1)))
        #expect(c.matrixPosition == .relationship && c.lockIns == [.prepayment] && c.strategy == .differential && c.isShifting)
        #expect(w.state.contact(ContactID(1))?.coachCriteria == [.trueInformation, .supportsUs])
        let d = try #require(w.state.deal(DealID(1)))
        #expect(d.outcome == .won && d.stage == .followThrough && d.followingThrough && d.completedAt == nil)
        #expect(d.approach == .referral && d.presentation == .needSatisfaction && d.closing == .trial && d.plan == "demo the PACS")
        #expect(StageContent.gaps(of: d, customer: c).isEmpty)
        #expect(w.state.purchases(of: c).map(\.amount.cents) == [25_000_000])
        let k = try #require(w.state.complaint(ComplaintID(1)))
        #expect(k.steps.map(\.text) == ["engineer visit booked"] && k.satisfied == true && !k.awaitsConfirmation)
        #expect(w.state.surveys(of: c).first.map { Describe.score($0.score) } == "4.4")
        #expect(w.state.products(of: c).first.map { ($0.serial, $0.note) } ?? (nil, nil) == ("CT-7731", "room 3"))
        #expect(w.state.followUps(of: c).contains { $0.product == ProductID(1) && $0.isOpen })
        #expect(w.state.followUps(of: c).contains { $0.sweep == "winter check" && $0.status == .done })
    }

    @Test func theFourthGoldenLogGivesFollowUpsTheirOwners() throws {
        let w = try Self.open("golden-v4.log")
        #expect(w.state.followUp(FollowUpID(1))?.owner == "wang" && w.state.followUp(FollowUpID(2))?.owner == "chen")
        #expect(w.state.deal(DealID(1))?.outcome == .won && w.state.purchase(PurchaseID(1))?.amount.cents == 800_000)
    }

    @Test func theThirdGoldenLogHoldsAMergedCustomer() throws {
        let w = try Self.open("golden-v3.log")
        let keep = try #require(w.state.customer(CustomerID(1)))
        #expect(w.state.customer(CustomerID(2))?.mergedInto == CustomerID(1))
        #expect(keep.company == "Lumen Co." && keep.emails == ["lina@example.cn"])
        #expect(w.state.deals(of: keep).map(\.title) == ["Seats"] && w.state.interactions(of: keep).count == 1)
    }

    @Test func theSecondGoldenLogUndoesAMoveToTheTimeTheDealEnteredItsStage() throws {
        let w = try Self.open("golden-v2.log")
        let d = try #require(w.state.deal(DealID(1)))
        #expect(d.stage == .presentation && d.stageEnteredAt == d.createdAt)
    }
}
