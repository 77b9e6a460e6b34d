/// A deal opened for a customer, in a stage.
public struct DealCreated: EventBody {
    public static let type = "deal.created"
    public var deal: Deal

    public init(_ deal: Deal) { self.deal = deal }

    public init(_ p: PayloadReader) throws(InputError) {
        var d = Deal(id: try p.id("id"), customer: try p.id("customer"), title: "")
        d.stage = try p.term("stage")
        try DealField.apply(p.object, to: &d)
        guard !d.title.isEmpty else { throw InputError(say("log.payload.text", "title"), field: "title") }
        deal = d
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", deal.id)
        p.put("customer", deal.customer)
        p.put("stage", deal.stage)
        p.put(fields: DealField.members(of: deal, besides: Deal(id: deal.id, customer: deal.customer, title: "")))
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        try state.expectNext(deal.id, state.deals.count)
        let c = try state.existing(state.customers, deal.customer)
        var d = deal
        d.createdAt = r.time
        d.stageEnteredAt = r.time
        d.path = [StageVisit(d.stage, at: r.time)]
        d.older = state.customers[c].newestDeal
        state.customers[c].newestDeal = d.id.number
        state.deals.append(d)
        return d.customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let now = state.deal(deal.id), DealField.same(now, deal), now.stage == deal.stage, now.outcome == nil else {
            throw .changedSince(say("log.thing.deal", deal.id))
        }
        return .withdrawn(deal.id.ref)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        deal.value.map { say("log.deal.openedWorth", deal.id, deal.title, deal.stage.word, $0.display) }
            ?? say("log.deal.opened", deal.id, deal.title, deal.stage.word)
    }

    public var created: EntityRef? { deal.id.ref }
}

extension Event {
    public static func dealCreated(_ d: Deal) -> Event { Event(DealCreated(d)) }
}
