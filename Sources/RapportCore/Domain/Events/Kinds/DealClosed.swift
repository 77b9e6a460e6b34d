/// A deal won or lost.
public struct DealClosed: EventBody {
    public static let type = "deal.closed"
    public var deal: DealID
    public var outcome: DealOutcome
    public var reason: String?

    public init(_ deal: DealID, _ outcome: DealOutcome, reason: String?) {
        self.deal = deal
        self.outcome = outcome
        self.reason = reason
    }

    public init(_ p: PayloadReader) throws(InputError) {
        self.init(try p.id("id"), try p.term("outcome"), reason: try p.optionalText("reason"))
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", deal)
        p.put("outcome", outcome)
        p.put("reason", reason)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.deals, deal)
        state.deals[i].outcome = outcome
        state.deals[i].closeReason = reason
        state.deals[i].closedAt = r.time
        return state.deals[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let d = state.deal(deal), d.outcome == outcome else { throw .changedSince("\(deal)") }
        return .dealReopened(deal, outcome, reason: reason)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        Describe.detail(say(outcome == .won ? "log.deal.won" : "log.deal.lost", deal, state.deal(deal)?.title ?? ""), reason.map { Describe.preview($0) })
    }

    public var target: EntityRef? { deal.ref }
}

extension Event {
    public static func dealClosed(_ id: DealID, _ outcome: DealOutcome, reason: String?) -> Event {
        Event(DealClosed(id, outcome, reason: reason))
    }
}
