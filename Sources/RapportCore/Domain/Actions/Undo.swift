/// Undo: the compensating events for a batch, checked against what has
/// happened since. Nothing is erased; history shows both.
///
/// Undo never takes back more than the action did, and never silently
/// overrides a later change: when something changed since, or something
/// made since depends on what the action created (a deal for the customer
/// it added), it refuses and says what.
public enum Undo {
    /// Why an action cannot be undone.
    public enum Conflict: Error, Equatable, Sendable {
        /// What the action changed has been changed again since.
        case changedSince(String)
        /// Something made since (and not undone) belongs to what the action created.
        case dependant(of: EntityRef, dependant: EntityRef)
        /// The action can never be taken back (an erasure), and why.
        case irreversible(String)
    }

    /// The events that take back `events` (one action's batch), newest first,
    /// or the conflict that prevents it.
    static func inverse(of events: [Event], in state: CRMState) throws(Conflict) -> [Event] {
        // What the action itself made or completed goes back with it.
        let ownedHere = Set(events.compactMap { e -> EntityRef? in e.as(FollowUpCompleted.self)?.followUp.ref ?? e.createdRef })
        var out: [Event] = []
        for event in events.reversed() {
            if let ref = event.createdRef,
               let dependant = dependants(of: ref, in: state).first(where: { !ownedHere.contains($0) }) {
                throw .dependant(of: ref, dependant: dependant)
            }
            // Each event's own inverse refuses when what it changed has changed since.
            if let e = try event.body.inverse(in: state) { out.append(e) }
        }
        return out
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
                + state.surveys(of: c).map(\.id.ref) + state.products(of: c).map(\.id.ref)
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
        case .product:
            let a = ProductID(ref.number)
            return state.followUps.filter { !$0.withdrawn && $0.status == .done && $0.product == a }.map(\.id.ref)
        case .followUp, .complaint, .purchase, .moodNote, .note, .survey:
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
