/// Finding entities and walking what belongs to a customer.
extension CRMState {
    /// The customer with this id, withdrawn or not.
    public func customer(_ id: CustomerID) -> Customer? { Self.lookup(customers, id) }
    public func contact(_ id: ContactID) -> Contact? { Self.lookup(contacts, id) }
    public func deal(_ id: DealID) -> Deal? { Self.lookup(deals, id) }
    public func interaction(_ id: InteractionID) -> Interaction? { Self.lookup(interactions, id) }
    public func followUp(_ id: FollowUpID) -> FollowUp? { Self.lookup(followUps, id) }
    public func complaint(_ id: ComplaintID) -> Complaint? { Self.lookup(complaints, id) }
    public func purchase(_ id: PurchaseID) -> Purchase? { Self.lookup(purchases, id) }
    public func moodNote(_ id: MoodNoteID) -> MoodNote? { Self.lookup(moodNotes, id) }
    public func note(_ id: NoteID) -> Note? { Self.lookup(notes, id) }
    public func survey(_ id: SurveyID) -> Survey? { Self.lookup(surveys, id) }
    public func product(_ id: ProductID) -> Product? { Self.lookup(products, id) }

    private static func lookup<E>(_ array: ChunkedArray<E>, _ id: ID<E>) -> E? {
        id.number >= 1 && Int(id.number) <= array.count ? array[id.index] : nil
    }

    /// The id a new entity of this kind gets: the next number.
    func nextID<E: Identified>(_: E.Type = E.self) -> ID<E> { ID(Int32(count(of: E.kind) + 1)) }

    private func count(of kind: EntityKind) -> Int {
        switch kind {
        case .customer: customers.count
        case .contact: contacts.count
        case .deal: deals.count
        case .interaction: interactions.count
        case .followUp: followUps.count
        case .complaint: complaints.count
        case .purchase: purchases.count
        case .moodNote: moodNotes.count
        case .note: notes.count
        case .survey: surveys.count
        case .product: products.count
        }
    }

    // MARK: - Liveness: the one rule for "does this exist now?"

    /// Whether the customer exists now: not withdrawn, and not merged into another.
    public func isLive(_ c: Customer) -> Bool { !c.withdrawn && c.mergedInto == nil }

    /// Whether it exists now: neither it nor its customer was withdrawn.
    /// A deal of a withdrawn customer is gone with the customer.
    public func isLive<E: CustomerOwned>(_ e: E) -> Bool {
        !e.withdrawn && isLive(customers[e.customer.index])
    }

    /// The customer with this id, if it exists now.
    public func liveCustomer(_ id: CustomerID) -> Customer? { customer(id).flatMap { isLive($0) ? $0 : nil } }
    public func liveContact(_ id: ContactID) -> Contact? { contact(id).flatMap { isLive($0) ? $0 : nil } }
    public func liveDeal(_ id: DealID) -> Deal? { deal(id).flatMap { isLive($0) ? $0 : nil } }
    public func liveFollowUp(_ id: FollowUpID) -> FollowUp? { followUp(id).flatMap { isLive($0) ? $0 : nil } }
    public func liveComplaint(_ id: ComplaintID) -> Complaint? { complaint(id).flatMap { isLive($0) ? $0 : nil } }

    /// Customers that exist now.
    public var liveCustomers: some Sequence<Customer> { customers.lazy.filter { self.isLive($0) } }
    /// How many customers exist now (counted in place, without copying them).
    public var liveCustomerCount: Int { customers.indices.reduce(0) { n, i in n + (isLive(customers[i]) ? 1 : 0) } }
    /// Deals that exist now, open or closed.
    public var liveDeals: some Sequence<Deal> { deals.lazy.filter { self.isLive($0) } }
    /// Follow-ups that exist now, open or not.
    public var liveFollowUps: some Sequence<FollowUp> { followUps.lazy.filter { self.isLive($0) } }

    // MARK: - A customer's own, newest first, withdrawn ones left out

    public func contacts(of c: Customer) -> [Contact] { Self.walk(contacts, from: c.newestContact, \.older).filter { !$0.withdrawn } }
    public func deals(of c: Customer) -> [Deal] { Self.walk(deals, from: c.newestDeal, \.older).filter { !$0.withdrawn } }
    public func interactions(of c: Customer) -> [Interaction] {
        Self.walk(interactions, from: c.newestInteraction, \.older).filter { !$0.withdrawn }
    }
    public func followUps(of c: Customer) -> [FollowUp] { Self.walk(followUps, from: c.newestFollowUp, \.older).filter { !$0.withdrawn } }
    public func complaints(of c: Customer) -> [Complaint] { Self.walk(complaints, from: c.newestComplaint, \.older).filter { !$0.withdrawn } }
    public func purchases(of c: Customer) -> [Purchase] { Self.walk(purchases, from: c.newestPurchase, \.older).filter { !$0.withdrawn } }
    public func moodNotes(of c: Customer) -> [MoodNote] { Self.walk(moodNotes, from: c.newestMoodNote, \.older).filter { !$0.withdrawn } }
    public func notes(of c: Customer) -> [Note] { Self.walk(notes, from: c.newestNote, \.older).filter { !$0.withdrawn } }
    /// Surveys, latest date first.
    public func surveys(of c: Customer) -> [Survey] {
        Self.walk(surveys, from: c.newestSurvey, \.older).filter { !$0.withdrawn }.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }
    public func products(of c: Customer) -> [Product] { Self.walk(products, from: c.newestProduct, \.older).filter { !$0.withdrawn } }

    static func walk<E>(_ array: ChunkedArray<E>, from newest: Int32, _ older: KeyPath<E, Int32>) -> [E] {
        var out: [E] = []
        var n = newest
        while n > 0 {
            let e = array[Int(n) - 1]
            out.append(e)
            n = e[keyPath: older]
        }
        return out
    }

    /// The customer's coach, if one of its contacts is marked so.
    public func coach(of c: Customer) -> Contact? { contacts(of: c).first(where: \.isCoach) }

    /// The record positions about a customer, newest first (the timeline),
    /// with those of the duplicates merged into it.
    public func timeline(of c: Customer) -> [Int] {
        var out: [Int] = []
        var r = c.newestRecord
        while r >= 0 {
            out.append(Int(r))
            r = records.previous[Int(r)]
        }
        let duplicates = customers.filter { $0.mergedInto == c.id }
        guard !duplicates.isEmpty else { return out }
        for d in duplicates { out += timeline(of: d) }
        return Array(Set(out)).sorted(by: >)
    }

    /// The number of the customer an entity belongs to (a customer's own).
    func customerNumber(of ref: EntityRef) -> Int32? {
        let id = ref.number
        switch ref.kind {
        case .customer: return customer(CustomerID(id))?.id.number
        case .contact: return contact(ContactID(id))?.customer.number
        case .deal: return deal(DealID(id))?.customer.number
        case .interaction: return interaction(InteractionID(id))?.customer.number
        case .followUp: return followUp(FollowUpID(id))?.customer.number
        case .complaint: return complaint(ComplaintID(id))?.customer.number
        case .purchase: return purchase(PurchaseID(id))?.customer.number
        case .moodNote: return moodNote(MoodNoteID(id))?.customer.number
        case .note: return note(NoteID(id))?.customer.number
        case .survey: return survey(SurveyID(id))?.customer.number
        case .product: return product(ProductID(id))?.customer.number
        }
    }

    /// The byte offset of record `index` in the log.
    public func offset(ofRecord index: Int) -> Int64 { records.offsets[index] }

    /// The customer a record concerns, if any.
    public func customer(ofRecord index: Int) -> CustomerID? {
        let n = records.customer[index]
        return n > 0 ? CustomerID(n) : nil
    }
}
