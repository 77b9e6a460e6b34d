import RapportCore

/// What the screen shows, computed once per change of the log (or the clock,
/// or the as-of moment) so that key presses only read it.
public struct ScreenData: Sendable {
    public let state: CRMState
    /// The moment shown: now, or the as-of moment.
    public let time: LocalTime
    /// The real now, whatever moment is shown.
    public let now: LocalTime
    /// The moment shown when looking at the past; nil for now.
    public let asOf: Timestamp?
    public let funnel: FunnelReport
    public let queue: FollowUpQueue
    /// Whose follow-ups the queue holds (nil: everyone's).
    public let queueOwner: String?
    public let customerCount: Int
    public let openDeals: Int

    public init(state: CRMState, now: LocalTime, asOf: Timestamp? = nil, queueOwner: String? = nil) {
        self.queueOwner = queueOwner
        self.state = state
        self.now = now
        var time = now
        if let asOf { time.now = asOf }
        self.time = time
        self.asOf = asOf
        funnel = FunnelReport(state, at: time)
        queue = FollowUpQueue(state, at: time, owner: queueOwner)
        customerCount = state.liveCustomerCount
        openDeals = funnel.columns.reduce(0) { $0 + $1.count }
    }

    /// The customer with this id, unless withdrawn or not yet created at this moment.
    public func customer(_ id: CustomerID) -> Customer? {
        state.liveCustomer(id)
    }
}
