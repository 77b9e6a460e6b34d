/// Marks a batch (one action) as undone; the compensating events follow in
/// the same batch.
public struct ActionUndone: EventBody {
    public static let type = "action.undone"
    /// The first record of the batch undone.
    public var batch: RecordID

    public init(_ batch: RecordID) { self.batch = batch }

    public init(_ p: PayloadReader) throws(InputError) {
        guard let id = RecordID(try p.text("batch")) else { throw InputError(say("log.payload.recordID", "batch"), field: "batch") }
        batch = id
    }

    public func write(to p: inout PayloadWriter) { p.put("batch", batch.description) }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        guard let mine = state.actions[r.actor],
              let action = mine.last(where: { $0.tag == CRMState.Batch.tag(batch) && !state.undone.contains($0.firstRecord) })
        else {
            throw InputError(say("log.undone.notMine", batch, r.actor))
        }
        state.undone.insert(action.firstRecord)
        return state.customer(ofRecord: Int(action.firstRecord))
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? { nil }

    public func describe(in state: CRMState, time: LocalTime?) -> String { say("log.undone", Describe.when(batch.time, time)) }
}

extension Event {
    public static func undone(batch: RecordID) -> Event { Event(ActionUndone(batch)) }
}
