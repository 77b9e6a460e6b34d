/// Events in words, for the timeline ("who changed what, when") and for
/// undo's message.
public enum Describe {
    /// One line for `event`, naming things as `state` knows them.
    public static func event(_ e: Event, in state: CRMState, time: LocalTime? = nil) -> String {
        func when(_ t: Timestamp) -> String { time?.format(t) ?? t.description }
        switch e {
        case .customerCreated(let c):
            return "created customer \(c.id) \(c.name) (\(c.kind.english))"
        case .customerChanged(let id, let ch):
            return "changed \(ch.field.rawValue) of \(id): \(value(ch.from)) → \(value(ch.to))"
        case .contactAdded(let p):
            let role = [p.role?.english, p.isCoach ? "coach" : nil].compactMap { $0 }.joined(separator: ", ")
            return "added contact \(p.id) \(p.name)" + (role.isEmpty ? "" : " (\(role))")
        case .contactChanged(let id, let ch):
            return "changed \(ch.field.rawValue) of \(id) \(state.contact(id)?.name ?? ""): \(value(ch.from)) → \(value(ch.to))"
        case .dealCreated(let d):
            return "opened deal \(d.id) \(d.title) (\(d.stage.english)\(d.value.map { ", " + $0.display } ?? ""))"
        case .dealChanged(let id, let ch):
            return "changed \(ch.field.rawValue) of \(id) \(state.deal(id)?.title ?? ""): \(value(ch.from)) → \(value(ch.to))"
        case .dealMoved(let id, let from, let to):
            return "moved \(id) \(state.deal(id)?.title ?? ""): \(from.english) → \(to.english)"
        case .dealClosed(let id, let outcome, let reason):
            return "\(outcome == .won ? "won" : "lost") \(id) \(state.deal(id)?.title ?? "")" + (reason.map { ": \(preview($0))" } ?? "")
        case .dealReopened(let id, let outcome, _):
            return "reopened \(id) \(state.deal(id)?.title ?? "") (was \(outcome.rawValue))"
        case .interactionLogged(let x):
            return interaction(x)
        case .moodNoted(let m):
            return "mood \(m.mood.english)" + (m.note.map { " — \(preview($0))" } ?? "")
        case .noteAdded(let n):
            return "note: \(preview(n.text))"
        case .followUpScheduled(let f):
            return "scheduled \(f.id)\(f.tactic.map { " " + $0.english } ?? "") for \(when(f.due))" + (f.note.map { " — \(preview($0))" } ?? "")
        case .followUpCompleted(let id, let outcome, _):
            return "completed \(id)" + (outcome.map { " (\($0.english))" } ?? "")
        case .followUpSnoozed(let id, let from, let to):
            return "snoozed \(id): \(when(from)) → \(when(to))"
        case .followUpCancelled(let id, let reason):
            return "cancelled \(id)" + (reason.map { ": \(preview($0))" } ?? "")
        case .followUpReopened(let id, let was, _, _):
            return "reopened \(id) (was \(was.rawValue))"
        case .complaintOpened(let k):
            return "complaint \(k.id): \(preview(k.summary))"
        case .complaintResolved(let id, let resolution):
            return "resolved complaint \(id)" + (resolution.map { ": \(preview($0))" } ?? "")
        case .complaintReopened(let id, _):
            return "reopened complaint \(id)"
        case .purchaseRecorded(let b):
            return "purchase \(b.id): \(b.amount.display) on \(b.date)"
        case .withdrawn(let ref):
            return "withdrew \(ref.kind.noun) \(ref)\(name(ref, in: state).map { " " + $0 } ?? "")"
        case .restored(let ref):
            return "restored \(ref.kind.noun) \(ref)\(name(ref, in: state).map { " " + $0 } ?? "")"
        case .undone(let batch):
            return "undid the action of \(when(batch.time))"
        }
    }

    /// An interaction in one line: `call out · reached · objection price (postpone) · mood rising — note`.
    public static func interaction(_ x: Interaction) -> String {
        var parts = ["\(x.kind.english) \(x.direction.rawValue)"]
        if let o = x.outcome { parts.append(o.english) }
        if let o = x.objection { parts.append("objection \(o.english)" + (x.technique.map { " (\($0.english))" } ?? "")) }
        if let m = x.mood { parts.append("mood \(m.english)") }
        if let d = x.durationSeconds, d > 0 { parts.append(d >= 60 ? "\(d / 60) min" : "\(d) s") }
        return parts.joined(separator: " · ") + (x.note.map { " — \(preview($0))" } ?? "")
    }

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
        case .interaction, .purchase, .moodNote, .note: nil
        }
    }
}
