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
    /// Moves a deal, recording what its new stage records (`DealField.stage`).
    case moveDeal(DealID, to: Stage, content: [DealField: JSON] = [:])
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
    /// Marks a deal won (the commitment to buy), records the purchase it
    /// brings, and starts its follow-through.
    case winDeal(DealID, WinDraft)
    /// Marks a won deal's follow-through complete: the deal is done.
    case completeDeal(DealID, note: String?)
    /// Takes a contact person off the account (they left, say).
    case removeContact(ContactID)
    /// Records a step taken toward resolving a complaint.
    case addComplaintStep(ComplaintID, text: String)
    /// Records whether the customer is satisfied with how a complaint was resolved.
    case confirmComplaint(ComplaintID, satisfied: Bool)
    /// Records a satisfaction survey: 15 ratings of 1 to 5.
    case recordSurvey(CustomerID, ratings: [UInt8], date: Day?, note: String?)
    /// Records a product installed at the customer's, and schedules its first check-up.
    case installProduct(CustomerID, name: String, fields: [ProductField: JSON])
    /// Changes an installed product; taking it out of service cancels its check-ups.
    case editProduct(ProductID, fields: [ProductField: JSON])
    /// Starts a call-back sweep: a follow-up with each customer named, kept
    /// until the customer is recorded as satisfied.
    case startSweep(name: String, customers: [CustomerID], due: Timestamp, note: String?)
    /// Stops a sweep: its open follow-ups are cancelled.
    case stopSweep(name: String)
    /// Records that a customer's personal data was erased (`Erasure` rewrites the log first).
    case eraseCustomer(CustomerID, reason: String, records: Int)
    /// Brings customers in from a file: one batch, undone as a whole.
    case importCustomers(ImportBatch)
}

/// A win as entered: the purchase it brings and the follow-through checks to schedule.
public struct WinDraft: Sendable {
    /// Whether the win records a purchase (`--no-purchase` turns it off).
    public var recordsPurchase = true
    /// The purchase's amount (nil: the deal's value) and date (nil: today).
    public var amount: Money?
    public var date: Day?
    public var reason: String?
    /// Follow-through checks to schedule, with when.
    public var checks: [FollowThroughCheck: Timestamp] = [:]

    public init() {}
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
    /// The customer said they are satisfied, or not (a sweep's call).
    public var satisfied: Bool?
    /// The order's amount, when the outcome is an order.
    public var orderAmount: Money?
    /// What the complaint is about, when the outcome is a complaint (nil: the note).
    public var complaint: String?

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
    /// The installed product it checks, and the sweep it belongs to.
    public var product: ProductID?
    public var sweep: String?

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
    /// What was done but should not have been without a word: a deal moved
    /// past approach for a customer who is not qualified, a stage left
    /// without what it records. Shown beside the summary; nothing is refused.
    public let warnings: [String]
    /// An import's account of each entry (nil for other actions).
    public let importReport: ImportReport?

    public init(events: [Event], created: EntityRef?, summary: String, warnings: [String] = [], importReport: ImportReport? = nil) {
        self.events = events
        self.created = created
        self.summary = summary
        self.warnings = warnings
        self.importReport = importReport
    }
}

/// Ids for the entities one action creates, one after another.
struct NewIDs {
    let state: CRMState
    private var taken: [EntityKind: Int32] = [:]

    init(_ state: CRMState) { self.state = state }

    mutating func next<E: Identified>(_: E.Type = E.self) -> ID<E> {
        let id: ID<E> = state.nextID()
        defer { taken[E.kind, default: 0] += 1 }
        return ID(id.number + taken[E.kind, default: 0])
    }
}
