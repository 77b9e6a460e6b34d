import RapportCore

/// One choice of a picker: what it stands for, how it shows, and what
/// typing may match (English, Chinese, the stored word).
public struct Choice: Equatable, Sendable {
    /// The stored value: a vocabulary word (`rising`), an id (`p3`), or a code.
    public let value: String
    public let label: String
    let keys: [String]

    public init(value: String, label: String, keys: [String] = []) {
        self.value = value
        self.label = label
        self.keys = ([value, label] + keys).map { $0.lowercased() }
    }

    /// The choices of a closed vocabulary: labelled in Chinese alone when
    /// that is the language of the moment, else in both languages side by
    /// side; typing matches either language (and the stored word) all the same.
    public static func terms<T: Term>(_: T.Type) -> [Choice] {
        let chineseOnly = Language.reading == .zh
        return T.allCases.map {
            Choice(value: $0.rawValue, label: chineseOnly ? $0.chinese : "\($0.english) \($0.chinese)", keys: [$0.english, $0.chinese])
        }
    }
}

/// A closed list to choose from: type to filter (English, Chinese, or the
/// choice's number), ↑ ↓ to move, Enter or Tab to take it.
public struct Picker: Equatable, Sendable {
    public let choices: [Choice]
    /// What has been typed to filter.
    public var filter = LineEditor()
    /// The choice taken, if any.
    public var chosen: Choice?
    /// The highlighted line of `shown`.
    public var highlighted = 0

    public init(_ choices: [Choice], chosen: String? = nil) {
        self.choices = choices
        self.chosen = chosen.flatMap { v in choices.first { $0.value == v } }
    }

    /// The choices that match what was typed: all when nothing was; by
    /// number (`3`), else by a word's start, else anywhere in it.
    public var shown: [Choice] {
        let q = filter.text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !q.isEmpty else { return choices }
        if let n = Int(q), (1...choices.count).contains(n) { return [choices[n - 1]] }
        let starts = choices.filter { $0.keys.contains { $0.hasPrefix(q) } }
        return starts.isEmpty ? choices.filter { $0.keys.contains { $0.contains(q) } } : starts
    }

    /// Handles a key; true when it was one the picker uses. Moving the
    /// highlight chooses; a single match is taken at once (`r` picks
    /// "rising" among the moods); Backspace on nothing typed clears the choice.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up, .down:
            let options = shown
            guard !options.isEmpty else { return true }
            highlighted = key == .up ? max(0, highlighted - 1) : min(options.count - 1, highlighted + 1)
            chosen = options[highlighted]
        case .backspace where filter.text.isEmpty:
            chosen = nil
        default:
            guard filter.edit(key) else { return false }
            highlighted = 0
            if shown.count == 1 { chosen = shown[0] }
        }
        return true
    }

    /// Takes the highlighted match of what was typed, and clears the filter.
    mutating func take() {
        let options = shown
        if !filter.text.isEmpty, options.indices.contains(highlighted) { chosen = options[highlighted] }
        filter.set("")
        highlighted = chosen.flatMap { c in choices.firstIndex(of: c) } ?? 0
    }
}

/// Several choices from a closed list (the coach's criteria, what locks a
/// customer in): ↑ ↓ to move, Space or the choice's number to tick it.
public struct Checklist: Equatable, Sendable {
    public let choices: [Choice]
    /// The values ticked, in the choices' order.
    public private(set) var ticked: [String]
    public var highlighted = 0

    public init(_ choices: [Choice], ticked: [String]) {
        self.choices = choices
        self.ticked = choices.map(\.value).filter(ticked.contains)
    }

    /// Ticks exactly these values.
    mutating func set(_ values: [String]) { ticked = choices.map(\.value).filter(values.contains) }

    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up: highlighted = max(0, highlighted - 1)
        case .down: highlighted = min(choices.count - 1, highlighted + 1)
        case .char(" "): toggle(highlighted)
        case .char(let c):
            guard let n = c.wholeNumberValue, (1...choices.count).contains(n) else { return false }
            highlighted = n - 1
            toggle(n - 1)
        default: return false
        }
        return true
    }

    private mutating func toggle(_ i: Int) {
        let value = choices[i].value
        set(ticked.contains(value) ? ticked.filter { $0 != value } : ticked + [value])
    }
}

/// What a field holds and how it is edited.
public enum FieldKind: Equatable, Sendable {
    /// One line of text.
    case text(LineEditor)
    /// A note: text that may be long.
    case note(LineEditor)
    /// A moment or a day as the command line takes it (`tomorrow 10:00`, `fri`, `+3d`),
    /// resolved as it is typed; `hour` is the time a bare day means.
    case date(LineEditor, hour: Int)
    /// An amount of money.
    case money(LineEditor)
    case picker(Picker)
    /// Yes or no: Space or y/n.
    case toggle(Bool)
    case checklist(Checklist)
}

/// One labelled field of a form.
public struct Field: Equatable, Sendable {
    /// What the field is about, as the core's errors name it (`name`, `due`).
    public let key: String
    public let label: String
    public var kind: FieldKind
    /// Whether saving needs a value.
    public var required = false
    /// What the field held when the form opened (to tell typed text from it).
    private(set) var initial = ""

    public init(_ key: String, _ label: String, _ kind: FieldKind, required: Bool = false) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        initial = text
    }

    /// The text typed, for a text-like field.
    public var text: String {
        switch kind {
        case .text(let e), .note(let e), .money(let e), .date(let e, _): e.text.trimmingCharacters(in: .whitespaces)
        case .picker(let p): p.chosen?.value ?? ""
        case .toggle(let on): on ? "yes" : "no"
        case .checklist(let c): c.ticked.joined(separator: ",")
        }
    }

    /// Whether the person changed it.
    public var isChanged: Bool { text != initial }

    /// Whether it holds nothing.
    public var isEmpty: Bool { text.isEmpty }

    /// Handles a key inside the field; false when the field has no use for it.
    mutating func handle(_ key: Key) -> Bool {
        switch kind {
        case .text(var e):
            defer { kind = .text(e) }
            return e.edit(key)
        case .note(var e):
            defer { kind = .note(e) }
            return e.edit(key)
        case .money(var e):
            defer { kind = .money(e) }
            return e.edit(key)
        case .date(var e, let hour):
            defer { kind = .date(e, hour: hour) }
            return e.edit(key)
        case .picker(var p):
            defer { kind = .picker(p) }
            return p.handle(key)
        case .checklist(var c):
            defer { kind = .checklist(c) }
            return c.handle(key)
        case .toggle(let on):
            switch key {
            case .char(" "): kind = .toggle(!on)
            case .char("y"), .char("Y"): kind = .toggle(true)
            case .char("n"), .char("N"): kind = .toggle(false)
            default: return false
            }
            return true
        }
    }
}
