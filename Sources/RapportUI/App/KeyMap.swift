import RapportCore

/// What a key does: one table drives key handling and the `?` help.
public enum KeyAction: String, CaseIterable, Sendable {
    case quit, help, nextPane, previousPane, funnelPane, dossierPane, moodPane, followUpsPane
    case up, down, left, right, pageUp, pageDown, top, bottom, open, search, command, cancel
    case segments, newCustomer, newDeal, stageForward, stageBack, win, lose
    case logCall, scheduleFollowUp, complete, snooze, moodNote, personality, edit, undo, add, toggleQueue

    /// What the action does, for help, in the catalogue's language.
    public func summary(_ t: Catalogue) -> String { t("key.\(rawValue)") }
}

/// Keys bound to actions, in the order help lists them (DESIGN.md "Keys").
public struct KeyMap: Sendable {
    public let bindings: [(keys: [Key], action: KeyAction)]
    private let byKey: [Key: KeyAction]

    public init(_ bindings: [(keys: [Key], action: KeyAction)]) {
        self.bindings = bindings
        var byKey: [Key: KeyAction] = [:]
        for b in bindings { for k in b.keys where byKey[k] == nil { byKey[k] = b.action } }
        self.byKey = byKey
    }

    public func action(for key: Key) -> KeyAction? { byKey[key] }

    /// The keys of an action, as help shows them.
    public func label(_ action: KeyAction) -> String {
        bindings.first { $0.action == action }?.keys.map(\.label).joined(separator: " ") ?? ""
    }

    public static let standard = KeyMap([
        ([.char("q")], .quit), ([.char("?")], .help),
        ([.tab], .nextPane), ([.backTab], .previousPane),
        ([.char("1")], .funnelPane), ([.char("2")], .dossierPane), ([.char("3")], .moodPane), ([.char("4")], .followUpsPane),
        ([.up, .char("k")], .up), ([.down, .char("j")], .down), ([.left, .char("h")], .left), ([.right, .char("l")], .right),
        ([.pageUp], .pageUp), ([.pageDown, .char(" ")], .pageDown), ([.home, .char("g")], .top), ([.end, .char("G")], .bottom),
        ([.enter], .open), ([.char("/")], .search), ([.char(":")], .command), ([.escape], .cancel),
        ([.char("s")], .segments), ([.char("n")], .newCustomer), ([.char("d")], .newDeal),
        ([.char(">")], .stageForward), ([.char("<")], .stageBack), ([.char("W")], .win), ([.char("L")], .lose),
        ([.char("c")], .logCall), ([.char("f")], .scheduleFollowUp), ([.char("x")], .complete), ([.char("z")], .snooze),
        ([.char("m")], .moodNote), ([.char("p")], .personality), ([.char("e")], .edit), ([.char("u")], .undo),
        ([.char("a")], .add), ([.char("o")], .toggleQueue),
    ])
}
