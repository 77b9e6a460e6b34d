import Foundation
import Testing
@testable import RapportCore

/// Duplicates made one: everything moves, both histories stay readable, undo takes it back.
@Suite struct MergeTests {
    @Test func aMergeMovesEverythingOfTheDuplicateAndFillsTheKeptCustomer() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let keep = try b.customer("张伟", [.phones: ["+86 138 0013 8000"], .tags: ["vip"]])
        let dup = try b.customer("张伟 Zhang", [.phones: ["010 6543 2100"], .emails: ["zw@lumen.example"], .company: "Lumen Co.",
                                                .tags: ["lead"]])
        try b.perform(.addContact(dup, name: "李雷", fields: [.coach: true]))
        let deal = try b.deal(dup, "ERP", stage: .approach)
        try b.call(dup, mood: .rising)
        let f = try b.followUp(dup, due: b.time.now.plus(days: 1), deal: deal)
        try b.perform(.openComplaint(dup, summary: "late", deal: nil))
        try b.perform(.recordPurchase(dup, amount: Money(cents: 100_00), date: nil, note: nil))
        try b.perform(.addNote(dup, text: "met at the fair"))
        let before = b.state.recordCount
        let outcome = try b.perform(.mergeCustomers(keep: keep, duplicate: dup))
        #expect(outcome.summary.contains("moved 1 contact person, 1 deal, 1 interaction, 1 follow-up, 1 complaint, 1 purchase, 1 note"))
        let k = try #require(b.state.liveCustomer(keep))
        #expect(k.phones == ["+86 138 0013 8000", "010 6543 2100"] && k.emails == ["zw@lumen.example"] && k.company == "Lumen Co.")
        #expect(k.tags == ["vip", "lead"])
        #expect(b.state.liveCustomer(dup) == nil && b.state.customer(dup)?.mergedInto == keep)
        #expect(b.state.deals(of: k).map(\.id) == [deal] && b.state.followUps(of: k).map(\.id) == [f])
        #expect(b.state.coach(of: k)?.name == "李雷" && k.mood?.mood == .rising && k.lastContact != nil)
        #expect(b.state.liveDeal(deal)?.customer == keep)
        // Both histories read as one under the kept customer.
        let timeline = try b.workspace.timeline(of: k)
        #expect(timeline.contains { $0.text.hasPrefix("merged c2") } && timeline.contains { $0.text.hasPrefix("opened deal d1 ERP") })
        #expect(timeline.contains { $0.text.hasPrefix("created customer c2") })
        // Undo takes it all back.
        try b.workspace.undoLast()
        #expect(b.state.liveCustomer(dup) != nil && b.state.deals(of: b.state.customer(dup)!).map(\.id) == [deal])
        #expect(b.state.customer(keep)?.phones == ["+86 138 0013 8000"] && b.state.customer(keep)?.company == nil)
        #expect(b.state.followUps(of: b.state.customer(keep)!).isEmpty)
        #expect(b.state.recordCount > before)
        #expect(try b.reopened().state == b.state)
    }

    @Test func aMergeIsRefusedIntoItselfOrIntoWhatIsGone() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let a = try b.customer("A"), c = try b.customer("C"), d = try b.customer("D")
        #expect(performing: { try b.perform(.mergeCustomers(keep: a, duplicate: a)) },
                throws: { ($0 as? InputError)?.description.contains("cannot be merged into itself") == true })
        try b.perform(.mergeCustomers(keep: a, duplicate: c))
        #expect(performing: { try b.perform(.mergeCustomers(keep: c, duplicate: d)) },
                throws: { ($0 as? InputError)?.description == "c2 C was merged into c1" })
        let gone = try b.customer("Gone")
        try b.workspace.undoLast()
        #expect(performing: { try b.perform(.mergeCustomers(keep: gone, duplicate: d)) },
                throws: { ($0 as? InputError)?.description == "no customer c4" })
    }
}
