/// Two records of one customer made one: everything of the duplicate (its
/// contacts, deals, interactions, follow-ups, complaints, purchases, mood
/// notes and notes) moves to the customer kept; the duplicate stays in
/// history, merged, and both timelines read as one under the kept customer.
/// The kept customer's fields are filled from the duplicate's by ordinary
/// `customer.changed` events in the same batch.
///
/// Its inverse, `customer.unmerged` (written only by undo), is in this file
/// too: the two are one change, seen from either side.
public struct CustomerMerged: EventBody {
    public static let type = "customer.merged"
    public var kept: CustomerID
    public var duplicate: CustomerID
    /// What moved, so that undo can move exactly that back.
    public var moved: [EntityRef]

    public init(kept: CustomerID, duplicate: CustomerID, moved: [EntityRef]) {
        self.kept = kept
        self.duplicate = duplicate
        self.moved = moved
    }

    public init(_ p: PayloadReader) throws(InputError) {
        kept = try p.id("kept")
        duplicate = try p.id("duplicate")
        moved = try p.value("moved").stringList("moved").map { s throws(InputError) in
            guard let ref = EntityRef(s) else { throw InputError(say("log.payload.refs", "moved"), field: "moved") }
            return ref
        }
    }

    public func write(to p: inout PayloadWriter) {
        p.put("kept", kept)
        p.put("duplicate", duplicate)
        p.keep("moved", .strings(moved.map(\.description)))
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let k = try state.existing(state.customers, kept), d = try state.existing(state.customers, duplicate)
        guard k != d else { throw InputError(say("log.merge.itself")) }
        state.moveEverything(from: d, to: k)
        state.customers[d].mergedInto = kept
        state.recomputeContact(customer: k)
        state.recomputeContact(customer: d)
        return kept
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let k = state.customer(kept), let d = state.customer(duplicate), d.mergedInto == kept, k.mergedInto == nil,
              moved.allSatisfy({ state.customerNumber(of: $0) == kept.number })
        else { throw .changedSince(say("log.thing.merge", duplicate, kept)) }
        return Event(CustomerUnmerged(kept: kept, duplicate: duplicate, moved: moved))
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        let merged = say("log.merge.done", duplicate, state.customer(duplicate)?.name ?? "", kept, state.customer(kept)?.name ?? "")
        return moved.isEmpty ? merged : say("log.merge.moved", merged, CustomerMerged.count(moved))
    }

    public var target: EntityRef? { kept.ref }

    /// `2 contacts, 1 deal, 5 interactions`.
    static func count(_ refs: [EntityRef]) -> String {
        EntityKind.allCases.compactMap { kind -> String? in
            let n = refs.filter { $0.kind == kind }.count
            return n == 0 ? nil : Language.reading == .en ? "\(n) \(kind.noun)\(n == 1 ? "" : "s")" : say("log.merge.count", n, kind.word)
        }.joined(separator: Language.reading == .en ? ", " : "，")
    }
}

/// A merge taken back: what moved goes back to the duplicate, which is a
/// customer of its own again.
public struct CustomerUnmerged: EventBody {
    public static let type = "customer.unmerged"
    public var kept: CustomerID
    public var duplicate: CustomerID
    public var moved: [EntityRef]

    public init(kept: CustomerID, duplicate: CustomerID, moved: [EntityRef]) {
        self.kept = kept
        self.duplicate = duplicate
        self.moved = moved
    }

    public init(_ p: PayloadReader) throws(InputError) {
        let merged = try CustomerMerged(p)
        self.init(kept: merged.kept, duplicate: merged.duplicate, moved: merged.moved)
    }

    public func write(to p: inout PayloadWriter) {
        CustomerMerged(kept: kept, duplicate: duplicate, moved: moved).write(to: &p)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let k = try state.existing(state.customers, kept), d = try state.existing(state.customers, duplicate)
        guard state.customers[d].mergedInto == kept else { throw InputError(say("log.merge.notMerged", duplicate, kept)) }
        state.move(Set(moved), from: k, to: d)
        state.customers[d].mergedInto = nil
        state.recomputeContact(customer: k)
        state.recomputeContact(customer: d)
        return duplicate
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard state.customer(duplicate)?.mergedInto == nil else { throw .changedSince("\(duplicate)") }
        return Event(CustomerMerged(kept: kept, duplicate: duplicate, moved: moved))
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.merge.undone", duplicate, state.customer(duplicate)?.name ?? "", kept)
    }
}

extension Event {
    public static func customerMerged(kept: CustomerID, duplicate: CustomerID, moved: [EntityRef]) -> Event {
        Event(CustomerMerged(kept: kept, duplicate: duplicate, moved: moved))
    }
}

// MARK: - Moving a customer's own between customers

extension CRMState {
    /// Moves everything of customer `d` (array positions) to `k`.
    mutating func moveEverything(from d: Int, to k: Int) {
        move(nil, from: d, to: k)
    }

    /// Moves the entities in `only` (all when nil) of customer `from` to
    /// `to`, keeping each customer's lists newest first.
    mutating func move(_ only: Set<EntityRef>?, from: Int, to: Int) {
        relink(\.contacts, \.newestContact, only, from, to)
        relink(\.deals, \.newestDeal, only, from, to)
        relink(\.interactions, \.newestInteraction, only, from, to)
        relink(\.followUps, \.newestFollowUp, only, from, to)
        relink(\.complaints, \.newestComplaint, only, from, to)
        relink(\.purchases, \.newestPurchase, only, from, to)
        relink(\.moodNotes, \.newestMoodNote, only, from, to)
        relink(\.notes, \.newestNote, only, from, to)
        relink(\.surveys, \.newestSurvey, only, from, to)
        relink(\.products, \.newestProduct, only, from, to)
    }

    /// One kind's lists: the moving items leave `from`'s list and join
    /// `to`'s; both lists are threaded again, newest (highest number) first.
    private mutating func relink<E: CustomerOwned & Linked>(
        _ items: WritableKeyPath<CRMState, ChunkedArray<E>>, _ newest: WritableKeyPath<Customer, Int32>,
        _ only: Set<EntityRef>?, _ from: Int, _ to: Int
    ) {
        var staying: [Int32] = [], moving: [Int32] = []
        var n = customers[from][keyPath: newest]
        while n > 0 {
            let item = self[keyPath: items][Int(n) - 1]
            if only?.contains(ID<E>(n).ref) ?? true { moving.append(n) } else { staying.append(n) }
            n = item.older
        }
        var target: [Int32] = []
        n = customers[to][keyPath: newest]
        while n > 0 {
            target.append(n)
            n = self[keyPath: items][Int(n) - 1].older
        }
        for m in moving { self[keyPath: items][Int(m) - 1].customer = customers[to].id }
        thread(items, newest, from, staying)
        thread(items, newest, to, (target + moving).sorted(by: >))
    }

    private mutating func thread<E: Linked>(_ items: WritableKeyPath<CRMState, ChunkedArray<E>>, _ newest: WritableKeyPath<Customer, Int32>,
                                            _ customer: Int, _ numbers: [Int32]) {
        customers[customer][keyPath: newest] = numbers.first ?? 0
        for (i, n) in numbers.enumerated() {
            self[keyPath: items][Int(n) - 1].older = i + 1 < numbers.count ? numbers[i + 1] : 0
        }
    }
}

/// An entity on its customer's list of its kind (newest first).
protocol Linked: CustomerOwned {
    var customer: CustomerID { get set }
    var older: Int32 { get set }
}

extension Contact: Linked {}
extension Deal: Linked {}
extension Interaction: Linked {}
extension FollowUp: Linked {}
extension Complaint: Linked {}
extension Purchase: Linked {}
extension MoodNote: Linked {}
extension Note: Linked {}
extension Survey: Linked {}
extension Product: Linked {}
