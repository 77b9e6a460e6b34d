/// A pane's frame: a border with a title (and a summary after it) on the top edge.
public struct Box {
    public var title: String
    public var summary: String = ""
    public var focused = false

    public init(title: String, summary: String = "", focused: Bool = false) {
        self.title = title; self.summary = summary; self.focused = focused
    }

    /// Draws the frame around `r`; returns the area inside.
    @discardableResult
    public func draw(in r: Rect, on canvas: inout Canvas) -> Rect {
        guard r.width >= 2, r.height >= 2 else { return Rect(x: r.x, y: r.y, width: 0, height: 0) }
        let border: Style = focused ? .borderFocused : .border
        let horizontal = String(repeating: "─", count: r.width - 2)
        canvas.put("┌" + horizontal + "┐", x: r.x, y: r.y, style: border, ellipsis: false)
        for y in r.y + 1..<r.maxY - 1 {
            canvas.put("│", x: r.x, y: y, style: border)
            canvas.put("│", x: r.maxX - 1, y: y, style: border)
        }
        canvas.put("└" + horizontal + "┘", x: r.x, y: r.maxY - 1, style: border, ellipsis: false)
        var label: StyledLine = [Span(" \(title) ", focused ? .borderFocused : .title)]
        if !summary.isEmpty { label += [Span("─ ", border), Span("\(summary) ", .title)] }
        canvas.put(label, x: r.x + 2, y: r.y, limit: r.width - 4)
        return r.inner
    }
}
