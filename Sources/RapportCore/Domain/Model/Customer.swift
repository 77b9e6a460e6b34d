/// A person or an organisation we sell to.
public struct Customer: Identified, Equatable, Sendable {
    public static let kind = EntityKind.customer

    public var id: CustomerID
    /// In any script; Chinese is common.
    public var name: String
    public var kind: CustomerKind = .individual
    public var phones: [String] = []
    public var emails: [String] = []
    public var company: String?
    public var address: String?
    public var size: SizeClass?
    public var valueType: ValueType?
    public var relationship: RelationshipLevel = .ordinary
    public var bonds: [Bond] = []
    /// How the customer was found.
    public var source: ProspectingMethod?
    /// Qualification: need, ability to pay, authority to decide.
    public var hasNeed: Bool?, canPay: Bool?, hasAuthority: Bool?
    public var experience: BuyerExperience?
    public var channel: Channel?
    public var doNotContact = false
    public var doNotShare = false
    /// The rep who looks after the customer.
    public var owner: String?
    public var tags: [String] = []
    public var personality: PersonalityType?
    public var aidmas: AIDMAS?
    /// The signs that an inexperienced buyer is becoming an experienced one.
    public var shiftSigns: [ShiftSign] = []

    // MARK: Value (seed 001) and interaction (seed 002)

    /// What the customer contributes: sales, profit, opportunity.
    public var contributions: [Contribution] = []
    /// The five questions: the value they are most sensitive to, how long the
    /// relationship should last, the share of their wallet we could still win
    /// (percent), whether they recommend us, and their switching barrier.
    public var sensitiveTo: ValueSensitivity?
    public var horizon: Horizon?
    public var walletShare: Int?
    public var recommends: Bool?
    public var switchingBarrier: SwitchingBarrier?
    /// What raises their switching cost.
    public var lockIns: [LockIn] = []
    public var strategy: InteractionStrategy?

    // MARK: Kept up by the fold

    public var createdAt = Timestamp(milliseconds: 0)
    public var withdrawn = false
    /// The customer this one was merged into, as a duplicate.
    public var mergedInto: CustomerID?
    /// When the customer's personal data was erased on request.
    public var erasedAt: Timestamp?
    /// The latest contact in which the customer took part.
    public var lastTwoWayContact: Timestamp?
    /// The latest contact of any kind.
    public var lastContact: Timestamp?
    /// The latest mood observed, and when.
    public var mood: MoodReading?

    // The newest of each related entity; each links to the next older one.
    var newestContact: Int32 = 0, newestDeal: Int32 = 0, newestInteraction: Int32 = 0, newestFollowUp: Int32 = 0
    var newestComplaint: Int32 = 0, newestPurchase: Int32 = 0, newestMoodNote: Int32 = 0, newestNote: Int32 = 0
    var newestSurvey: Int32 = 0, newestProduct: Int32 = 0
    /// The newest record about this customer (a record index), for the timeline.
    var newestRecord: Int32 = -1

    public init(id: CustomerID, name: String) {
        self.id = id
        self.name = name
    }

    /// Qualified prospect (need, means and authority) or potential customer.
    public var qualification: Qualification {
        hasNeed == true && canPay == true && hasAuthority == true ? .qualifiedProspect : .potentialCustomer
    }

    /// What is missing to qualify: `authority`, `need`, `can pay` (unknown or no).
    public var qualificationGaps: [String] {
        [(say("model.gap.need"), hasNeed), (say("model.gap.canPay"), canPay), (say("model.gap.authority"), hasAuthority)].compactMap { $0.1 == true ? nil : $0.0 }
    }

    /// The switching barrier given, else high when something locks them in.
    public var barrier: SwitchingBarrier? { switchingBarrier ?? (lockIns.isEmpty ? nil : .high) }

    /// The customer–value matrix position, once the time horizon and the barrier are known.
    public var matrixPosition: ValueMatrixPosition? {
        guard let horizon, let barrier else { return nil }
        return ValueMatrixPosition(horizon, barrier)
    }

    /// An inexperienced buyer showing the signs of becoming experienced.
    public var isShifting: Bool { experience != .experienced && !shiftSigns.isEmpty }
}

/// Whether a customer has what it takes to buy (DOMAIN.md §1).
public enum Qualification: String, Sendable {
    case qualifiedProspect = "qualified", potentialCustomer = "potential"

    public var labels: (english: String, chinese: String) {
        switch self {
        case .qualifiedProspect: ("qualified prospect", "准客户")   // catalogue: not text (a term: both languages)
        case .potentialCustomer: ("potential customer", "潜在客户")   // catalogue: not text (a term: both languages)
        }
    }
}

/// A mood observed at a moment.
public struct MoodReading: Equatable, Sendable {
    public var mood: Mood
    public var at: Timestamp
}

/// Someone inside an organisation, with a buying role; perhaps our coach.
public struct Contact: CustomerOwned, Equatable, Sendable {
    public static let kind = EntityKind.contact
    public var id: ContactID
    public var customer: CustomerID
    public var name: String
    public var role: BuyingRole?
    public var title: String?
    public var phone: String?
    public var email: String?
    /// Gives us relatively true information, close to the decision (seed 004).
    public var isCoach = false
    /// Which of the coach's four criteria the contact meets.
    public var coachCriteria: [CoachCriterion] = []
    public var withdrawn = false
    var older: Int32 = 0

    public init(id: ContactID, customer: CustomerID, name: String) {
        self.id = id
        self.customer = customer
        self.name = name
    }
}
