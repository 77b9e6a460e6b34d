/// Folding events into the state. Applying never throws: a record that does
/// not fit (it names something that does not exist, or an id out of
/// sequence) is kept as an anomaly and changes nothing.
extension CRMState {
    /// Applies the event of one record.
    public mutating func apply(_ event: Event, _ record: RecordInfo) {
        let index = recordCount
        var concerned: Int32 = 0
        do {
            concerned = try applyChecked(event, record, index)
        } catch {
            anomalies.append(Anomaly(record: index, id: record.id, reason: error.description, isUnreadable: false))
        }
        link(record: index, offset: record.offset, customer: concerned)
        if record.batchIndex == 1, event.type != .undone {
            actions[record.actor, default: []].append(
                Batch(firstRecord: Int32(index), count: record.batchCount, tag: Batch.tag(record.id)))
        }
        lastRecordTime = record.time
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

    /// Applies the event; returns the number of the customer it concerns.
    private mutating func applyChecked(_ event: Event, _ r: RecordInfo, _ index: Int) throws(InputError) -> Int32 {
        switch event {
        case .customerCreated(var c):
            try expectNext(c.id, customers.count)
            c.createdAt = r.time
            customers.append(c)
            return c.id.number

        case .customerChanged(let id, let change):
            let i = try existing(customers, id)
            try change.field.set(change.to, on: &customers[i])
            return id.number

        case .contactAdded(var p):
            try expectNext(p.id, contacts.count)
            let c = try existing(customers, p.customer)
            p.older = customers[c].newestContact
            customers[c].newestContact = p.id.number
            contacts.append(p)
            return p.customer.number

        case .contactChanged(let id, let change):
            let i = try existing(contacts, id)
            try change.field.set(change.to, on: &contacts[i])
            return contacts[i].customer.number

        case .dealCreated(var d):
            try expectNext(d.id, deals.count)
            let c = try existing(customers, d.customer)
            d.createdAt = r.time
            d.stageEnteredAt = r.time
            d.older = customers[c].newestDeal
            customers[c].newestDeal = d.id.number
            deals.append(d)
            return d.customer.number

        case .dealChanged(let id, let change):
            let i = try existing(deals, id)
            try change.field.set(change.to, on: &deals[i])
            return deals[i].customer.number

        case .dealMoved(let id, _, let to):
            let i = try existing(deals, id)
            deals[i].stage = to
            deals[i].stageEnteredAt = r.time
            return deals[i].customer.number

        case .dealClosed(let id, let outcome, let reason):
            let i = try existing(deals, id)
            deals[i].outcome = outcome
            deals[i].closeReason = reason
            deals[i].closedAt = r.time
            return deals[i].customer.number

        case .dealReopened(let id, _, _):
            let i = try existing(deals, id)
            deals[i].outcome = nil
            deals[i].closeReason = nil
            deals[i].closedAt = nil
            return deals[i].customer.number

        case .interactionLogged(var x):
            try expectNext(x.id, interactions.count)
            let c = try existing(customers, x.customer)
            if let d = x.deal { _ = try existing(deals, d) }
            if let p = x.contact { _ = try existing(contacts, p) }
            x.older = customers[c].newestInteraction
            customers[c].newestInteraction = x.id.number
            interactions.append(x)
            noteContact(x, customer: c)
            return x.customer.number

        case .moodNoted(var m):
            try expectNext(m.id, moodNotes.count)
            let c = try existing(customers, m.customer)
            m.older = customers[c].newestMoodNote
            customers[c].newestMoodNote = m.id.number
            moodNotes.append(m)
            noteMood(m.mood, at: m.at, customer: c)
            return m.customer.number

        case .noteAdded(var n):
            try expectNext(n.id, notes.count)
            let c = try existing(customers, n.customer)
            n.older = customers[c].newestNote
            customers[c].newestNote = n.id.number
            notes.append(n)
            return n.customer.number

        case .followUpScheduled(var f):
            try expectNext(f.id, followUps.count)
            let c = try existing(customers, f.customer)
            if let d = f.deal { deals[try existing(deals, d)].openFollowUps += 1 }
            f.createdAt = r.time
            f.older = customers[c].newestFollowUp
            customers[c].newestFollowUp = f.id.number
            followUps.append(f)
            return f.customer.number

        case .followUpCompleted(let id, let outcome, let interaction):
            let i = try existing(followUps, id)
            try close(followUp: i, as: .done, at: r.time)
            followUps[i].outcome = outcome
            followUps[i].interaction = interaction
            return followUps[i].customer.number

        case .followUpSnoozed(let id, let from, let to):
            let i = try existing(followUps, id)
            followUps[i].snoozedFrom = followUps[i].snoozedFrom ?? from
            if followUps[i].snoozedFrom == to { followUps[i].snoozedFrom = nil }   // snoozed back to where it was
            followUps[i].due = to
            return followUps[i].customer.number

        case .followUpCancelled(let id, _):
            let i = try existing(followUps, id)
            try close(followUp: i, as: .cancelled, at: r.time)
            return followUps[i].customer.number

        case .followUpReopened(let id, _, _, _):
            let i = try existing(followUps, id)
            guard followUps[i].status != .open else { throw InputError("follow-up \(id) is already open") }
            followUps[i].status = .open
            followUps[i].outcome = nil
            followUps[i].interaction = nil
            followUps[i].closedAt = nil
            if let d = followUps[i].deal, !followUps[i].withdrawn { deals[d.index].openFollowUps += 1 }
            return followUps[i].customer.number

        case .complaintOpened(var k):
            try expectNext(k.id, complaints.count)
            let c = try existing(customers, k.customer)
            k.openedAt = r.time
            k.older = customers[c].newestComplaint
            customers[c].newestComplaint = k.id.number
            complaints.append(k)
            return k.customer.number

        case .complaintResolved(let id, let resolution):
            let i = try existing(complaints, id)
            complaints[i].resolvedAt = r.time
            complaints[i].resolution = resolution
            return complaints[i].customer.number

        case .complaintReopened(let id, _):
            let i = try existing(complaints, id)
            complaints[i].resolvedAt = nil
            complaints[i].resolution = nil
            return complaints[i].customer.number

        case .purchaseRecorded(var b):
            try expectNext(b.id, purchases.count)
            let c = try existing(customers, b.customer)
            b.older = customers[c].newestPurchase
            customers[c].newestPurchase = b.id.number
            purchases.append(b)
            return b.customer.number

        case .withdrawn(let ref):
            return try setWithdrawn(ref, true)

        case .restored(let ref):
            return try setWithdrawn(ref, false)

        case .undone(let batch):
            guard let mine = actions[r.actor],
                  let action = mine.last(where: { $0.tag == Batch.tag(batch) && !undone.contains($0.firstRecord) })
            else {
                throw InputError("undoes \(batch), which is not an action of \(r.actor)")
            }
            undone.insert(action.firstRecord)
            return records.customer[Int(action.firstRecord)]
        }
    }

    // MARK: - Helpers

    private func expectNext<E>(_ id: ID<E>, _ count: Int) throws(InputError) {
        guard Int(id.number) == count + 1 else {
            throw InputError("\(E.kind.noun) id \(id) out of sequence (expected \(E.kind.rawValue)\(count + 1))")
        }
    }

    private func existing<E>(_ array: [E], _ id: ID<E>) throws(InputError) -> Int {
        guard id.number >= 1, Int(id.number) <= array.count else { throw InputError("no \(E.kind.noun) \(id)") }
        return id.index
    }

    private mutating func close(followUp i: Int, as status: FollowUpStatus, at time: Timestamp) throws(InputError) {
        guard followUps[i].status == .open else {
            throw InputError("follow-up \(followUps[i].id) is already \(followUps[i].status.rawValue)")
        }
        followUps[i].status = status
        followUps[i].closedAt = time
        if let d = followUps[i].deal, !followUps[i].withdrawn { deals[d.index].openFollowUps -= 1 }
    }

    /// Keeps the customer's latest contact, two-way contact and mood.
    private mutating func noteContact(_ x: Interaction, customer c: Int) {
        if customers[c].lastContact.map({ x.at > $0 }) ?? true { customers[c].lastContact = x.at }
        if x.isTwoWay, customers[c].lastTwoWayContact.map({ x.at > $0 }) ?? true { customers[c].lastTwoWayContact = x.at }
        if let mood = x.mood { noteMood(mood, at: x.at, customer: c) }
    }

    private mutating func noteMood(_ mood: Mood, at: Timestamp, customer c: Int) {
        if customers[c].mood.map({ at >= $0.at }) ?? true { customers[c].mood = MoodReading(mood: mood, at: at) }
    }

    /// Withdraws or restores an entity; returns its customer's number.
    private mutating func setWithdrawn(_ ref: EntityRef, _ value: Bool) throws(InputError) -> Int32 {
        let i = Int(ref.number) - 1
        func check(_ count: Int) throws(InputError) {
            guard ref.number >= 1, i < count else { throw InputError("no \(ref.kind.noun) \(ref)") }
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
        }
    }

    /// Recomputes a customer's latest contacts and mood from scratch.
    private mutating func recomputeContact(customer c: Int) {
        customers[c].lastContact = nil
        customers[c].lastTwoWayContact = nil
        customers[c].mood = nil
        let customer = customers[c]
        for x in interactions(of: customer).reversed() { noteContact(x, customer: c) }
        for m in moodNotes(of: customer).reversed() { noteMood(m.mood, at: m.at, customer: c) }
    }
}
