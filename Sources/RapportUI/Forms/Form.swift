import RapportCore

/// A small overlay of labelled fields: Tab / Shift-Tab (and ↑ ↓ outside a
/// picker) move between them, Enter on the last field or Ctrl-S saves, Esc
/// cancels (asking first when something was typed). What a form saves is an
/// `Action`, checked by the core before anything is written.
public struct Form: Equatable, Sendable {
    public let title: String
    public let purpose: FormPurpose
    public var fields: [Field]
    /// The field being edited.
    public var focus: Int
    /// The core's messages, by field key; `""` for the form as a whole.
    public var errors: [String: String] = [:]
    /// Asking whether to throw away what was typed.
    public var confirmingDiscard = false
    /// Saving was refused because another process changed the record: Ctrl-R reloads.
    public var conflict = false
    /// How many records the log held when the form opened, and the entity
    /// it edits: a change to it written since is refused on save.
    public let openedAt: Int
    public let subject: EntityRef?

    public init(_ title: String, _ purpose: FormPurpose, fields: [Field], openedAt: Int, subject: EntityRef? = nil, focus: String? = nil) {
        self.title = title
        self.purpose = purpose
        self.fields = fields
        self.openedAt = openedAt
        self.subject = subject
        self.focus = focus.flatMap { key in fields.firstIndex { $0.key == key } } ?? 0
    }

    /// The field with this key.
    public func field(_ key: String) -> Field? { fields.first { $0.key == key } }

    /// The text of a field (its chosen value, for a picker).
    public func text(_ key: String) -> String { field(key)?.text ?? "" }

    /// Sets a field's text, as if typed.
    public mutating func set(_ key: String, _ text: String) {
        guard let i = fields.firstIndex(where: { $0.key == key }) else { return }
        switch fields[i].kind {
        case .text(var e): e.set(text); fields[i].kind = .text(e)
        case .note(var e): e.set(text); fields[i].kind = .note(e)
        case .money(var e): e.set(text); fields[i].kind = .money(e)
        case .date(var e, let h): e.set(text); fields[i].kind = .date(e, hour: h)
        case .picker(var p): p.chosen = p.choices.first { $0.value == text }; fields[i].kind = .picker(p)
        case .toggle: fields[i].kind = .toggle(text == "yes")
        case .checklist(var c): c.set(text.split(separator: ",").map(String.init)); fields[i].kind = .checklist(c)
        }
    }

    /// Whether anything was typed or chosen since it opened.
    public var isTouched: Bool { fields.contains(where: \.isChanged) }

    /// What a key asks of the form's owner.
    public enum Outcome: Equatable {
        /// Nothing beyond redrawing it.
        case stay
        /// The focus left a field: check it.
        case left(field: String)
        case save
        case cancel
        /// Reload the record (after a conflict).
        case reload
    }

    /// Handles a key.
    public mutating func handle(_ key: Key) -> Outcome {
        if confirmingDiscard {
            switch key {
            case .char("y"), .char("Y"): return .cancel
            default:
                confirmingDiscard = false
                return .stay
            }
        }
        switch key {
        case .escape:
            if isTouched {
                confirmingDiscard = true
                return .stay
            }
            return .cancel
        case .ctrl("s"): return .save
        case .ctrl("r") where conflict: return .reload
        case .tab: return move(by: 1)
        case .backTab: return move(by: -1)
        case .enter:
            if case .picker(var p) = fields[focus].kind {
                p.take()
                fields[focus].kind = .picker(p)
            }
            return focus == fields.count - 1 ? .save : move(by: 1)
        default:
            if fields[focus].handle(key) {
                errors[fields[focus].key] = nil
                return .stay
            }
            switch key {
            case .up: return move(by: -1)
            case .down: return move(by: 1)
            default: return .stay
            }
        }
    }

    /// Moves the focus, taking a picker's highlighted choice as it leaves.
    private mutating func move(by step: Int) -> Outcome {
        let left = fields[focus].key
        if case .picker(var p) = fields[focus].kind {
            p.take()
            fields[focus].kind = .picker(p)
        }
        focus = (focus + step + fields.count) % fields.count
        if case .picker(var p) = fields[focus].kind {
            p.take()   // highlights what is chosen
            fields[focus].kind = .picker(p)
        }
        return .left(field: left)
    }
}
