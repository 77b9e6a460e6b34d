/// A follow-up no longer needed.
public struct FollowUpCancelled: EventBody {
    public static let type = "followup.cancelled"
    public var followUp: FollowUpID
    public var reason: String?

    public init(_ followUp: FollowUpID, reason: String?) {
        self.followUp = followUp
        self.reason = reason
    }

    public init(_ p: PayloadReader) throws(InputError) {
        self.init(try p.id("id"), reason: try p.optionalText("reason"))
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", followUp); p.put("reason", reason)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.followUps, followUp)
        try state.close(followUp: i, as: .cancelled, at: r.time)
        return state.followUps[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let f = state.followUp(followUp), f.status == .cancelled else { throw .changedSince("\(followUp)") }
        return .followUpReopened(followUp, was: .cancelled, outcome: nil, reason: reason)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        Describe.detail(say("log.followUp.cancelled", followUp), reason.map { Describe.preview($0) })
    }

    public var target: EntityRef? { followUp.ref }
}

extension Event {
    public static func followUpCancelled(_ id: FollowUpID, reason: String?) -> Event { Event(FollowUpCancelled(id, reason: reason)) }
}
