/// A deal moved to another stage.
public struct DealMoved: EventBody {
    public static let type = "deal.moved"
    public var deal: DealID
    public var from: Stage, to: Stage
    /// When the deal had entered `from`: undo puts it back (written since issue 9).
    public var was: Timestamp?
    /// When the deal counts as having entered `to`; nil: at this record (an
    /// undo gives the time it had entered it before).
    public var entered: Timestamp?

    public init(_ deal: DealID, from: Stage, to: Stage, was: Timestamp? = nil, entered: Timestamp? = nil) {
        self.deal = deal
        self.from = from
        self.to = to
        self.was = was
        self.entered = entered
    }

    public init(_ p: PayloadReader) throws(InputError) {
        deal = try p.id("id")
        from = try p.term("from")
        to = try p.term("to")
        was = try p.optionalTime("was")
        entered = try p.optionalTime("entered")
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", deal)
        p.put("from", from)
        p.put("to", to)
        p.put("was", was)
        p.put("entered", entered)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.deals, deal)
        state.deals[i].stage = to
        state.deals[i].stageEnteredAt = entered ?? r.time
        if entered == nil {
            state.deals[i].path.append(StageVisit(to, at: r.time))
        } else if state.deals[i].path.last?.stage == from, state.deals[i].path.count > 1 {
            state.deals[i].path.removeLast()   // an undone move never happened
        }
        // A move back is what the coach should hear of; moving on again settles it.
        state.deals[i].movedBackAt = to < from && entered == nil ? r.time : to > from ? nil : state.deals[i].movedBackAt
        return state.deals[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let d = state.deal(deal), d.stage == to, d.outcome == nil else { throw .changedSince(say("log.thing.stage", deal)) }
        return Event(DealMoved(deal, from: to, to: from, entered: was))
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.deal.moved", deal, state.deal(deal)?.title ?? "", from.word, to.word)
    }

    public var target: EntityRef? { deal.ref }
}

extension Event {
    public static func dealMoved(_ id: DealID, from: Stage, to: Stage, was: Timestamp? = nil) -> Event {
        Event(DealMoved(id, from: from, to: to, was: was))
    }
}
