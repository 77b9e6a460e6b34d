import RapportCore

/// A one-line text being typed (search, the command line, a form's field),
/// with a cursor: ← → Home End move it, Backspace and Delete erase, Ctrl-U
/// clears, Ctrl-A and Ctrl-E go to the start and the end.
public struct LineEditor: Equatable, Sendable {
    public private(set) var text: String
    /// The cursor, in characters from the start.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; false when the key is not one.
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .char(let c) where !c.isNewline:
            text.insert(c, at: index(cursor))
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: index(cursor - 1))
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: index(cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text = ""
            cursor = 0
        default: return false
        }
        return true
    }

    /// Replaces the text, the cursor at its end.
    public mutating func set(_ new: String) {
        text = new
        cursor = new.count
    }

    /// The display cells before the cursor.
    public var cursorCells: Int { TextWidth.of(text.prefix(cursor)) }

    private func index(_ n: Int) -> String.Index { text.index(text.startIndex, offsetBy: n) }
}
