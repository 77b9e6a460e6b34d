/// A done or cancelled follow-up open again (the undo of closing it).
public struct FollowUpReopened: EventBody {
    public static let type = "followup.reopened"
    public var followUp: FollowUpID
    /// How it had been closed, with what it had recorded.
    public var was: FollowUpStatus
    public var outcome: ContactOutcome?
    public var reason: String?

    public init(_ followUp: FollowUpID, was: FollowUpStatus, outcome: ContactOutcome?, reason: String?) {
        self.followUp = followUp
        self.was = was
        self.outcome = outcome
        self.reason = reason
    }

    public init(_ p: PayloadReader) throws(InputError) {
        self.init(try p.id("id"), was: try p.term("was"), outcome: try p.optionalTerm("outcome"), reason: try p.optionalText("reason"))
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", followUp); p.put("was", was); p.put("outcome", outcome); p.put("reason", reason)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.followUps, followUp)
        guard state.followUps[i].status != .open else { throw InputError(say("log.followUp.alreadyOpen", followUp)) }
        state.followUps[i].status = .open
        state.followUps[i].outcome = nil
        state.followUps[i].interaction = nil
        state.followUps[i].closedAt = nil
        if let d = state.followUps[i].deal, !state.followUps[i].withdrawn { state.deals[d.index].openFollowUps += 1 }
        return state.followUps[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let f = state.followUp(followUp), f.status == .open else { throw .changedSince("\(followUp)") }
        return was == .done ? .followUpCompleted(followUp, outcome: outcome, interaction: nil) : .followUpCancelled(followUp, reason: reason)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String { say("log.followUp.reopened", followUp, Describe.code(was)) }

    public var target: EntityRef? { followUp.ref }
}

extension Event {
    public static func followUpReopened(_ id: FollowUpID, was: FollowUpStatus, outcome: ContactOutcome?, reason: String?) -> Event {
        Event(FollowUpReopened(id, was: was, outcome: outcome, reason: reason))
    }
}
