/// A contact with the customer: a call, visit, meeting, e-mail or message.
public struct Interaction: CustomerOwned, Equatable, Sendable {
    public static let kind = EntityKind.interaction
    public var id: InteractionID
    public var customer: CustomerID
    public var deal: DealID?
    public var contact: ContactID?
    public var kind: InteractionKind = .call
    public var direction: Direction = .outbound
    /// When it happened.
    public var at: Timestamp
    public var durationSeconds: Int32?
    public var outcome: ContactOutcome?
    public var objection: ObjectionType?
    public var technique: ObjectionTechnique?
    public var mood: Mood?
    public var note: String?
    /// The customer said they are satisfied (or not): what a call-back sweep asks.
    public var satisfied: Bool?
    /// Who logged it (the record's actor).
    public var by: String?
    public var withdrawn = false
    var older: Int32 = 0

    public init(id: InteractionID, customer: CustomerID, at: Timestamp) {
        self.id = id
        self.customer = customer
        self.at = at
    }

    /// Whether the customer took part: an inbound contact, a visit or meeting,
    /// or a call or message that reached them.
    public var isTwoWay: Bool {
        if let outcome { return outcome.isTwoWay }
        return direction == .inbound || kind == .visit || kind == .meeting
    }
}

/// The next step with a customer, due at a time.
public struct FollowUp: CustomerOwned, Equatable, Sendable {
    public static let kind = EntityKind.followUp
    public var id: FollowUpID
    public var customer: CustomerID
    public var deal: DealID?
    public var due: Timestamp
    public var tactic: FollowUpTactic?
    public var note: String?
    /// Who is to do it: whoever it was given to, else whoever scheduled it.
    public var owner: String?
    /// The installed product it is a check-up of.
    public var product: ProductID?
    /// The call-back sweep it belongs to.
    public var sweep: String?
    public var status: FollowUpStatus = .open
    /// When snoozed, the due time it had before the first snooze.
    public var snoozedFrom: Timestamp?
    /// How it went, when done.
    public var outcome: ContactOutcome?
    /// The interaction recorded on completion.
    public var interaction: InteractionID?
    public var closedAt: Timestamp?
    public var createdAt = Timestamp(milliseconds: 0)
    public var withdrawn = false
    var older: Int32 = 0

    public init(id: FollowUpID, customer: CustomerID, due: Timestamp) {
        self.id = id
        self.customer = customer
        self.due = due
    }

    /// Open and not withdrawn.
    public var isOpen: Bool { status == .open && !withdrawn }
}

/// A complaint, open until resolved.
public struct Complaint: CustomerOwned, Equatable, Sendable {
    public static let kind = EntityKind.complaint
    public var id: ComplaintID
    public var customer: CustomerID
    public var deal: DealID?
    public var summary: String
    public var openedAt = Timestamp(milliseconds: 0)
    public var resolvedAt: Timestamp?
    public var resolution: String?
    /// What was done toward resolving it, oldest first.
    public var steps: [ComplaintStep] = []
    /// Whether the customer confirmed they are satisfied with the resolution.
    public var satisfied: Bool?
    public var withdrawn = false
    var older: Int32 = 0

    public init(id: ComplaintID, customer: CustomerID, summary: String) {
        self.id = id
        self.customer = customer
        self.summary = summary
    }

    /// Not yet resolved (and not withdrawn).
    public var isOpen: Bool { resolvedAt == nil && !withdrawn }

    /// Resolved, but the customer has not yet said they are satisfied.
    public var awaitsConfirmation: Bool { resolvedAt != nil && satisfied != true && !withdrawn }
}

/// One step taken toward resolving a complaint.
public struct ComplaintStep: Equatable, Sendable {
    public var day: Day
    public var text: String

    public init(day: Day, text: String) {
        self.day = day
        self.text = text
    }
}

/// Something the customer bought: for frequency and amount.
public struct Purchase: CustomerOwned, Equatable, Sendable {
    public static let kind = EntityKind.purchase
    public var id: PurchaseID
    public var customer: CustomerID
    public var amount: Money
    public var date: Day
    public var note: String?
    public var withdrawn = false
    var older: Int32 = 0

    public init(id: PurchaseID, customer: CustomerID, amount: Money, date: Day) {
        self.id = id
        self.customer = customer
        self.amount = amount
        self.date = date
    }
}

/// A mood observed, with a note.
public struct MoodNote: CustomerOwned, Equatable, Sendable {
    public static let kind = EntityKind.moodNote
    public var id: MoodNoteID
    public var customer: CustomerID
    public var mood: Mood
    public var note: String?
    public var at: Timestamp
    public var withdrawn = false
    var older: Int32 = 0

    public init(id: MoodNoteID, customer: CustomerID, mood: Mood, at: Timestamp) {
        self.id = id
        self.customer = customer
        self.mood = mood
        self.at = at
    }
}

/// A free note about a customer.
public struct Note: CustomerOwned, Equatable, Sendable {
    public static let kind = EntityKind.note
    public var id: NoteID
    public var customer: CustomerID
    public var text: String
    public var at: Timestamp
    public var withdrawn = false
    var older: Int32 = 0

    public init(id: NoteID, customer: CustomerID, text: String, at: Timestamp) {
        self.id = id
        self.customer = customer
        self.text = text
        self.at = at
    }
}
