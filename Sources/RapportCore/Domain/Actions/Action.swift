/// Something a person does: validated against the current state, it becomes
/// the batch of events written as one unit. The command line and the screen
/// both speak in actions.
public enum Action: Sendable {
    case addCustomer(name: String, fields: [CustomerField: JSON])
    case editCustomer(CustomerID, fields: [CustomerField: JSON])
    case addContact(CustomerID, name: String, fields: [ContactField: JSON])
    case editContact(ContactID, fields: [ContactField: JSON])
    case addDeal(CustomerID, title: String, stage: Stage, fields: [DealField: JSON])
    case editDeal(DealID, fields: [DealField: JSON])
    case moveDeal(DealID, to: Stage)
    case closeDeal(DealID, DealOutcome, reason: String?)
    case logInteraction(InteractionDraft, next: FollowUpDraft?)
    case noteMood(CustomerID, Mood, note: String?, at: Timestamp?)
    case addNote(CustomerID, text: String)
    case scheduleFollowUp(FollowUpDraft)
    case completeFollowUp(FollowUpID, report: InteractionDraft?, next: FollowUpDraft?)
    case snoozeFollowUp(FollowUpID, until: Timestamp)
    case cancelFollowUp(FollowUpID, reason: String?)
    case openComplaint(CustomerID, summary: String, deal: DealID?)
    case resolveComplaint(ComplaintID, resolution: String?)
    case recordPurchase(CustomerID, amount: Money, date: Day?, note: String?)
    /// Makes one customer of two: everything of `duplicate` moves to `keep`,
    /// whose empty fields (and phones, e-mails, tags) are filled from it.
    case mergeCustomers(keep: CustomerID, duplicate: CustomerID)
    /// Gives a follow-up to someone to do.
    case assignFollowUp(FollowUpID, owner: String)
    /// Marks a deal won and records the purchase it brings (nil: none).
    case winDeal(DealID, purchase: (amount: Money, date: Day?)?, reason: String?)
}

/// An interaction as entered, before it has an id.
public struct InteractionDraft: Sendable {
    public var customer: CustomerID
    public var kind: InteractionKind = .call
    public var direction: Direction = .outbound
    /// When it happened; nil means now.
    public var at: Timestamp?
    public var durationSeconds: Int32?
    public var outcome: ContactOutcome?
    public var objection: ObjectionType?
    public var technique: ObjectionTechnique?
    public var mood: Mood?
    public var note: String?
    public var deal: DealID?
    public var contact: ContactID?

    public init(customer: CustomerID) { self.customer = customer }
}

/// A follow-up as entered, before it has an id.
public struct FollowUpDraft: Sendable {
    public var customer: CustomerID
    public var due: Timestamp
    public var tactic: FollowUpTactic?
    public var note: String?
    public var deal: DealID?
    /// Who is to do it (nil: whoever schedules it).
    public var owner: String?

    public init(customer: CustomerID, due: Timestamp) {
        self.customer = customer
        self.due = due
    }
}

/// What an action wrote: its events, the entity it created (if any), and a
/// line saying what was done.
public struct ActionOutcome: Sendable {
    public let events: [Event]
    public let created: EntityRef?
    public let summary: String
}
