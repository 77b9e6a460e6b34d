/// One field of a deal changed; the old value travels beside the new.
public struct DealChanged: EventBody {
    public static let type = "deal.changed"
    public var deal: DealID
    public var change: FieldChange<DealField>

    public init(_ deal: DealID, _ change: FieldChange<DealField>) {
        self.deal = deal
        self.change = change
    }

    public init(_ p: PayloadReader) throws(InputError) {
        deal = try p.id("id")
        change = try p.change()
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", deal)
        p.put("field", change.field.rawValue)
        p.keep("from", change.from)
        p.keep("to", change.to)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.deals, deal)
        try change.field.set(change.to, on: &state.deals[i])
        return state.deals[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let d = state.deal(deal), change.field.value(of: d) == change.to else {
            throw .changedSince("\(deal) \(change.field.rawValue)")
        }
        return .dealChanged(deal, change.reversed)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        "changed \(change.field.rawValue) of \(deal) \(state.deal(deal)?.title ?? ""): "
            + "\(Describe.value(change.from)) → \(Describe.value(change.to))"
    }

    public var target: EntityRef? { deal.ref }
}

extension Event {
    public static func dealChanged(_ id: DealID, _ change: FieldChange<DealField>) -> Event { Event(DealChanged(id, change)) }
}
