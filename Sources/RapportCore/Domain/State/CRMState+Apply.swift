/// Folding events into the state. Each event applies itself (its file says
/// how); these are the steps they share. Applying never throws: a record
/// that does not fit (it names something that does not exist, or an id out
/// of sequence) is kept as an anomaly and changes nothing.
extension CRMState {
    /// Applies the event of one record.
    public mutating func apply(_ event: Event, _ record: RecordInfo) {
        let index = recordCount
        var concerned: Int32 = 0
        do {
            concerned = try event.body.apply(to: &self, record)?.number ?? 0
        } catch {
            anomalies.append(Anomaly(record: index, id: record.id, reason: englishReason(event, record, error), isUnreadable: false))
        }
        link(record: index, offset: record.offset, customer: concerned)
        if record.batchIndex == 1, !(event.body is ActionUndone) {
            actions[record.actor, default: []].append(
                Batch(firstRecord: Int32(index), count: record.batchCount, tag: Batch.tag(record.id)))
        }
        lastRecordTime = record.time
    }

    /// Why `event` does not fit, in English whatever the language of the
    /// moment: the reason is kept in checkpoints and shown by `check --json`.
    private func englishReason(_ event: Event, _ record: RecordInfo, _ error: InputError) -> String {
        guard Language.reading != .en else { return error.description }
        var scratch = self   // applying failed before it changed anything, so this copies nothing
        return Language.$override.withValue(.en) {
            do throws(InputError) {
                _ = try event.body.apply(to: &scratch, record)
                return error.description
            } catch {
                return error.description
            }
        }
    }

    /// Notes a record this version cannot read (a newer event type or
    /// version). While there is one, the log is not written to, so no id it
    /// may hold is ever handed out again.
    public mutating func skip(_ record: RecordInfo, reason: String) {
        anomalies.append(Anomaly(record: recordCount, id: record.id, reason: reason, isUnreadable: true))
        unreadableCount += 1
        link(record: recordCount, offset: record.offset, customer: 0)
        lastRecordTime = record.time
    }

    private mutating func link(record index: Int, offset: Int64, customer: Int32) {
        let previous: Int32
        if customer > 0 {
            let c = Int(customer) - 1
            previous = customers[c].newestRecord
            customers[c].newestRecord = Int32(index)
        } else {
            previous = -1
        }
        records.offsets.append(offset)
        records.customer.append(customer)
        records.previous.append(previous)
    }

    // MARK: - Helpers

    func expectNext<E>(_ id: ID<E>, _ count: Int) throws(InputError) {
        guard Int(id.number) == count + 1 else {
            throw InputError("\(E.kind.noun) id \(id) out of sequence (expected \(E.kind.rawValue)\(count + 1))")   // catalogue: not text (an anomaly reason: kept in English)
        }
    }

    func existing<E>(_ array: ChunkedArray<E>, _ id: ID<E>) throws(InputError) -> Int {
        guard id.number >= 1, Int(id.number) <= array.count else { throw InputError("no \(E.kind.noun) \(id)") }   // catalogue: not text (an anomaly reason: kept in English)
        return id.index
    }

    mutating func close(followUp i: Int, as status: FollowUpStatus, at time: Timestamp) throws(InputError) {
        guard followUps[i].status == .open else {
            throw InputError("follow-up \(followUps[i].id) is already \(followUps[i].status.rawValue)")   // catalogue: not text (an anomaly reason: kept in English)
        }
        followUps[i].status = status
        followUps[i].closedAt = time
        if let d = followUps[i].deal, !followUps[i].withdrawn { deals[d.index].openFollowUps -= 1 }
    }

    /// Keeps the customer's latest contact, two-way contact and mood.
    mutating func noteContact(_ x: Interaction, customer c: Int) {
        if customers[c].lastContact.map({ x.at > $0 }) ?? true { customers[c].lastContact = x.at }
        if x.isTwoWay, customers[c].lastTwoWayContact.map({ x.at > $0 }) ?? true { customers[c].lastTwoWayContact = x.at }
        if let mood = x.mood { noteMood(mood, at: x.at, customer: c) }
    }

    mutating func noteMood(_ mood: Mood, at: Timestamp, customer c: Int) {
        if customers[c].mood.map({ at >= $0.at }) ?? true { customers[c].mood = MoodReading(mood: mood, at: at) }
    }

    /// Withdraws or restores an entity; returns its customer's number.
    mutating func setWithdrawn(_ ref: EntityRef, _ value: Bool) throws(InputError) -> Int32 {
        let i = Int(ref.number) - 1
        func check(_ count: Int) throws(InputError) {
            guard ref.number >= 1, i < count else { throw InputError("no \(ref.kind.noun) \(ref)") }   // catalogue: not text (an anomaly reason: kept in English)
        }
        switch ref.kind {
        case .customer:
            try check(customers.count)
            customers[i].withdrawn = value
            return ref.number
        case .contact:
            try check(contacts.count)
            contacts[i].withdrawn = value
            return contacts[i].customer.number
        case .deal:
            try check(deals.count)
            deals[i].withdrawn = value
            return deals[i].customer.number
        case .interaction:
            try check(interactions.count)
            interactions[i].withdrawn = value
            recomputeContact(customer: interactions[i].customer.index)
            return interactions[i].customer.number
        case .followUp:
            try check(followUps.count)
            let f = followUps[i]
            if f.status == .open, f.withdrawn != value, let d = f.deal { deals[d.index].openFollowUps += value ? -1 : 1 }
            followUps[i].withdrawn = value
            return f.customer.number
        case .complaint:
            try check(complaints.count)
            complaints[i].withdrawn = value
            return complaints[i].customer.number
        case .purchase:
            try check(purchases.count)
            purchases[i].withdrawn = value
            return purchases[i].customer.number
        case .moodNote:
            try check(moodNotes.count)
            moodNotes[i].withdrawn = value
            recomputeContact(customer: moodNotes[i].customer.index)
            return moodNotes[i].customer.number
        case .note:
            try check(notes.count)
            notes[i].withdrawn = value
            return notes[i].customer.number
        case .survey:
            try check(surveys.count)
            surveys[i].withdrawn = value
            return surveys[i].customer.number
        case .product:
            try check(products.count)
            products[i].withdrawn = value
            return products[i].customer.number
        }
    }

    /// Recomputes a customer's latest contacts and mood from scratch.
    mutating func recomputeContact(customer c: Int) {
        customers[c].lastContact = nil
        customers[c].lastTwoWayContact = nil
        customers[c].mood = nil
        let customer = customers[c]
        for x in interactions(of: customer).reversed() { noteContact(x, customer: c) }
        for m in moodNotes(of: customer).reversed() { noteMood(m.mood, at: m.at, customer: c) }
    }
}
