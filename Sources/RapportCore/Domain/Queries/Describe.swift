// catalogue: not yet moved (issue 16)
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
        var parts = ["\(x.kind.english) \(x.direction.rawValue)"]
        if let o = x.outcome { parts.append(o.english) }
        if let o = x.objection { parts.append("objection \(o.english)" + (x.technique.map { " (\($0.english))" } ?? "")) }
        if let m = x.mood { parts.append("mood \(m.english)") }
        if let d = x.durationSeconds, d > 0 { parts.append(d >= 60 ? "\(d / 60) min" : "\(d) s") }
        if let s = x.satisfied { parts.append(s ? "satisfied" : "not satisfied") }
        return parts.joined(separator: " · ") + (x.note.map { " — \(preview($0))" } ?? "")
    }

    /// A satisfaction score, one decimal: `4.2`.
    public static func score(_ v: Double) -> String { String(Double((v * 10).rounded()) / 10) }

    /// Most characters of a note shown in a one-line description.
    public static let previewCharacters = 500

    /// The start of a note for a one-line description: at most
    /// `characters`, ending in "…" and the full size when cut.
    public static func preview(_ text: String, characters: Int = previewCharacters) -> String {
        var end = text.startIndex
        guard text.formIndex(&end, offsetBy: characters, limitedBy: text.endIndex), end < text.endIndex else { return text }
        return String(text[..<end]) + "… (\(Format.bytes(Int64(text.utf8.count))) in all)"
    }

    /// A field value for people: text as is, lists joined, `—` for none.
    public static func value(_ v: JSON) -> String {
        switch v {
        case .null: "—"
        case .string(let s): s
        case .bool(let b): b ? "yes" : "no"
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
