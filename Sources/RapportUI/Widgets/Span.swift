import RapportCore

/// A piece of text in one style.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .normal) { self.text = text; self.style = style }
}

/// A line made of styled spans.
public typealias StyledLine = [Span]

extension Canvas {
    /// Writes spans one after another from (x, y), within `limit` cells; the
    /// last span that does not fit is truncated with an ellipsis.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, limit: Int) -> Int {
        var used = 0
        for span in line where used < limit {
            used += put(span.text, x: x + used, y: y, style: span.style, limit: limit - used)
        }
        return used
    }

    /// Writes lines into a rectangle from line `offset`, one per row, each
    /// clipped to the width.
    public mutating func put(_ lines: [StyledLine], in r: Rect, offset: Int = 0) {
        for row in 0..<r.height {
            let i = offset + row
            guard i < lines.count else { break }
            put(lines[i], x: r.x, y: r.y + row, limit: r.width)
        }
    }
}

/// Text broken into styled lines of a width; continuation lines start with
/// `indent`. At most `maxLines` lines: the last ends in "…" when text is left.
public func wrapped(_ text: String, width: Int, style: Style = .normal, indent: String = "", maxLines: Int = .max) -> [StyledLine] {
    let room = max(1, width - TextWidth.of(indent))
    var lines = TextWidth.wrap(text, to: room, maxLines: maxLines == .max ? .max : maxLines + 1)
    if lines.count > maxLines {
        lines.removeLast(lines.count - maxLines)
        lines[maxLines - 1] = TextWidth.truncate(lines[maxLines - 1], to: room - 1) + "…"
    }
    return lines.enumerated().map { i, line in [Span(i == 0 ? line : indent + line, style)] }
}
