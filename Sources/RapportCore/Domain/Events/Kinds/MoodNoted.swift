/// A customer's mood observed.
public struct MoodNoted: EventBody {
    public static let type = "mood.noted"
    public var note: MoodNote

    public init(_ note: MoodNote) { self.note = note }

    public init(_ p: PayloadReader) throws(InputError) {
        var m = MoodNote(id: try p.id("id"), customer: try p.id("customer"), mood: try p.term("mood"), at: try p.time("at"))
        m.note = try p.optionalText("note")
        note = m
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", note.id); p.put("customer", note.customer); p.put("mood", note.mood); p.put("at", note.at)
        p.put("note", note.note)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        try state.expectNext(note.id, state.moodNotes.count)
        let c = try state.existing(state.customers, note.customer)
        var m = note
        m.older = state.customers[c].newestMoodNote
        state.customers[c].newestMoodNote = m.id.number
        state.moodNotes.append(m)
        state.noteMood(m.mood, at: m.at, customer: c)
        return m.customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? { .withdrawn(note.id.ref) }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        Describe.noted(say("log.mood", note.mood.word), note.note.map { Describe.preview($0) })
    }

    public var created: EntityRef? { note.id.ref }
}

extension Event {
    public static func moodNoted(_ m: MoodNote) -> Event { Event(MoodNoted(m)) }
}
