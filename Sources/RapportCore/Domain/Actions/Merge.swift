/// Merging a duplicate into the customer kept: what moves, and which fields
/// of the kept customer are filled from the duplicate's.
enum Merge {
    static func outcome(keep keepID: CustomerID, duplicate duplicateID: CustomerID, in state: CRMState) throws(InputError) -> ActionOutcome {
        guard keepID != duplicateID else {
            throw InputError(say("actions.merge.itself"), field: "duplicate")
        }
        let keep = try Check.customer(keepID, in: state), duplicate = try Check.customer(duplicateID, in: state)
        var filled = keep
        for field in CustomerField.allCases {
            let mine = field.value(of: keep), theirs = field.value(of: duplicate)
            switch (mine, theirs) {
            case (.array(let a), .array(let b)):   // phones, e-mails, tags, bonds: both
                try? field.set(.array(a + b.filter { !a.contains($0) }), on: &filled)
            case (.null, _):   // an empty field takes the duplicate's value
                try? field.set(theirs, on: &filled)
            default:
                break
            }
        }
        var events = Check.changes(CustomerField.self, from: keep, to: filled).map { Event.customerChanged(keepID, $0) }
        // One coach per account: the duplicate's coach steps down if the kept customer has one.
        if state.coach(of: keep) != nil, let theirs = state.coach(of: duplicate) {
            events.append(.contactChanged(theirs.id, FieldChange(.coach, from: true, to: false)))
        }
        let moved = owned(by: duplicate, in: state)
        events.append(.customerMerged(kept: keepID, duplicate: duplicateID, moved: moved))
        let fields = Check.changes(CustomerField.self, from: keep, to: filled).map { Check.fieldWord($0.field.rawValue) }
        var summary = say("actions.merge.merged", duplicateID, duplicate.name, keepID, keep.name)
        if !moved.isEmpty { summary += say("actions.merge.moved", CustomerMerged.count(moved)) }
        if !fields.isEmpty { summary += say("actions.merge.filled", Describe.list(fields), duplicateID) }
        return ActionOutcome(events: events, created: nil, summary: summary)
    }

    /// Everything on the customer's lists, withdrawn or not, oldest first.
    static func owned(by c: Customer, in state: CRMState) -> [EntityRef] {
        func refs<E: CustomerOwned>(_ items: ChunkedArray<E>, _ newest: Int32, _ older: KeyPath<E, Int32>) -> [EntityRef] {
            CRMState.walk(items, from: newest, older).map(\.id.ref).reversed()
        }
        return refs(state.contacts, c.newestContact, \.older) + refs(state.deals, c.newestDeal, \.older)
            + refs(state.interactions, c.newestInteraction, \.older) + refs(state.followUps, c.newestFollowUp, \.older)
            + refs(state.complaints, c.newestComplaint, \.older) + refs(state.purchases, c.newestPurchase, \.older)
            + refs(state.moodNotes, c.newestMoodNote, \.older) + refs(state.notes, c.newestNote, \.older)
            + refs(state.surveys, c.newestSurvey, \.older) + refs(state.products, c.newestProduct, \.older)
    }
}
