/// Undo: the compensating events for a batch, checked against what has
/// happened since. Nothing is erased; history shows both.
///
/// Undo never takes back more than the action did, and never silently
/// overrides a later change: when something changed since, or something
/// made since depends on what the action created (a deal for the customer
/// it added), it refuses and says what.
enum Undo {
    /// Why an action cannot be undone.
    enum Conflict: Error, Equatable {
        /// What the action changed has been changed again since.
        case changedSince(String)
        /// Something made since (and not undone) belongs to what the action created.
        case dependant(of: EntityRef, dependant: EntityRef)
    }

    /// The events that take back `events` (one action's batch), newest first,
    /// or the conflict that prevents it.
    static func inverse(of events: [Event], in state: CRMState) throws(Conflict) -> [Event] {
        // What the action itself made or completed goes back with it.
        let ownedHere = Set(events.compactMap { e -> EntityRef? in
            if case .followUpCompleted(let id, _, _) = e { return id.ref }
            return e.createdRef
        })
        var out: [Event] = []
        for event in events.reversed() {
            if let ref = event.createdRef {
                try checkUnchanged(event, in: state)
                if let dependant = dependants(of: ref, in: state).first(where: { !ownedHere.contains($0) }) {
                    throw .dependant(of: ref, dependant: dependant)
                }
            }
            if let e = try inverse(of: event, in: state) { out.append(e) }
        }
        return out
    }

    private static func inverse(of event: Event, in state: CRMState) throws(Conflict) -> Event? {
        func changedSince(_ what: String) -> Conflict { .changedSince(what) }
        switch event {
        case .customerCreated(let c): return .withdrawn(c.id.ref)
        case .contactAdded(let p): return .withdrawn(p.id.ref)
        case .dealCreated(let d): return .withdrawn(d.id.ref)
        case .interactionLogged(let x): return .withdrawn(x.id.ref)
        case .moodNoted(let m): return .withdrawn(m.id.ref)
        case .noteAdded(let n): return .withdrawn(n.id.ref)
        case .followUpScheduled(let f): return .withdrawn(f.id.ref)
        case .complaintOpened(let k): return .withdrawn(k.id.ref)
        case .purchaseRecorded(let b): return .withdrawn(b.id.ref)

        case .customerChanged(let id, let change):
            guard let c = state.customer(id), change.field.value(of: c) == change.to else { throw changedSince("\(id) \(change.field.rawValue)") }
            return .customerChanged(id, change.reversed)
        case .contactChanged(let id, let change):
            guard let p = state.contact(id), change.field.value(of: p) == change.to else { throw changedSince("\(id) \(change.field.rawValue)") }
            return .contactChanged(id, change.reversed)
        case .dealChanged(let id, let change):
            guard let d = state.deal(id), change.field.value(of: d) == change.to else { throw changedSince("\(id) \(change.field.rawValue)") }
            return .dealChanged(id, change.reversed)
        case .dealMoved(let id, let from, let to):
            guard let d = state.deal(id), d.stage == to, d.outcome == nil else { throw changedSince("the stage of \(id)") }
            return .dealMoved(id, from: to, to: from)
        case .dealClosed(let id, let outcome, let reason):
            guard let d = state.deal(id), d.outcome == outcome else { throw changedSince("\(id)") }
            return .dealReopened(id, outcome, reason: reason)
        case .dealReopened(let id, let outcome, let reason):
            guard let d = state.deal(id), d.outcome == nil else { throw changedSince("\(id)") }
            return .dealClosed(id, outcome, reason: reason)
        case .followUpCompleted(let id, let outcome, _):
            guard let f = state.followUp(id), f.status == .done else { throw changedSince("\(id)") }
            return .followUpReopened(id, was: .done, outcome: outcome, reason: nil)
        case .followUpSnoozed(let id, let from, let to):
            guard let f = state.followUp(id), f.status == .open, f.due == to else { throw changedSince("the due time of \(id)") }
            return .followUpSnoozed(id, from: to, to: from)
        case .followUpCancelled(let id, let reason):
            guard let f = state.followUp(id), f.status == .cancelled else { throw changedSince("\(id)") }
            return .followUpReopened(id, was: .cancelled, outcome: nil, reason: reason)
        case .followUpReopened(let id, let was, let outcome, let reason):
            guard let f = state.followUp(id), f.status == .open else { throw changedSince("\(id)") }
            return was == .done ? .followUpCompleted(id, outcome: outcome, interaction: nil) : .followUpCancelled(id, reason: reason)
        case .complaintResolved(let id, let resolution):
            guard let k = state.complaint(id), !k.isOpen else { throw changedSince("\(id)") }
            return .complaintReopened(id, resolution: resolution)
        case .complaintReopened(let id, let resolution):
            guard let k = state.complaint(id), k.isOpen else { throw changedSince("\(id)") }
            return .complaintResolved(id, resolution: resolution)
        case .withdrawn(let ref): return .restored(ref)
        case .restored(let ref): return .withdrawn(ref)
        case .undone: return nil
        }
    }

    /// Refuses to take back a creation when what it created was changed
    /// since (edited, moved, completed, snoozed): the later change would go with it.
    private static func checkUnchanged(_ event: Event, in state: CRMState) throws(Conflict) {
        func same<F: EntityField>(_: F.Type, _ a: F.Entity, _ b: F.Entity) -> Bool {
            F.allCases.allSatisfy { $0.value(of: a) == $0.value(of: b) }
        }
        let unchanged: Bool
        switch event {
        case .customerCreated(let c): unchanged = state.customer(c.id).map { same(CustomerField.self, $0, c) } ?? false
        case .contactAdded(let p):
            // Adding another coach later takes the mark off this one: that is a change too.
            unchanged = state.contact(p.id).map { same(ContactField.self, $0, p) } ?? false
        case .dealCreated(let d):
            unchanged = state.deal(d.id).map { same(DealField.self, $0, d) && $0.stage == d.stage && $0.outcome == nil } ?? false
        case .followUpScheduled(let f):
            unchanged = state.followUp(f.id).map { $0.status == .open && $0.due == f.due } ?? false
        case .complaintOpened(let k): unchanged = state.complaint(k.id)?.isOpen ?? false
        default: unchanged = true
        }
        if !unchanged, let ref = event.createdRef { throw .changedSince("\(ref.kind.noun) \(ref)") }
    }

    /// What exists now (not withdrawn) and belongs to or refers to `ref`.
    static func dependants(of ref: EntityRef, in state: CRMState) -> [EntityRef] {
        switch ref.kind {
        case .customer:
            guard let c = state.customer(CustomerID(ref.number)) else { return [] }
            return state.contacts(of: c).map(\.id.ref) + state.deals(of: c).map(\.id.ref)
                + state.interactions(of: c).map(\.id.ref) + state.followUps(of: c).map(\.id.ref)
                + state.complaints(of: c).map(\.id.ref) + state.purchases(of: c).map(\.id.ref)
                + state.moodNotes(of: c).map(\.id.ref) + state.notes(of: c).map(\.id.ref)
        case .deal:
            let d = DealID(ref.number)
            return state.interactions.filter { !$0.withdrawn && $0.deal == d }.map(\.id.ref)
                + state.followUps.filter { !$0.withdrawn && $0.deal == d }.map(\.id.ref)
                + state.complaints.filter { !$0.withdrawn && $0.deal == d }.map(\.id.ref)
        case .contact:
            let p = ContactID(ref.number)
            return state.interactions.filter { !$0.withdrawn && $0.contact == p }.map(\.id.ref)
        case .interaction:
            let x = InteractionID(ref.number)
            return state.followUps.filter { !$0.withdrawn && $0.status == .done && $0.interaction == x }.map(\.id.ref)
        case .followUp, .complaint, .purchase, .moodNote, .note:
            return []
        }
    }
}

extension CRMState {
    /// The actor's latest action not yet undone, if any.
    func lastAction(of actor: String) -> Batch? {
        actions[actor]?.last { !undone.contains($0.firstRecord) }
    }
}

/// An action refused because what it would change was changed since, or is
/// depended on by something made since. Nothing was written.
public struct ConflictError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
