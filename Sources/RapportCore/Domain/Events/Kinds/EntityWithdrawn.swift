/// An entity taken back (the undo of its creation); it stays in history.
public struct EntityWithdrawn: EventBody {
    public static let type = "entity.withdrawn"
    public var entity: EntityRef

    public init(_ entity: EntityRef) { self.entity = entity }
    public init(_ p: PayloadReader) throws(InputError) { entity = try p.ref("id") }
    public func write(to p: inout PayloadWriter) { p.put("id", entity.description) }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        CustomerID(try state.setWithdrawn(entity, true))
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? { .restored(entity) }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.withdrawn", entity.kind.word, entity, Describe.name(entity, in: state).map { " " + $0 } ?? "")
    }

    public var target: EntityRef? { entity }
}

extension Event {
    public static func withdrawn(_ ref: EntityRef) -> Event { Event(EntityWithdrawn(ref)) }
}
