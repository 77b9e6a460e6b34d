/// A sale in progress or closed.
public struct Deal: CustomerOwned, Equatable, Sendable {
    public static let kind = EntityKind.deal

    public var id: DealID
    public var customer: CustomerID
    public var title: String
    public var value: Money?
    public var stage: Stage = .prospecting
    /// Set by hand; otherwise the stage's default.
    public var probabilityOverride: Int?
    public var expectedClose: Day?
    public var owner: String?
    /// Won or lost, once closed.
    public var outcome: DealOutcome?
    public var closeReason: String?

    // MARK: What each stage records (DOMAIN.md §1)

    /// Preparation: when best to reach them, and the plan for the visit.
    public var contactTime: String?
    public var plan: String?
    /// Approach: the appointment (who, when, where, why) and the method.
    public var appointmentWith: String?
    public var appointmentAt: Timestamp?
    public var appointmentPlace: String?
    public var appointmentPurpose: String?
    public var approach: ApproachMethod?
    /// Presentation: the mode.
    public var presentation: PresentationMode?
    /// Closing: the strategy.
    public var closing: ClosingStrategy?

    // MARK: Kept up by the fold

    public var createdAt = Timestamp(milliseconds: 0)
    public var stageEnteredAt = Timestamp(milliseconds: 0)
    public var closedAt: Timestamp?
    /// Won with the follow-through still under way (delivery, installation,
    /// problems in use); false once it is complete, and for deals won before
    /// follow-through was kept.
    public var followingThrough = false
    /// When the follow-through was marked complete.
    public var completedAt: Timestamp?
    /// When the deal last moved back a stage.
    public var movedBackAt: Timestamp?
    /// The stages it entered, in order, and when (an undone move taken out):
    /// what the conversion and forecast reports learn from.
    public var path: [StageVisit] = []
    public var withdrawn = false
    /// Open follow-ups linked to this deal.
    public var openFollowUps: Int32 = 0
    var older: Int32 = 0

    public init(id: DealID, customer: CustomerID, title: String) {
        self.id = id
        self.customer = customer
        self.title = title
    }

    /// Still being worked: neither closed nor withdrawn.
    public var isOpen: Bool { outcome == nil && !withdrawn }

    /// The chance of closing, in percent: 100 when won, 0 when lost.
    public var probability: Int {
        switch outcome {
        case .won: 100
        case .lost: 0
        case nil: probabilityOverride ?? stage.defaultProbability
        }
    }

    /// Where the deal sits in the funnel.
    public var tier: FunnelTier { FunnelTier(probability: probability) }

    /// The value weighted by the chance of closing, in cents.
    public var weightedCents: Int64 { (value?.cents ?? 0) * Int64(probability) / 100 }

    /// Whole local days since the deal entered its stage.
    public func daysInStage(_ time: LocalTime) -> Int { max(0, time.daysSince(stageEnteredAt)) }

    /// Sat in its stage past the limit with nothing scheduled.
    public func isStale(_ time: LocalTime) -> Bool {
        isOpen && openFollowUps == 0 && daysInStage(time) > stage.staleAfterDays
    }
}

/// A stage a deal entered, and when.
public struct StageVisit: Equatable, Sendable {
    public let stage: Stage
    public let at: Timestamp

    public init(_ stage: Stage, at: Timestamp) {
        self.stage = stage
        self.at = at
    }
}

extension Deal {
    /// The stage the deal was in at `moment` (nil: not created yet).
    public func stage(at moment: Timestamp) -> Stage? { path.last { $0.at <= moment }?.stage }

    /// Whether the deal was open at `moment`: created, and not yet won or lost.
    public func wasOpen(at moment: Timestamp) -> Bool {
        createdAt <= moment && !withdrawn && (closedAt.map { $0 > moment } ?? true)
    }
}
