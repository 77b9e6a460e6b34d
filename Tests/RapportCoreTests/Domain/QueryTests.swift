import Foundation
import Testing
@testable import RapportCore

@Suite struct QueueTests {
    @Test func theQueueFollowsTheSeedsWorkOrder() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let now = b.time.now   // Monday 09:00
        let late = try b.customer("Late")
        try b.followUp(late, due: now.plus(days: -2), note: "overdue one")
        let middle = try b.customer("Middle")
        let md = try b.deal(middle, "mid", stage: .presentation)
        try b.followUp(middle, due: now.plus(hours: 2), deal: md, note: "middle today")
        let prospect = try b.customer("Prospect")
        try b.followUp(prospect, due: now.plus(hours: 3), note: "new prospect today")
        let bottom = try b.customer("Bottom")
        let bd = try b.deal(bottom, "close me", stage: .closing)
        try b.followUp(bottom, due: now.plus(hours: 4), deal: bd, note: "bottom today")
        let top = try b.customer("Top")
        let td = try b.deal(top, "top", stage: .approach)
        try b.followUp(top, due: now.plus(hours: 5), deal: td, note: "top today")
        try b.followUp(bottom, due: now.plus(days: 3), deal: bd, note: "later")
        let unhappy = try b.customer("Unhappy")
        try b.perform(.openComplaint(unhappy, summary: "broken", deal: nil))

        let q = FollowUpQueue(b.state, at: b.time)
        #expect(q.items.map(\.text) == ["overdue one", "resolve complaint: broken", "bottom today", "new prospect today",
                                        "middle today", "top today", "later"])
        #expect(q.items.map(\.bucket) == [.overdue, .complaint, .bottom, .prospect, .middle, .today, .later])
        #expect(q.overdue == 1 && q.dueToday == 4)
        #expect(q.items[0].explanation(b.time) == "overdue 2 days · prospect")
        #expect(q.items[2].explanation(b.time) == "due 13:00 · bottom tier")
        #expect(q.items[1].explanation(b.time) == "complaint open today · prospect")
    }

    @Test func aRisingMoodMovesAnItemUpItsBucketAndSaysSo() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let now = b.time.now
        let calm = try b.customer("Calm")
        let happy = try b.customer("Happy")
        try b.followUp(calm, due: now.plus(days: -1, hours: -1))
        try b.followUp(happy, due: now.plus(days: -1))
        try b.call(happy, mood: .rising, at: now.plus(hours: -1))
        let q = FollowUpQueue(b.state, at: b.time)
        #expect(q.items.map(\.customer) == [happy, calm])
        #expect(q.items[0].explanation(b.time).hasSuffix("mood rising"))
    }

    @Test func suggestionsCoverStaleDealsCoolingRelationshipsAndFollowThrough() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let start = b.time.now
        let stale = try b.customer("Stale")
        try b.deal(stale, "sits", stage: .closing)
        let cold = try b.customer("Cold", [.relationship: "media"])
        let cd = try b.deal(cold, "cooling", stage: .presentation)
        try b.followUp(cold, due: start.plus(days: 20), deal: cd)   // scheduled: not stale
        try b.call(cold, at: start)
        let won = try b.customer("Won")
        let wd = try b.deal(won, "delivered", stage: .closing)
        try b.perform(.closeDeal(wd, .won, reason: nil))
        let legacy = try b.customer("Won before follow-through")
        let ld = try b.deal(legacy, "old win", stage: .closing)
        try b.workspace.commit { _ in [[Event.dealClosed(ld, .won, reason: nil).record(at: start)]] }   // as versions before 11 wrote a win
        b.later(days: 12)   // closing's limit is 10 days; media relationships halve in 7
        let q = FollowUpQueue(b.state, at: b.time)
        let subjects = q.items.map(\.subject)
        #expect(subjects.contains(.staleDeal(DealID(1))))
        #expect(subjects.contains(.followThrough(wd)) && subjects.contains(.afterSales(ld)))
        #expect(q.items.first { $0.subject == .followThrough(wd) }.map { ($0.bucket, $0.explanation(b.time)) }
                ?? (.later, "") == (.care, "won 12 days ago, follow-through under way"))
        #expect(q.items.first { $0.subject == .staleDeal(DealID(1)) }?.explanation(b.time) == "stale 12 days in Closing · bottom tier")
        // The cooling customer has a follow-up scheduled, so no suggestion duplicates it.
        #expect(!subjects.contains(.cooling(cold)))
        b.later(days: 10)
        let later = FollowUpQueue(b.state, at: b.time)
        #expect(later.items.contains { $0.subject == .followUp(FollowUpID(1)) && $0.bucket == .overdue })
        #expect(b.state.customer(cold)!.temperature(at: b.time) == 11)   // 22 days on a 7-day half-life
    }
}

@Suite struct FunnelTests {
    @Test func theBoardCountsSumsAndWeighsEachStageAndTier() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A")
        try b.deal(c, "a", stage: .prospecting, value: "10000")
        try b.deal(c, "b", stage: .presentation, value: "20000")
        try b.deal(c, "c", stage: .presentation, value: "5000", [.probability: 80])
        let won = try b.deal(c, "d", stage: .closing, value: "1000")
        try b.perform(.closeDeal(won, .won, reason: nil))
        try b.deal(c, "e", stage: .closing, value: "300 EUR")
        let f = FunnelReport(b.state, at: b.time)
        let presentation = f.columns[Stage.presentation.number - 1]
        #expect(presentation.count == 2 && presentation.total.cents["CNY"] == 2_500_000)
        #expect(presentation.weighted.cents["CNY"] == Int64(1_200_000))   // 40 % of 20,000 and 80 % of 5,000
        #expect(f.columns[0].weighted.cents["CNY"] == 100_000)
        #expect(f.tiers.map(\.count) == [1, 1, 2])
        #expect(f.tiers[2].total.compact == "5k CNY + 300 EUR")
        #expect(f.tierSummary == "top 1 · middle 1 · bottom 2")
        #expect(f.won == 1 && f.lost == 0)
    }
}

@Suite struct SearchTests {
    @Test func customersAreFoundByAnyPartOfWhatIdentifiesThem() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let zhang = try b.customer("张伟", [.company: "华远科技有限公司", .phones: ["+86 138-0013 8000"]])
        let zhangMing = try b.customer("张伟明", [.emails: ["zwm@example.cn"]])
        let anna = try b.customer("Anna Schmidt", [.company: "Northwind GmbH", .phones: ["+49 30 1234 5678"]])
        try b.perform(.addContact(anna, name: "Lukas Weber", fields: [.phone: "+49 30 9999 0000"]))
        let index = SearchIndex(b.state)
        #expect(index.search("张伟").map(\.customer) == [zhang, zhangMing])
        #expect(index.search("伟明").map(\.customer) == [zhangMing])
        #expect(index.search("anna").map(\.customer) == [anna])
        #expect(index.search("SCHMIDT").first?.field == .name)
        #expect(index.search("northwind").first?.field == .company)
        #expect(index.search("华远").map(\.customer) == [zhang])
        #expect(index.search("weber").first.map { ($0.customer, $0.field) } ?? (zhang, .name) == (anna, .contact))
        #expect(index.search("zwm@").map(\.customer) == [zhangMing])
        #expect(index.search("13800138000").map(\.customer) == [zhang])
        #expect(index.search("0013 8000").map(\.customer) == [zhang])
        #expect(index.search("9999").map(\.customer) == [anna])
        #expect(index.search("nobody").isEmpty)
    }

    /// The index's scan (which skips the rest of a customer once nothing can
    /// rank better) agrees with ranking every field of every customer by hand.
    @Test func theRankingMatchesEveryFieldCheckedOneByOne() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        _ = try DemoBusiness.write(into: b.workspace, customers: 400, seed: 7)
        // A better hit after a worse one in the same field: a second contact, a second e-mail.
        let two = try b.customer("甲乙", [.emails: ["a.vqk@example.cn", "vqk@example.cn"]])
        try b.perform(.addContact(two, name: "Ben Qzx", fields: [:]))
        try b.perform(.addContact(two, name: "Qzx", fields: [:]))
        let state = b.state
        let index = SearchIndex(state)
        func closeness(_ segment: String, _ q: String) -> Int? {
            let s = segment.lowercased()
            return s == q ? 0 : s.hasPrefix(q) ? 1 : s.contains(q) ? 2 : nil
        }
        for query in ["l", "a", "e", "张", "王", "li", "@", "wang", "co", "138", "5", "qzx", "vqk"] {
            var expected: [(field: SearchIndex.Field, closeness: Int, customer: Int32)] = []
            for c in state.customers where state.isLive(c) {
                let contacts = state.contacts.filter { $0.customer == c.id && state.isLive($0) }
                let fields: [(SearchIndex.Field, [String])] = [(.name, [c.name]), (.company, [c.company ?? ""]),
                                                                (.contact, contacts.map(\.name)), (.email, c.emails)]
                var best = fields.lazy.compactMap { field, segments in segments.compactMap { closeness($0, query) }.min().map { (field, $0) } }.first
                let phones = (c.phones + contacts.compactMap(\.phone)).map { $0.filter(\.isASCIIDigit) }
                if best == nil, query.count >= 3, query.allSatisfy(\.isASCIIDigit) {
                    best = phones.compactMap { closeness($0, query) }.min().map { (.phone, $0) }
                }
                if let best { expected.append((best.0, best.1, c.id.number)) }
            }
            expected.sort { ($0.field, $0.closeness, $0.customer) < ($1.field, $1.closeness, $1.customer) }
            for limit in [3, 30] {   // few: names that begin with the query are enough; more: every field is scanned
                let found = index.search(query, limit: limit)
                #expect(found.map(\.customer.number) == expected.prefix(limit).map(\.customer), "\(query), \(limit)")
                #expect(found.map(\.closeness) == expected.prefix(limit).map(\.closeness), "\(query), \(limit)")
                #expect(found.map(\.field) == expected.prefix(limit).map(\.field), "\(query), \(limit)")
            }
        }
    }

    @Test func resolvingACustomerNamesTheCandidatesWhenAmbiguous() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let zhang = try b.customer("张伟")
        try b.customer("张伟明")
        try b.customer("张伟东")
        let index = SearchIndex(b.state)
        #expect(try Resolve.customer("张伟", in: b.state, index: index).id == zhang)   // exact name wins
        #expect(try Resolve.customer("c1", in: b.state, index: index).id == zhang)
        #expect(throws: InputError("no customer matches \"张伟东x\"", hint: .search("张伟东x"))) {
            try Resolve.customer("张伟东x", in: b.state, index: index)
        }
        do {
            _ = try Resolve.customer("伟", in: b.state, index: index)
            Issue.record("ambiguous name resolved")
        } catch {
            #expect(error.description == "\"伟\" matches 3 customers: c1 张伟, c2 张伟明, c3 张伟东; use an id")
        }
        #expect(throws: InputError("no customer c9")) { try Resolve.customer("c9", in: b.state, index: index) }
    }
}

@Suite struct DossierTests {
    @Test func theDossierGathersEverythingAboutOneCustomer() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("Lumen", [.kind: "organisation", .relationship: "familiar"])
        try b.perform(.addContact(c, name: "李雷", fields: [.coach: true, .role: "decision-maker"]))
        let open = try b.deal(c, "open", stage: .approach)
        let closed = try b.deal(c, "closed", stage: .closing)
        try b.perform(.closeDeal(closed, .won, reason: "good fit"))
        try b.call(c, mood: .falling, at: b.time.now.plus(hours: -2))
        try b.perform(.noteMood(c, .rising, note: nil, at: b.time.now.plus(hours: -1)))
        try b.perform(.recordPurchase(c, amount: Money(cents: 100_000), date: Day("2026-09-01"), note: nil))
        try b.perform(.recordPurchase(c, amount: Money(cents: 300_000), date: Day("2026-11-01"), note: nil))
        let d = Dossier(b.state.customer(c)!, in: b.state, at: b.time)
        #expect(d.coach?.name == "李雷")
        #expect(d.deals.map(\.id) == [open, closed])
        #expect(d.moods.map(\.mood) == [.falling, .rising])
        #expect(d.purchaseCount == 2 && d.purchaseTotal.cents["CNY"] == 400_000 && d.daysBetweenPurchases == 61)
        // Two hours since two-way contact on a 30-day half-life.
        #expect(d.temperature == 100)
        let timeline = try b.workspace.timeline(of: d.customer)
        #expect(timeline.count == 9 && timeline.allSatisfy { $0.actor == "li" })
        #expect(timeline.last?.text == "created customer c1 Lumen (organisation)")
    }
}

/// Follow-ups have an owner: whoever they were given to, else whoever scheduled them.
@Suite struct FollowUpOwnerTests {
    @Test func ownersAssignmentAndTheQueueOfOneRep() throws {
        let b = try TestBusiness(actor: "li")
        defer { b.remove() }
        let c = try b.customer("A", [.owner: "li"])
        let other = try b.customer("B", [.owner: "wang"])
        let mine = try b.followUp(c, due: b.time.now.plus(hours: 2))
        let theirs = try b.followUp(other, due: b.time.now.plus(hours: 3))
        #expect(b.state.followUp(mine)?.owner == "li")
        try b.perform(.assignFollowUp(theirs, owner: "wang"))
        #expect(b.state.followUp(theirs)?.owner == "wang")
        #expect(FollowUpQueue(b.state, at: b.time, owner: "li").items.map(\.customer) == [c])
        #expect(FollowUpQueue(b.state, at: b.time, owner: "wang").items.map(\.customer) == [other])
        #expect(FollowUpQueue(b.state, at: b.time).items.count == 2)
        #expect(throws: InputError.self) { try b.perform(.assignFollowUp(theirs, owner: "wang")) }
        try b.workspace.undoLast()
        #expect(b.state.followUp(theirs)?.owner == "li")
    }

    @Test func winningRecordsThePurchaseInTheSameBatch() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("A")
        let d = try b.deal(c, "X", stage: .closing, value: "5000")
        let o = try b.perform(.winDeal(d, WinDraft()))
        #expect(o.events.map(\.type) == ["deal.won", "purchase.recorded"])
        #expect(b.state.deal(d).map { ($0.stage, $0.outcome, $0.followingThrough) } ?? (.closing, nil, false) == (.followThrough, .won, true))
        #expect(b.state.purchases(of: b.state.customer(c)!).first?.date == b.time.today)
        try b.workspace.undoLast()
        #expect(b.state.deal(d).map { ($0.stage, $0.outcome) } ?? (.followThrough, .won) == (.closing, nil))
        #expect(b.state.purchases(of: b.state.customer(c)!).isEmpty)
    }
}
