/// A closed deal opened again (the undo of closing it).
public struct DealReopened: EventBody {
    public static let type = "deal.reopened"
    public var deal: DealID
    /// How it had been closed, and why.
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
        state.deals[i].outcome = nil
        state.deals[i].closeReason = nil
        state.deals[i].closedAt = nil
        return state.deals[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let d = state.deal(deal), d.outcome == nil else { throw .changedSince("\(deal)") }
        return .dealClosed(deal, outcome, reason: reason)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.deal.reopened", deal, state.deal(deal)?.title ?? "", Describe.code(outcome))
    }

    public var target: EntityRef? { deal.ref }
}

extension Event {
    public static func dealReopened(_ id: DealID, _ outcome: DealOutcome, reason: String?) -> Event {
        Event(DealReopened(id, outcome, reason: reason))
    }
}
