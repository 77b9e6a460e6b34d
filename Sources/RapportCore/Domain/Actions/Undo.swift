/// Undo: the compensating events for a batch, checked against what has
/// happened since. Nothing is erased; history shows both.
enum Undo {
    /// The events that take back `events` (one action's batch), newest first,
    /// or why they cannot (something changed it since).
    static func inverse(of events: [Event], in state: CRMState) throws(InputError) -> [Event] {
        var out: [Event] = []
        for event in events.reversed() {
            if let e = try inverse(of: event, in: state) { out.append(e) }
        }
        return out
    }

    private static func inverse(of event: Event, in state: CRMState) throws(InputError) -> Event? {
        func changedSince(_ what: String) -> InputError {
            InputError("cannot undo: \(what) has changed since; undo the later change first, or change it back by hand")
        }
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
}

extension CRMState {
    /// The actor's latest action not yet undone, if any.
    func lastAction(of actor: String) -> Batch? {
        actions[actor]?.last { !undone.contains($0.firstRecord) }
    }
}
