import Foundation
import PropertyBased
import Testing
@testable import RapportCore

/// Any action, performed on a business and then undone, leaves the business
/// as it was: every kind of action, on random states, with random choices.
@Suite struct UndoPropertyTests {
    /// What a person sees of the business: the entities that exist, with
    /// every field they can see (not the log's bookkeeping).
    struct View: Equatable {
        var customers: [[JSON]] = [], contacts: [[JSON]] = [], deals: [[JSON]] = []
        var followUps: [String] = [], complaints: [String] = [], others: [String] = []

        init(_ s: CRMState) {
            for c in s.liveCustomers {
                customers.append(CustomerField.allCases.map { $0.value(of: c) }
                    + [.text(c.lastContact?.description), .text(c.lastTwoWayContact?.description), .text(c.mood.map { "\($0.mood) \($0.at)" })])
            }
            for p in s.contacts where s.isLive(p) {
                contacts.append([.string(p.id.description), .string(p.customer.description)] + ContactField.allCases.map { $0.value(of: p) })
            }
            for d in s.liveDeals {
                deals.append([.string(d.id.description), .string(d.customer.description), .string(d.stage.rawValue), .text(d.outcome?.rawValue), .text(d.closeReason),
                              .text(d.stageEnteredAt.description), .text(d.closedAt?.description), .int(Int64(d.openFollowUps)),
                              .bool(d.followingThrough), .text(d.completedAt?.description), .text(d.movedBackAt?.description)]
                    + DealField.allCases.map { $0.value(of: d) })
            }
            followUps = s.liveFollowUps.map { "\($0.id) \($0.customer) \($0.status) \($0.due) \(String(describing: $0.snoozedFrom)) \(String(describing: $0.outcome)) \(String(describing: $0.interaction))" }
            complaints = s.complaints.filter { s.isLive($0) }.map { k in
                "\(k.id) \(String(describing: k.resolvedAt)) \(String(describing: k.resolution)) \(ComplaintField.allCases.map { $0.value(of: k) })"
            }
            func owned<E: CustomerOwned>(_ items: ChunkedArray<E>) -> [String] { items.filter { s.isLive($0) }.map { "\($0.id)@\($0.customer)" } }
            others = owned(s.interactions) + owned(s.purchases) + owned(s.moodNotes) + owned(s.notes) + owned(s.complaints)
                + owned(s.surveys) + s.products.filter { s.isLive($0) }.map { a in "\(a.id) \(ProductField.allCases.map { $0.value(of: a) })" }
        }

        /// Which part of the business differs from `other`, in a few words; nil when none.
        func difference(from other: View) -> String? {
        let parts: [(String, Bool)] = [("customers", customers == other.customers), ("contacts", contacts == other.contacts),
                                       ("deals", deals == other.deals), ("follow-ups", followUps == other.followUps),
                                       ("complaints", complaints == other.complaints), ("others", others == other.others)]
            let changed = parts.filter { !$0.1 }.map(\.0)
            return changed.isEmpty ? nil : changed.joined(separator: ", ")
        }
    }
}

extension UndoPropertyTests {
    /// An action of kind `genes[0]`, its choices taken from the other genes.
    static func action(_ genes: [Int], in s: CRMState, at time: LocalTime) -> Action? {
        var g = genes.makeIterator()
        func next(_ n: Int) -> Int { n <= 0 ? 0 : (g.next() ?? 0) % n }
        func pick<E>(_ all: [E]) -> E? { all.isEmpty ? nil : all[next(all.count)] }
        let customers = Array(s.liveCustomers), deals = Array(s.liveDeals.filter(\.isOpen))
        let open = Array(s.liveFollowUps.filter(\.isOpen))
        guard let c = pick(customers) else { return .addCustomer(name: "First", fields: [:]) }
        func due() -> Timestamp { time.now.adding(seconds: Int64(3600 * (1 + next(500)))) }
        let won = Array(s.liveDeals.filter(\.followingThrough))
        let complaints = s.complaints.filter { s.isLive($0) }
        switch next(30) {
        case 0: return .addCustomer(name: "客户 \(next(1000))", fields: [.size: .string(pick(SizeClass.allCases)!.rawValue)])
        case 1: return .editCustomer(c.id, fields: [.relationship: .string(pick(RelationshipLevel.allCases)!.rawValue),
                                                     .company: next(2) == 0 ? .null : .string("Co \(next(99))")])
        case 2: return .addContact(c.id, name: "联系人 \(next(99))", fields: [.coach: .bool(next(2) == 0)])
        case 3: return pick(s.contacts.filter { s.isLive($0) }).map { .editContact($0.id, fields: [.role: .string(pick(BuyingRole.allCases)!.rawValue), .coach: .bool(next(2) == 0)]) }
        case 4: return .addDeal(c.id, title: "Deal \(next(99))", stage: pick(Stage.allCases)!, fields: [.value: .string("\(1 + next(9999)).00 CNY")])
        case 5: return pick(deals).map { .editDeal($0.id, fields: [.value: .string("\(1 + next(9999)).00 CNY"), .probability: .int(Int64(next(101)))]) }
        case 6: return pick(deals).map { d in .moveDeal(d.id, to: pick(Stage.allCases.filter { $0 != d.stage })!) }
        case 7: return pick(deals).map { .closeDeal($0.id, next(2) == 0 ? .won : .lost, reason: "why \(next(9))") }
        case 8:
            var d = InteractionDraft(customer: c.id)
            d.outcome = pick(ContactOutcome.allCases)
            d.mood = next(2) == 0 ? pick(Mood.allCases) : nil
            d.objection = next(2) == 0 ? pick(ObjectionType.allCases) : nil
            d.technique = d.objection == nil ? nil : pick(ObjectionTechnique.allCases)
            return .logInteraction(d, next: next(2) == 0 ? FollowUpDraft(customer: c.id, due: due()) : nil)
        case 9: return .noteMood(c.id, pick(Mood.allCases)!, note: "seen", at: nil)
        case 10: return .addNote(c.id, text: "note \(next(99))")
        case 11: return .scheduleFollowUp(FollowUpDraft(customer: c.id, due: due()))
        case 12: return pick(open).map { .completeFollowUp($0.id, report: nil, next: next(2) == 0 ? FollowUpDraft(customer: $0.customer, due: due()) : nil) }
        case 13: return pick(open).map { .snoozeFollowUp($0.id, until: due()) }
        case 14: return pick(open).map { .cancelFollowUp($0.id, reason: "no longer") }
        case 15: return .openComplaint(c.id, summary: "broken \(next(9))", deal: nil)
        case 16: return pick(s.complaints.filter { $0.isOpen && s.isLive($0) }).map { .resolveComplaint($0.id, resolution: "fixed") }
        case 17: return .recordPurchase(c.id, amount: Money(cents: Int64(100 * (1 + next(9999)))), date: nil, note: nil)
        case 18: return pick(customers.filter { $0.id != c.id }).map { .mergeCustomers(keep: c.id, duplicate: $0.id) }
        case 19:
            var win = WinDraft()
            win.recordsPurchase = next(3) != 0
            win.amount = Money(cents: Int64(100 * (1 + next(9999))))
            if next(2) == 0 { win.checks[pick(FollowThroughCheck.allCases)!] = due() }
            return pick(deals).map { .winDeal($0.id, win) }
        case 20: return pick(won).map { .completeDeal($0.id, note: "done") }
        case 21:
            return pick(deals).map { d in
                let to = pick(Stage.allCases.filter { $0 != d.stage && $0 != .followThrough })!
                let content: [DealField: JSON] = switch to {
                case .approach: [.approach: .string(pick(ApproachMethod.allCases)!.rawValue)]
                case .presentation: [.presentation: .string(pick(PresentationMode.allCases)!.rawValue)]
                case .closing: [.closing: .string(pick(ClosingStrategy.allCases)!.rawValue)]
                default: [:]
                }
                return .moveDeal(d.id, to: to, content: content)
            }
        case 22: return .editCustomer(c.id, fields: [.contributions: .strings(Array(Contribution.allCases.prefix(next(4))).map(\.rawValue)),
                                                      .horizon: .string(pick(Horizon.allCases)!.rawValue), .walletShare: .int(Int64(next(101)))])
        case 23: return .recordSurvey(c.id, ratings: (0..<15).map { _ in UInt8(1 + next(5)) }, date: nil, note: nil)
        case 24: return .installProduct(c.id, name: "P\(next(9))", fields: [.serviceEvery: .string("\(1 + next(12))m")])
        case 25: return pick(s.products.filter { s.isLive($0) && $0.inService }).map { .editProduct($0.id, fields: [.removedOn: .string(time.today.description)]) }
        case 26: return pick(complaints.filter(\.isOpen)).map { .addComplaintStep($0.id, text: "step \(next(9))") }
        case 27: return pick(complaints.filter { !$0.isOpen }).map { .confirmComplaint($0.id, satisfied: next(2) == 0) }
        case 28: return .startSweep(name: "sweep \(next(99))", customers: customers.map(\.id), due: due(), note: nil)
        case 29:
            var d = InteractionDraft(customer: c.id)
            d.outcome = pick([ContactOutcome.order, .complaint, .callBack])
            d.orderAmount = Money(cents: Int64(100 * (1 + next(999))))
            d.note = "said so"
            if d.outcome != .order { d.orderAmount = nil }
            return .logInteraction(d, next: d.outcome == .callBack ? FollowUpDraft(customer: c.id, due: due()) : nil)
        default: return .editCustomer(c.id, fields: [.tags: .array([.string("t\(next(5))")])])
        }
    }

    /// Adds what some kinds of action need to exist (an open and a resolved
    /// complaint, a product in service, a deal being followed through), so
    /// that every kind can be tried on every random state.
    static func provideForEveryKind(_ b: TestBusiness) throws {
        guard let first = Array(b.state.liveCustomers).first else { return }
        try b.perform(.openComplaint(first.id, summary: "open", deal: nil))
        try b.perform(.openComplaint(first.id, summary: "to resolve", deal: nil))
        if let k = b.state.complaints.last { try b.perform(.resolveComplaint(k.id, resolution: "fixed")) }
        try b.perform(.installProduct(first.id, name: "P0", fields: [.serviceEvery: .string("6m")]))
        if !b.state.liveDeals.contains(where: \.followingThrough), let open = Array(b.state.liveDeals).first(where: \.isOpen) {
            try b.perform(.winDeal(open.id, WinDraft()))
        }
    }

    @Test func everyActionUndoesToTheStateBeforeIt() async throws {
        let undone = UnsafeSendableBox(Set<String>())
        let tried = UnsafeSendableBox(0)   // every kind in turn, so that each is tried about ten times
        await propertyCheck(count: 80, input: Gen.int(in: 0...10_000).array(of: 30)) { genes in
            do {
                let b = try TestBusiness()
                defer { b.remove() }
                _ = try DemoBusiness.write(into: b.workspace, customers: 8, seed: UInt64(genes[0]))
                try Self.provideForEveryKind(b)
                for round in 0..<4 {
                    var slice = Array(genes.dropFirst(round * 7).prefix(8))
                    slice[0] = tried.value
                    tried.value += 1
                    guard let action = Self.action(slice, in: b.state, at: b.time) else { continue }
                    let before = View(b.state)
                    guard (try? b.perform(action)) != nil else { continue }   // refused: nothing written
                    try b.workspace.undoLast()
                    let changed = View(b.state).difference(from: before)
                    #expect(changed == nil, "undo of \(action) left changed: \(changed ?? "")")
                    undone.value.insert(String("\(action)".prefix { $0 != "(" }))
                }
            } catch {
                Issue.record("\(error)")
            }
        }
        // Not a test that cannot fail: every kind of action (27) was performed and undone.
        #expect(undone.value.count == 27, "only \(undone.value.sorted()) were undone")
    }
}
