import Foundation
import Testing
@testable import RapportCore

@Suite struct FoldTests {
    @Test func everyActionFoldsIntoTheStateAndSurvivesReopening() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let lumen = try b.customer("Lumen 科技", [.kind: "organisation", .phones: ["+86 138 0013 8000"], .size: "large",
                                                .bonds: ["work", "economic"], .need: true, .canPay: true, .authority: true])
        let li = ContactID(try b.perform(.addContact(lumen, name: "李雷", fields: [.role: "decision-maker", .coach: true])).created!.number)
        let wang = ContactID(try b.perform(.addContact(lumen, name: "王芳", fields: [.coach: true])).created!.number)
        let deal = try b.deal(lumen, "ERP rollout", stage: .presentation, value: "120000")
        try b.perform(.moveDeal(deal, to: .objections))
        try b.perform(.editDeal(deal, fields: [.probability: 60]))
        var draft = InteractionDraft(customer: lumen)
        draft.outcome = .reached
        draft.objection = .price
        draft.technique = .postpone
        draft.mood = .rising
        draft.deal = deal
        draft.contact = li
        let next = FollowUpDraft(customer: lumen, due: b.time.now.plus(days: 2))
        let call = try b.perform(.logInteraction(draft, next: next))
        try b.perform(.noteMood(lumen, .calm, note: "weighing it", at: b.time.now.plus(hours: -48)))
        try b.perform(.editCustomer(lumen, fields: [.personality: "driver", .aidmas: "desire"]))
        try b.perform(.addNote(lumen, text: "喜欢打高尔夫"))
        try b.perform(.openComplaint(lumen, summary: "invoice wrong", deal: deal))
        try b.perform(.recordPurchase(lumen, amount: Money(cents: 500_000), date: nil, note: nil))

        for state in [b.state, try b.reopened().state] {
            let c = try #require(state.customer(lumen))
            #expect(c.kind == .organisation && c.size == .large && c.bonds == [.work, .economic])
            #expect(c.qualification == .qualifiedProspect)
            #expect(c.personality == .driver && c.aidmas == .desire)
            // The newer mood wins: the call's rising (now) over the note's calm (two days ago).
            #expect(c.mood?.mood == .rising)
            #expect(c.lastTwoWayContact == b.time.now)
            // One coach per account: naming 王芳 took it from 李雷.
            #expect(state.coach(of: c)?.id == wang && state.contact(li)?.isCoach == false)
            let d = try #require(state.deal(deal))
            #expect(d.stage == .objections && d.probability == 60 && d.tier == .middle && d.openFollowUps == 1)
            #expect(state.interactions(of: c).first?.objection == .price)
            #expect(state.followUps(of: c).count == 1 && state.complaints(of: c).first?.isOpen == true)
            #expect(state.purchases(of: c).first?.amount.cents == 500_000 && state.notes(of: c).count == 1)
            #expect(state.anomalies.isEmpty)
        }
        #expect(call.events.count == 2)   // the call and its next step, one batch
        #expect(b.workspace.store.records.suffix(7).map(\.batchCount).contains(2))
    }

    @Test func everyEventRoundTripsThroughItsPayload() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        try FoldTests.everyKindOfEvent(b)
        for index in 0..<b.workspace.store.records.count {
            let (record, event) = try b.workspace.event(ofRecord: index)
            let again = try Event(type: event.type, version: record.version, payload: .object(event.payload))
            #expect(again == event, "\(record.type)")
            #expect(JSONWriter.encode(.object(event.payload)) == Array(b.workspace.store.payloadText(of: record).utf8))
        }
        let types = Set(b.workspace.store.records.map(\.type))
        #expect(types == Set(EventRegistry.types), "untested: \(Set(EventRegistry.types).subtracting(types))")
    }

    /// Writes at least one event of every type.
    static func everyKindOfEvent(_ b: TestBusiness) throws {
        let c = try b.customer("张伟", [.company: "Lumen Co.", .emails: ["zw@lumen.example"]])
        try b.perform(.editCustomer(c, fields: [.relationship: "familiar"]))
        let p = ContactID(try b.perform(.addContact(c, name: "李雷", fields: [:])).created!.number)
        try b.perform(.editContact(p, fields: [.role: "influencer"]))
        let d = try b.deal(c, "ERP")
        try b.perform(.editDeal(d, fields: [.title: "ERP rollout"]))
        try b.perform(.moveDeal(d, to: .approach))
        try b.perform(.closeDeal(d, .lost, reason: "price"))
        try b.workspace.undoLast()   // deal.reopened
        var win = WinDraft()
        win.recordsPurchase = false
        try b.perform(.winDeal(d, win))
        try b.workspace.undoLast()   // deal.unwon
        try b.call(c, mood: .rising)
        try b.perform(.noteMood(c, .calm, note: nil, at: nil))
        try b.perform(.addNote(c, text: "note"))
        let f = try b.followUp(c, due: b.time.now.plus(days: 1), deal: d)
        try b.perform(.snoozeFollowUp(f, until: b.time.now.plus(days: 2)))
        try b.perform(.completeFollowUp(f, report: nil, next: nil))
        try b.workspace.undoLast()   // followup.reopened, entity.withdrawn
        try b.perform(.assignFollowUp(f, owner: "wang"))
        try b.perform(.cancelFollowUp(f, reason: "no longer needed"))
        let k = ComplaintID(try b.perform(.openComplaint(c, summary: "late", deal: nil)).created!.number)
        try b.perform(.resolveComplaint(k, resolution: "sorted"))
        try b.workspace.undoLast()   // complaint.reopened
        try b.perform(.recordPurchase(c, amount: Money(cents: 100), date: nil, note: "first"))
        try b.workspace.undoLast()   // withdrawn
        // restored: undo of an undo is not offered, so write it as the fold would read it
        try b.workspace.commit { _ in [[Event.restored(EntityRef(kind: .purchase, number: 1)).record()]] }
        try b.perform(.addComplaintStep(k, text: "called the carrier"))   // complaint.changed
        try b.perform(.winDeal(d, win))
        try b.perform(.completeDeal(d, note: "delivered and installed"))
        try b.workspace.undoLast()   // deal.resumed
        try b.perform(.recordSurvey(c, ratings: [5, 4, 4, 5, 4, 3, 4, 5, 3, 4, 4, 3, 2, 5, 4], date: nil, note: "after delivery"))
        let a = ProductID(try b.perform(.installProduct(c, name: "Printer P-200", fields: [.serviceEvery: "6m"])).created!.number)
        try b.perform(.editProduct(a, fields: [.serial: "SN-0042"]))
        try b.perform(.eraseCustomer(c, reason: "asked to be forgotten", records: 2))   // what Erasure appends after its rewrite
        let duplicate = try b.customer("张伟 (duplicate)")
        try b.perform(.mergeCustomers(keep: c, duplicate: duplicate))
        try b.workspace.undoLast()   // customer.unmerged
    }

    @Test func recordsThatDoNotFitAreKeptAsAnomaliesNotDropped() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A")
        try b.workspace.commit { _ in [
            [Event.dealMoved(DealID(9), from: .approach, to: .closing).record()],
            [Event.customerCreated(Customer(id: CustomerID(7), name: "out of sequence")).record()],
        ] }
        let state = try b.reopened().state
        #expect(state.anomalies.map(\.record) == [1, 2])
        #expect(state.anomalies[0].reason == "no deal d9")
        #expect(state.anomalies[1].reason.contains("out of sequence"))
        #expect(state.unreadableCount == 0)
        #expect(state.customers.count == 1 && state.customer(c)?.name == "A")
        // Still a working log: the next action goes on from the real state.
        #expect(try b.customer("B") == CustomerID(2))
    }

    /// A record of a newer schema version (or an unknown type) is kept out of
    /// the state and said to be there; the log is then not written to, so no
    /// id such a record holds is handed out again.
    @Test func recordsOfANewerVersionStopWritesAndKeepTheirIDs() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        try b.customer("A")
        try b.customer("B")
        try b.workspace.commit { _ in [
            [NewRecord(type: "customer.created", version: 99, payload: .object(["id": "c3", "name": "from the future"]))],
            [NewRecord(type: "deal.teleported", version: 1, payload: .object(["id": "d1"]))],
        ] }
        let w = try b.reopened()
        #expect(w.state.unreadableCount == 2)
        #expect(w.state.anomalies.filter(\.isUnreadable).count == 2)
        #expect(w.state.anomalies[0].reason.contains("newer rapport"))
        #expect(w.state.anomalies[1].reason.contains("unknown event type"))
        #expect(w.unreadableWarning?.contains("2 records this version of rapport cannot read") == true)
        let before = w.store.byteCount
        #expect(throws: UnreadableRecordsError.self) { try w.perform(.addCustomer(name: "Zed", fields: [:])) }
        #expect(throws: UnreadableRecordsError.self) { try w.undoLast() }
        #expect(try b.reopened().store.byteCount == before)
    }

    /// An interaction draft for `c`, changed by `change`.
    static func draft(_ c: CustomerID, _ change: (inout InteractionDraft) -> Void) -> InteractionDraft {
        var d = InteractionDraft(customer: c)
        change(&d)
        return d
    }

    /// The core's refusals name the field they are about and never a command:
    /// the command line and the screen add their own hints.
    @Test func refusalsNameTheirFieldAndLeaveHintsToTheirViews() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A", [.doNotContact: true])
        let d = try b.deal(c, "X")
        try b.perform(.closeDeal(d, .won, reason: nil))
        func refusal(_ action: Action) -> InputError? {
            do { _ = try b.perform(action) } catch let e as InputError { return e } catch { return nil }
            return nil
        }
        #expect(refusal(.addCustomer(name: " ", fields: [:]))?.field == "name")
        #expect(refusal(.logInteraction(FoldTests.draft(c) { $0.technique = .deny }, next: nil))?.field == "objection")
        #expect(refusal(.moveDeal(d, to: .closing))?.hint == .undo)
        #expect(refusal(.scheduleFollowUp(FollowUpDraft(customer: c, due: b.time.now)))?.hint == .clearDoNotContact(c))
        for e in [refusal(.moveDeal(d, to: .closing)), refusal(.scheduleFollowUp(FollowUpDraft(customer: c, due: b.time.now)))] {
            #expect(e.map { !$0.description.contains("rapport") && !$0.description.contains("--") } == true)
        }
    }

    @Test func badInputIsRefusedWithItsReasonAndWritesNothing() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A", [.doNotContact: true])
        let d = try b.deal(c, "X")
        let before = b.workspace.store.recordCount
        let refusals: [(Action, String)] = [
            (.addCustomer(name: "  ", fields: [:]), "name must not be empty"),
            (.addCustomer(name: "B", fields: [.phones: ["call me"]]), "is not a phone number"),
            (.addCustomer(name: "B", fields: [.emails: ["nobody"]]), "is not an address"),
            (.addDeal(c, title: "Y", stage: .approach, fields: [.value: "-5 CNY"]), "must not be negative"),
            (.moveDeal(d, to: .prospecting), "already in Prospecting"),
            (.moveDeal(DealID(99), to: .closing), "no deal d99"),
            (.closeDeal(d, .lost, reason: nil), "say why"),
            (.scheduleFollowUp(FollowUpDraft(customer: c, due: b.time.now)), "asked not to be contacted"),
            (.snoozeFollowUp(FollowUpID(1), until: b.time.now.plus(days: 1)), "no follow-up f1"),
            (.recordPurchase(c, amount: Money(cents: 0), date: nil, note: nil), "more than zero"),
            (.editCustomer(c, fields: [.name: "A"]), "nothing to change"),
            (.logInteraction(InteractionDraft(customer: CustomerID(5)), next: nil), "no customer c5"),
            (.logInteraction(FoldTests.draft(c) { $0.at = b.time.now.plus(days: 1) }, next: nil), "is in the future"),
            (.logInteraction(FoldTests.draft(c) { $0.technique = .deny }, next: nil), "a technique answers an objection"),
        ]
        for (action, message) in refusals {
            #expect(performing: { try b.perform(action) }, throws: { ($0 as? InputError)?.description.contains(message) == true })
        }
        #expect(b.workspace.store.recordCount == before)
    }
}
