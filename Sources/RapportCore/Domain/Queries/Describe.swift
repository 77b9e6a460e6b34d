/// Events in words, for the timeline ("who changed what, when") and for
/// undo's message: each event describes itself; these are the pieces they share.
public enum Describe {
    /// One line for `event`, naming things as `state` knows them.
    public static func event(_ e: Event, in state: CRMState, time: LocalTime? = nil) -> String {
        e.body.describe(in: state, time: time)
    }

    /// A moment in local time when the zone is known, else in UTC.
    public static func when(_ t: Timestamp, _ time: LocalTime?) -> String { time?.format(t) ?? t.description }

    /// An interaction in one line: `call out · reached · objection price (postpone) · mood rising — note`.
    public static func interaction(_ x: Interaction) -> String {
        var parts = ["\(x.kind.word) \(code(x.direction))"]
        if let o = x.outcome { parts.append(o.word) }
        if let o = x.objection { parts.append(aside(say("log.objection", o.word), x.technique?.word)) }
        if let m = x.mood { parts.append(say("log.mood", m.word)) }
        if let d = x.durationSeconds, d > 0 { parts.append(d >= 60 ? say("log.minutes", d / 60) : say("log.seconds", d)) }
        if let s = x.satisfied { parts.append(say(s ? "log.satisfied" : "log.notSatisfied")) }
        return noted(parts.joined(separator: " · "), x.note.map { preview($0) })
    }

    /// `text: detail` (`text` alone without a detail), in the language of the moment.
    public static func detail(_ text: String, _ detail: String?) -> String {
        detail.map { say("log.detail", text, $0) } ?? text
    }

    /// `text (aside)` (`text` alone without one).
    public static func aside(_ text: String, _ aside: String?) -> String {
        aside.map { say("log.aside", text, $0) } ?? text
    }

    /// `text — note` (`text` alone without a note).
    public static func noted(_ text: String, _ note: String?) -> String {
        note.map { say("log.noted", text, $0) } ?? text
    }

    /// Items in a row: `a, b` in English, `a、b` in Chinese.
    public static func list(_ items: [String]) -> String { items.joined(separator: Language.reading == .zh ? "、" : ", ") }

    /// A term as the timeline always gave it in English, by its code (`won`,
    /// `out`, `cancelled`); by its label in another language.
    public static func code<T: Term>(_ term: T) -> String { Language.reading == .en ? term.rawValue : term.word }

    /// A satisfaction score, one decimal: `4.2`.
    public static func score(_ v: Double) -> String { String(Double((v * 10).rounded()) / 10) }

    /// Most characters of a note shown in a one-line description.
    public static let previewCharacters = 500

    /// The start of a note for a one-line description: at most
    /// `characters`, ending in "…" and the full size when cut.
    public static func preview(_ text: String, characters: Int = previewCharacters) -> String {
        var end = text.startIndex
        guard text.formIndex(&end, offsetBy: characters, limitedBy: text.endIndex), end < text.endIndex else { return text }
        return say("log.preview", String(text[..<end]), Format.bytes(Int64(text.utf8.count)))
    }

    /// A field value for people: text as is, lists joined, `—` for none.
    public static func value(_ v: JSON) -> String {
        switch v {
        case .null: "—"
        case .string(let s): s
        case .bool(let b): say(b ? "log.yes" : "log.no")
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .array(let a): a.isEmpty ? "—" : a.map(value).joined(separator: ", ")
        case .object: JSONWriter.string(v)
        }
    }

    /// The name or title of what `ref` names.
    public static func name(_ ref: EntityRef, in state: CRMState) -> String? {
        switch ref.kind {
        case .customer: state.customer(CustomerID(ref.number))?.name
        case .contact: state.contact(ContactID(ref.number))?.name
        case .deal: state.deal(DealID(ref.number))?.title
        case .followUp: state.followUp(FollowUpID(ref.number))?.note
        case .complaint: state.complaint(ComplaintID(ref.number))?.summary
        case .product: state.product(ProductID(ref.number))?.name
        case .interaction, .purchase, .moodNote, .note, .survey: nil
        }
    }
}
