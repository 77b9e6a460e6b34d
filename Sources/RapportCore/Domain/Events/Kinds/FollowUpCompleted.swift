/// A follow-up done, with how it went and the interaction it recorded.
public struct FollowUpCompleted: EventBody {
    public static let type = "followup.completed"
    public var followUp: FollowUpID
    public var outcome: ContactOutcome?
    public var interaction: InteractionID?

    public init(_ followUp: FollowUpID, outcome: ContactOutcome?, interaction: InteractionID?) {
        self.followUp = followUp
        self.outcome = outcome
        self.interaction = interaction
    }

    public init(_ p: PayloadReader) throws(InputError) {
        self.init(try p.id("id"), outcome: try p.optionalTerm("outcome"), interaction: try p.optionalID("interaction"))
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", followUp); p.put("outcome", outcome); p.put("interaction", interaction)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.followUps, followUp)
        try state.close(followUp: i, as: .done, at: r.time)
        state.followUps[i].outcome = outcome
        state.followUps[i].interaction = interaction
        return state.followUps[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let f = state.followUp(followUp), f.status == .done else { throw .changedSince("\(followUp)") }
        return .followUpReopened(followUp, was: .done, outcome: outcome, reason: nil)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        Describe.aside(say("log.followUp.completed", followUp), outcome?.word)
    }

    public var target: EntityRef? { followUp.ref }
}

extension Event {
    public static func followUpCompleted(_ id: FollowUpID, outcome: ContactOutcome?, interaction: InteractionID?) -> Event {
        Event(FollowUpCompleted(id, outcome: outcome, interaction: interaction))
    }
}
