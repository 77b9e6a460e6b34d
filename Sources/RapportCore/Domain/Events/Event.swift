/// Everything that can happen, as recorded in the log. Each record carries one
/// event; a user action writes a batch of them. Changes carry the old value
/// beside the new, so that undo and history never need to look back.
public enum Event: Equatable, Sendable {
    case customerCreated(Customer)
    case customerChanged(CustomerID, FieldChange<CustomerField>)
    case contactAdded(Contact)
    case contactChanged(ContactID, FieldChange<ContactField>)
    case dealCreated(Deal)
    case dealChanged(DealID, FieldChange<DealField>)
    case dealMoved(DealID, from: Stage, to: Stage)
    case dealClosed(DealID, DealOutcome, reason: String?)
    case dealReopened(DealID, DealOutcome, reason: String?)
    case interactionLogged(Interaction)
    case moodNoted(MoodNote)
    case noteAdded(Note)
    case followUpScheduled(FollowUp)
    case followUpCompleted(FollowUpID, outcome: ContactOutcome?, interaction: InteractionID?)
    case followUpSnoozed(FollowUpID, from: Timestamp, to: Timestamp)
    case followUpCancelled(FollowUpID, reason: String?)
    case followUpReopened(FollowUpID, was: FollowUpStatus, outcome: ContactOutcome?, reason: String?)
    case complaintOpened(Complaint)
    case complaintResolved(ComplaintID, resolution: String?)
    case complaintReopened(ComplaintID, resolution: String?)
    case purchaseRecorded(Purchase)
    /// An entity taken back (the undo of its creation); it stays in history.
    case withdrawn(EntityRef)
    case restored(EntityRef)
    /// Marks a batch as undone; the compensating events follow in the same batch.
    case undone(batch: RecordID)

    /// The entity this event creates, if it creates one.
    public var createdRef: EntityRef? {
        switch self {
        case .customerCreated(let c): c.id.ref
        case .contactAdded(let p): p.id.ref
        case .dealCreated(let d): d.id.ref
        case .interactionLogged(let x): x.id.ref
        case .moodNoted(let m): m.id.ref
        case .noteAdded(let n): n.id.ref
        case .followUpScheduled(let f): f.id.ref
        case .complaintOpened(let k): k.id.ref
        case .purchaseRecorded(let b): b.id.ref
        default: nil
        }
    }

    /// The record type written to the log.
    public var type: EventType {
        switch self {
        case .customerCreated: .customerCreated
        case .customerChanged: .customerChanged
        case .contactAdded: .contactAdded
        case .contactChanged: .contactChanged
        case .dealCreated: .dealCreated
        case .dealChanged: .dealChanged
        case .dealMoved: .dealMoved
        case .dealClosed: .dealClosed
        case .dealReopened: .dealReopened
        case .interactionLogged: .interactionLogged
        case .moodNoted: .moodNoted
        case .noteAdded: .noteAdded
        case .followUpScheduled: .followUpScheduled
        case .followUpCompleted: .followUpCompleted
        case .followUpSnoozed: .followUpSnoozed
        case .followUpCancelled: .followUpCancelled
        case .followUpReopened: .followUpReopened
        case .complaintOpened: .complaintOpened
        case .complaintResolved: .complaintResolved
        case .complaintReopened: .complaintReopened
        case .purchaseRecorded: .purchaseRecorded
        case .withdrawn: .withdrawn
        case .restored: .restored
        case .undone: .undone
        }
    }
}

/// The type names of events in the log, with their current schema versions.
public enum EventType: String, CaseIterable, Sendable {
    case customerCreated = "customer.created", customerChanged = "customer.changed"
    case contactAdded = "contact.added", contactChanged = "contact.changed"
    case dealCreated = "deal.created", dealChanged = "deal.changed", dealMoved = "deal.moved"
    case dealClosed = "deal.closed", dealReopened = "deal.reopened"
    case interactionLogged = "interaction.logged", moodNoted = "mood.noted", noteAdded = "note.added"
    case followUpScheduled = "followup.scheduled", followUpCompleted = "followup.completed"
    case followUpSnoozed = "followup.snoozed", followUpCancelled = "followup.cancelled"
    case followUpReopened = "followup.reopened"
    case complaintOpened = "complaint.opened", complaintResolved = "complaint.resolved"
    case complaintReopened = "complaint.reopened"
    case purchaseRecorded = "purchase.recorded"
    case withdrawn = "entity.withdrawn", restored = "entity.restored", undone = "action.undone"

    /// The schema version this build writes. Raise it with an upgrade step
    /// in `EventType.upgrades` whenever a payload's shape changes.
    public var currentVersion: Int { 1 }

    /// The one place where older payloads are brought up to date.
    public static let upgrades = SchemaUpgrades(
        current: Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.currentVersion) }),
        steps: [])
}

/// A field's value before and after a change, as JSON.
public struct FieldChange<Field: Hashable & Sendable>: Equatable, Sendable {
    public var field: Field
    public var from: JSON
    public var to: JSON

    public init(_ field: Field, from: JSON, to: JSON) {
        self.field = field
        self.from = from
        self.to = to
    }

    /// The change the other way round.
    public var reversed: FieldChange { FieldChange(field, from: to, to: from) }
}
