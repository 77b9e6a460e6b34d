/// A free note about a customer.
public struct NoteAdded: EventBody {
    public static let type = "note.added"
    public var note: Note

    public init(_ note: Note) { self.note = note }

    public init(_ p: PayloadReader) throws(InputError) {
        note = Note(id: try p.id("id"), customer: try p.id("customer"), text: try p.text("text"), at: try p.time("at"))
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", note.id); p.put("customer", note.customer); p.put("text", note.text); p.put("at", note.at)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        try state.expectNext(note.id, state.notes.count)
        let c = try state.existing(state.customers, note.customer)
        var n = note
        n.older = state.customers[c].newestNote
        state.customers[c].newestNote = n.id.number
        state.notes.append(n)
        return n.customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? { .withdrawn(note.id.ref) }

    public func describe(in state: CRMState, time: LocalTime?) -> String { say("log.note", Describe.preview(note.text)) }

    public var created: EntityRef? { note.id.ref }
}

extension Event {
    public static func noteAdded(_ n: Note) -> Event { Event(NoteAdded(n)) }
}
