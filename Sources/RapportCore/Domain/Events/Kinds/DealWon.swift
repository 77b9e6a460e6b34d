/// A deal won: the customer committed to buy, and the deal moves on to
/// follow-through (delivery, installation, problems in use) until that is
/// marked complete. `deal.unwon` is its undo. Before this kind existed a win
/// was `deal.closed` with outcome won, and such deals stay done as they were.
public struct DealWon: EventBody {
    public static let type = "deal.won"
    public var deal: DealID
    /// The stage it was won from, and when it had entered it (for undo).
    public var from: Stage
    public var was: Timestamp
    public var reason: String?

    public init(_ deal: DealID, from: Stage, was: Timestamp, reason: String?) {
        self.deal = deal
        self.from = from
        self.was = was
        self.reason = reason
    }

    public init(_ p: PayloadReader) throws(InputError) {
        self.init(try p.id("id"), from: try p.term("from"), was: try p.time("was"), reason: try p.optionalText("reason"))
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", deal); p.put("from", from); p.put("was", was); p.put("reason", reason)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.deals, deal)
        state.deals[i].outcome = .won
        state.deals[i].closeReason = reason
        state.deals[i].closedAt = r.time
        state.deals[i].stage = .followThrough
        state.deals[i].stageEnteredAt = r.time
        state.deals[i].followingThrough = true
        state.deals[i].path.append(StageVisit(.followThrough, at: r.time))
        return state.deals[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let d = state.deal(deal), d.outcome == .won, d.followingThrough else { throw .changedSince("\(deal)") }
        return Event(DealUnwon(deal, to: from, entered: was))
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        Describe.aside(say("log.deal.wonFollow", deal, state.deal(deal)?.title ?? ""), reason.map { Describe.preview($0) })
    }

    public var target: EntityRef? { deal.ref }
}

/// A win taken back: the deal is open again, in the stage it was won from.
public struct DealUnwon: EventBody {
    public static let type = "deal.unwon"
    public var deal: DealID
    public var to: Stage
    public var entered: Timestamp

    public init(_ deal: DealID, to: Stage, entered: Timestamp) {
        self.deal = deal
        self.to = to
        self.entered = entered
    }

    public init(_ p: PayloadReader) throws(InputError) {
        self.init(try p.id("id"), to: try p.term("to"), entered: try p.time("entered"))
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", deal); p.put("to", to); p.put("entered", entered)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.deals, deal)
        state.deals[i].outcome = nil
        state.deals[i].closeReason = nil
        state.deals[i].closedAt = nil
        state.deals[i].stage = to
        state.deals[i].stageEnteredAt = entered
        state.deals[i].followingThrough = false
        if state.deals[i].path.last?.stage == .followThrough { state.deals[i].path.removeLast() }
        return state.deals[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let d = state.deal(deal), d.isOpen, d.stage == to else { throw .changedSince("\(deal)") }
        return Event(DealWon(deal, from: to, was: entered, reason: nil))
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.deal.unwon", deal, state.deal(deal)?.title ?? "", to.word)
    }

    public var target: EntityRef? { deal.ref }
}

extension Event {
    public static func dealWon(_ id: DealID, from: Stage, was: Timestamp, reason: String?) -> Event {
        Event(DealWon(id, from: from, was: was, reason: reason))
    }
}
