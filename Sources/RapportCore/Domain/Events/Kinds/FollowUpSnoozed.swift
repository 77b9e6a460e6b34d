/// A follow-up put off to a later time.
public struct FollowUpSnoozed: EventBody {
    public static let type = "followup.snoozed"
    public var followUp: FollowUpID
    public var from: Timestamp, to: Timestamp

    public init(_ followUp: FollowUpID, from: Timestamp, to: Timestamp) {
        self.followUp = followUp
        self.from = from
        self.to = to
    }

    public init(_ p: PayloadReader) throws(InputError) {
        self.init(try p.id("id"), from: try p.time("from"), to: try p.time("to"))
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", followUp); p.put("from", from); p.put("to", to)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.followUps, followUp)
        state.followUps[i].snoozedFrom = state.followUps[i].snoozedFrom ?? from
        if state.followUps[i].snoozedFrom == to { state.followUps[i].snoozedFrom = nil }   // snoozed back to where it was
        state.followUps[i].due = to
        return state.followUps[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let f = state.followUp(followUp), f.status == .open, f.due == to else { throw .changedSince(say("log.thing.due", followUp)) }
        return .followUpSnoozed(followUp, from: to, to: from)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.followUp.snoozed", followUp, Describe.when(from, time), Describe.when(to, time))
    }

    public var target: EntityRef? { followUp.ref }
}

extension Event {
    public static func followUpSnoozed(_ id: FollowUpID, from: Timestamp, to: Timestamp) -> Event {
        Event(FollowUpSnoozed(id, from: from, to: to))
    }
}
