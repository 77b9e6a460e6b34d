/// A key as the UI sees it, whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    /// A letter typed with Ctrl held (Ctrl-S is `.ctrl("s")`).
    case ctrl(Character)

    /// How help names the key.
    public var label: String {
        switch self {
        case .char(" "): "Space"   // catalogue: not text (a key cap; the Chinese help snapshot shows it so)
        case .char(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"   // catalogue: not text (a key cap)
        case .pageDown: "PgDn"   // catalogue: not text (a key cap)
        case .home: "Home"   // catalogue: not text (a key cap)
        case .end: "End"   // catalogue: not text (a key cap)
        case .enter: "Enter"   // catalogue: not text (a key cap)
        case .escape: "Esc"   // catalogue: not text (a key cap)
        case .tab: "Tab"   // catalogue: not text (a key cap)
        case .backTab: "Shift-Tab"   // catalogue: not text (a key cap)
        case .backspace: "Backspace"   // catalogue: not text (a key cap)
        case .delete: "Delete"   // catalogue: not text (a key cap)
        case .function(let n): "F\(n)"
        case .ctrl(let c): "Ctrl-\(c.uppercased())"   // catalogue: not text (a key cap)
        }
    }
}
