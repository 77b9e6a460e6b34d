import RapportCore

/// What covers the panes for a moment: help, search, and the command line.
enum Overlays {
    /// A centred frame of at most `width` × `height`, cleared.
    static func frame(_ title: String, width: Int, height: Int, on canvas: inout Canvas, summary: String = "") -> Rect {
        let w = min(width, canvas.width - 4), h = min(height, canvas.height - 3)
        let r = Rect(x: (canvas.width - w) / 2, y: max(0, (canvas.height - 1 - h) / 2), width: w, height: h)
        canvas.fill(r)
        return Box(title: title, summary: summary, focused: true).draw(in: r, on: &canvas)
    }

    static func help(_ s: AppState, on canvas: inout Canvas) {
        let lines = helpLines(s.keyMap, s.text)
        let inner = frame(s.text("help.title"), width: 96, height: lines.count + 2, on: &canvas, summary: s.text("help.summary"))
        canvas.put(lines, in: inner, offset: DossierPane.clamped(s.helpScroll, lines: lines.count, rows: inner.height))
    }

    static func helpLines(_ map: KeyMap, _ t: Catalogue) -> [StyledLine] {
        let groups: [(String, [KeyAction])] = [
            (t("help.everywhere"), [.quit, .help, .nextPane, .previousPane, .funnelPane, .dossierPane, .moodPane, .followUpsPane,
                            .search, .command, .cancel]),
            (t("help.moving"), [.up, .down, .left, .right, .pageUp, .pageDown, .top, .bottom, .open]),
            (t("help.acting"),
             [.newCustomer, .newDeal, .stageForward, .stageBack, .win, .lose, .logCall, .scheduleFollowUp, .complete, .snooze,
              .moodNote, .personality, .edit, .add, .undo, .toggleQueue]),
            (t("help.manager"), [.segments]),
        ]
        var out: [StyledLine] = []
        for (title, actions) in groups {
            if !out.isEmpty { out.append([]) }
            out.append([Span(title, .header)])
            for a in actions {
                out.append([Span("  " + TextWidth.pad(map.label(a), to: 14), .key), Span(a.summary(t))])
            }
        }
        out.append([])
        out.append([Span(t("help.marks"), .header)])
        out.append([Span("  " + t("funnel.legend"))])
        out.append([])
        out.append([Span(t("help.commands"), .header)])
        for (c, key) in [(":theme NAME", "theme"), (":asof DATE", "asof"), (":asof now", "asofNow"), (":user NAME", "user"),
                         (":lang zh|en", "lang"), (":import FILE", "import"), (":export", "export"), (":quit", "quit")] {
            let what = t("help.command.\(key)")
            out.append([Span("  " + TextWidth.pad(c, to: 14), .key), Span(what)])
        }
        return out
    }

    static func search(_ s: AppState, _ search: SearchState, on canvas: inout Canvas) {
        let rows = min(AppState.searchLimit, max(3, canvas.height - 10))
        let inner = frame(s.text("search.title"), width: 90, height: rows + 4, on: &canvas, summary: s.text("search.summary"))
        guard !inner.isEmpty else { return }
        canvas.put([Span("/ ", .key), Span(search.query.text)], x: inner.x, y: inner.y, limit: inner.width)
        canvas.cursor = (inner.x + 2 + search.query.cursorCells, inner.y)
        canvas.put(String(repeating: "─", count: inner.width), x: inner.x, y: inner.y + 1, style: .border, ellipsis: false)
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        if search.hits.isEmpty, search.offer == nil || s.searchIndex == nil {
            let hint = s.text(s.searchIndex == nil ? "search.building" : "search.hint")
            canvas.put(hint, x: list.x + 1, y: list.y, style: .dim, limit: list.width - 1)
            return
        }
        // The hits, then the offer of a new customer as the last line.
        let count = search.hits.count + (search.offer == nil ? 0 : 1)
        let offset = Scroll.offset(search.selected, rows: list.height)
        for row in 0..<list.height {
            let n = offset + row
            guard n < count else { break }
            let style: Style = n == search.selected ? .selection : .normal
            canvas.fill(list.row(row), style: style)
            guard n < search.hits.count, let c = s.data.customer(search.hits[n]) else {
                let offer = search.offer.map { $0.phone.isEmpty ? s.text("search.newNamed", $0.name) : s.text("search.newNumber", $0.phone) } ?? ""
                canvas.put((search.hits.isEmpty ? s.text("search.none") + " · " : "") + offer + "  " + s.text("search.enter"), x: list.x + 1, y: list.y + row,
                           style: n == search.selected ? style : .accent, limit: list.width - 1)
                continue
            }
            canvas.put([Span(TextWidth.pad(c.name, to: 18) + " ", style), Span(TextWidth.pad(c.company ?? "", to: 24) + " ", style),
                        Span(TextWidth.pad(c.phones.first ?? "", to: 18) + " ", style), Span(c.id.description, n == search.selected ? style : .dim)],
                       x: list.x, y: list.y + row, limit: list.width)
        }
    }

    /// A question on the status line, answered with y or n.
    static func question(_ text: String, in r: Rect, on canvas: inout Canvas) {
        canvas.fill(r, style: .status)
        canvas.put(" " + text, x: r.x, y: r.y, style: .warning, limit: r.width)
    }

    static func commandLine(_ line: LineEditor, in r: Rect, on canvas: inout Canvas) {
        canvas.fill(r)
        canvas.put([Span(":", .key), Span(line.text)], x: r.x, y: r.y, limit: r.width)
        canvas.cursor = (r.x + 1 + line.cursorCells, r.y)
    }
}
