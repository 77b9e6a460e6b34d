/// The next step with a customer, due at a time.
public struct FollowUpScheduled: EventBody {
    public static let type = "followup.scheduled"
    public var followUp: FollowUp

    public init(_ followUp: FollowUp) { self.followUp = followUp }

    public init(_ p: PayloadReader) throws(InputError) {
        var f = FollowUp(id: try p.id("id"), customer: try p.id("customer"), due: try p.time("due"))
        f.deal = try p.optionalID("deal")
        f.tactic = try p.optionalTerm("tactic")
        f.note = try p.optionalText("note")
        f.owner = try p.optionalText("owner")
        f.product = try p.optionalID("product")
        f.sweep = try p.optionalText("sweep")
        followUp = f
    }

    public func write(to p: inout PayloadWriter) {
        let f = followUp
        p.put("id", f.id); p.put("customer", f.customer); p.put("deal", f.deal); p.put("due", f.due)
        p.put("tactic", f.tactic); p.put("note", f.note); p.put("owner", f.owner); p.put("product", f.product); p.put("sweep", f.sweep)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        try state.expectNext(followUp.id, state.followUps.count)
        let c = try state.existing(state.customers, followUp.customer)
        if let d = followUp.deal { state.deals[try state.existing(state.deals, d)].openFollowUps += 1 }
        if let a = followUp.product { _ = try state.existing(state.products, a) }
        var f = followUp
        f.createdAt = r.time
        f.owner = f.owner ?? r.actor
        f.older = state.customers[c].newestFollowUp
        state.customers[c].newestFollowUp = f.id.number
        state.followUps.append(f)
        return f.customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let now = state.followUp(followUp.id), now.status == .open, now.due == followUp.due else {
            throw .changedSince(say("log.thing.followUp", followUp.id))
        }
        return .withdrawn(followUp.id.ref)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        let f = followUp
        let due = Describe.when(f.due, time)
        return Describe.noted(f.tactic.map { say("log.followUp.scheduledTactic", f.id, $0.word, due) } ?? say("log.followUp.scheduled", f.id, due),
                              f.note.map { Describe.preview($0) })
    }

    public var created: EntityRef? { followUp.id.ref }
}

extension Event {
    public static func followUpScheduled(_ f: FollowUp) -> Event { Event(FollowUpScheduled(f)) }
}
