import RapportCore

/// A grid of cells, each holding one character cluster and a named style.
/// Views render into it; the terminal backend only flushes it; tests read it.
public struct Canvas: Equatable, Sendable {
    /// One cell. A wide character occupies its cell and the next, which holds "" (a continuation).
    public struct Cell: Equatable, Sendable {
        public var text: String
        public var style: Style
        public static let blank = Cell(text: " ", style: .normal)
    }

    public let width: Int, height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a text field being edited), if anywhere.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?, cursorY = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Fills a rectangle with blanks in a style.
    public mutating func fill(_ r: Rect, style: Style = .normal, with text: String = " ") {
        for y in max(0, r.y)..<min(height, r.maxY) {
            for x in max(0, r.x)..<min(width, r.maxX) { set(x, y, Cell(text: text, style: style)) }
        }
    }

    /// Writes `text` from (x, y), clipped to `limit` cells (and to the canvas). A wide
    /// character that would not fit whole is left out; truncated text ends in "…"
    /// when `ellipsis` is set. Control characters show as visible stand-ins
    /// (`␛`), a tab as a space. Reads only as much of `text` as fits. Returns
    /// the number of cells written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, limit: Int? = nil,
                             ellipsis: Bool = true) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let room = min(limit ?? (width - x), width - x)
        guard room > 0 else { return 0 }
        var glyphs: [(text: String, width: Int)] = []
        var used = 0, overflow = false
        outer: for ch in text {
            for glyph in Self.glyphs(of: ch) {
                if used + glyph.width > room {
                    overflow = true
                    break outer
                }
                glyphs.append(glyph)
                used += glyph.width
            }
        }
        if overflow, ellipsis {
            while used + 1 > room, let last = glyphs.popLast() { used -= last.width }
            glyphs.append(("…", 1))
        }
        var col = x
        for glyph in glyphs {
            if col >= 0 {
                set(col, y, Cell(text: glyph.text, style: style))
                if glyph.width == 2 { set(col + 1, y, Cell(text: "", style: style)) }
            }
            col += glyph.width
        }
        return col - x
    }

    /// How one character shows: itself, or the visible stand-in of a control
    /// character (one cell per character of it); nothing for a lone mark.
    private static func glyphs(of ch: Character) -> [(text: String, width: Int)] {
        let w = TextWidth.of(ch)
        if w > 0 { return [(String(ch), w)] }
        guard let scalar = ch.unicodeScalars.first else { return [] }
        if scalar == "\t" { return [(" ", 1)] }
        guard let standIn = TerminalText.standIn(for: scalar) else { return [] }
        return standIn.map { (String($0), 1) }
    }

    /// Changes the style of a rectangle, keeping its text.
    public mutating func restyle(_ r: Rect, _ style: Style) {
        for y in max(0, r.y)..<min(height, r.maxY) {
            for x in max(0, r.x)..<min(width, r.maxX) { cells[y * width + x].style = style }
        }
    }

    /// The text of row `y`, continuation cells left out (what a terminal shows).
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += self[x, y].text }
        return s
    }

    /// Every row as text, trailing blanks removed: the form snapshots compare.
    public var lines: [String] {
        (0..<height).map { y in
            var s = line(y)
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        // Overwriting half of a wide character blanks its other half.
        if cells[i].text.isEmpty, x > 0, cell.text != "" { cells[i - 1].text = " " }
        if x + 1 < width, cells[i + 1].text.isEmpty, TextWidth.of(cells[i].text) == 2, cell.text != "" {
            cells[i + 1].text = " "
        }
        cells[i] = cell
    }

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }
}
