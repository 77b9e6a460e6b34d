/// What a key does: one table drives key handling and the `?` help.
public enum KeyAction: String, CaseIterable, Sendable {
    case quit, help, nextPane, previousPane, funnelPane, dossierPane, moodPane, followUpsPane
    case up, down, left, right, pageUp, pageDown, top, bottom, open, search, command, cancel
    case segments, newCustomer, newDeal, stageForward, stageBack, win, lose
    case logCall, scheduleFollowUp, complete, snooze, moodNote, personality, edit, undo, add, toggleQueue

    /// What the action does, for help.
    public var summary: String {
        switch self {
        case .quit: "quit (everything is already saved)"
        case .help: "help: every key"
        case .nextPane: "next pane"
        case .previousPane: "previous pane"
        case .funnelPane: "funnel board"
        case .dossierPane: "dossier"
        case .moodPane: "personality and mood"
        case .followUpsPane: "follow-up queue"
        case .up: "move up"
        case .down: "move down"
        case .left: "move left (funnel: previous stage)"
        case .right: "move right (funnel: next stage)"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .top: "first item"
        case .bottom: "last item"
        case .open: "open: a deal's customer; a follow-up's reason"
        case .search: "search customers (name, phone, company)"
        case .command: "command line (:theme, :asof, :user)"
        case .cancel: "cancel, close, back"
        case .segments: "the manager's segment views (1–9 or Tab: a view; Enter: what is behind a figure)"
        case .newCustomer: "new customer"
        case .newDeal: "new deal for the customer"
        case .stageForward: "move the deal to the next stage"
        case .stageBack: "move the deal to the previous stage"
        case .win: "mark the deal won"
        case .lose: "mark the deal lost"
        case .logCall: "log a call"
        case .scheduleFollowUp: "schedule a follow-up"
        case .complete: "complete the follow-up"
        case .snooze: "snooze the follow-up"
        case .moodNote: "add a mood note"
        case .personality: "set the personality type"
        case .edit: "edit the customer, a contact, a deal, or resolve a complaint"
        case .undo: "undo my last action (asks first)"
        case .add: "add a contact, deal, follow-up, complaint, purchase, note, survey or product"
        case .toggleQueue: "follow-ups: mine or everyone's"
        }
    }
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
