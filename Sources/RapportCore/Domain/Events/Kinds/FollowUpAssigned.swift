/// A follow-up given to someone else to do.
public struct FollowUpAssigned: EventBody {
    public static let type = "followup.assigned"
    public var followUp: FollowUpID
    public var from: String?, to: String

    public init(_ followUp: FollowUpID, from: String?, to: String) {
        self.followUp = followUp
        self.from = from
        self.to = to
    }

    public init(_ p: PayloadReader) throws(InputError) {
        self.init(try p.id("id"), from: try p.optionalText("from"), to: try p.text("to"))
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", followUp); p.put("from", from); p.put("to", to)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.followUps, followUp)
        state.followUps[i].owner = to
        return state.followUps[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let f = state.followUp(followUp), f.owner == to else { throw .changedSince(say("log.thing.owner", followUp)) }
        guard let from else { return nil }
        return .followUpAssigned(followUp, from: to, to: from)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        from.map { say("log.followUp.reassigned", followUp, to, $0) } ?? say("log.followUp.assigned", followUp, to)
    }

    public var target: EntityRef? { followUp.ref }
}

extension Event {
    public static func followUpAssigned(_ id: FollowUpID, from: String?, to: String) -> Event {
        Event(FollowUpAssigned(id, from: from, to: to))
    }
}
