/// A won deal's follow-through marked complete: delivered, installed, and
/// problems in use solved; the deal is done. `deal.resumed` is its undo.
public struct DealCompleted: EventBody {
    public static let type = "deal.completed"
    public var deal: DealID
    public var note: String?

    public init(_ deal: DealID, note: String?) {
        self.deal = deal
        self.note = note
    }

    public init(_ p: PayloadReader) throws(InputError) { self.init(try p.id("id"), note: try p.optionalText("note")) }

    public func write(to p: inout PayloadWriter) {
        p.put("id", deal); p.put("note", note)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.deals, deal)
        state.deals[i].followingThrough = false
        state.deals[i].completedAt = r.time
        return state.deals[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let d = state.deal(deal), d.completedAt != nil, !d.followingThrough else { throw .changedSince("\(deal)") }
        return Event(DealResumed(deal))
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        Describe.detail(say("log.deal.completed", deal, state.deal(deal)?.title ?? ""), note.map { Describe.preview($0) })
    }

    public var target: EntityRef? { deal.ref }
}

/// A follow-through taken up again (the undo of completing it).
public struct DealResumed: EventBody {
    public static let type = "deal.resumed"
    public var deal: DealID

    public init(_ deal: DealID) { self.deal = deal }
    public init(_ p: PayloadReader) throws(InputError) { deal = try p.id("id") }
    public func write(to p: inout PayloadWriter) { p.put("id", deal) }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.deals, deal)
        state.deals[i].followingThrough = true
        state.deals[i].completedAt = nil
        return state.deals[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let d = state.deal(deal), d.followingThrough else { throw .changedSince("\(deal)") }
        return Event(DealCompleted(deal, note: nil))
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.deal.resumed", deal, state.deal(deal)?.title ?? "")
    }

    public var target: EntityRef? { deal.ref }
}

extension Event {
    public static func dealCompleted(_ id: DealID, note: String?) -> Event { Event(DealCompleted(id, note: note)) }
}
