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

    private static func lookup<E>(_ array: [E], _ id: ID<E>) -> E? {
        id.number >= 1 && Int(id.number) <= array.count ? array[id.index] : nil
    }

    /// Customers not withdrawn.
    public var activeCustomers: some Sequence<Customer> { customers.lazy.filter { !$0.withdrawn } }

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

    static func walk<E>(_ array: [E], from newest: Int32, _ older: KeyPath<E, Int32>) -> [E] {
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

    /// The record positions about a customer, newest first (the timeline).
    public func timeline(of c: Customer) -> [Int] {
        var out: [Int] = []
        var r = c.newestRecord
        while r >= 0 {
            out.append(Int(r))
            r = records.previous[Int(r)]
        }
        return out
    }

    /// The byte offset of record `index` in the log.
    public func offset(ofRecord index: Int) -> Int64 { records.offsets[index] }

    /// The customer a record concerns, if any.
    public func customer(ofRecord index: Int) -> CustomerID? {
        let n = records.customer[index]
        return n > 0 ? CustomerID(n) : nil
    }
}
