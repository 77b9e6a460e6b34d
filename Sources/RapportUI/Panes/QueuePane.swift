import RapportCore

/// The follow-up queue in the funnel's work order; Enter shows why an item ranks where it does.
public enum QueuePane {
    static func box(_ s: AppState) -> Box {
        let q = s.data.queue
        let whose = s.data.queueOwner.map { s.text("queue.whose", $0) } ?? s.text("queue.everyone")
        return Box(title: Pane.followUps.title(s.text),
                   summary: s.text("queue.summary", whose, q.overdue, q.dueToday, q.items.count.grouped),
                   focused: s.focus == .followUps)
    }

    /// Where the queue's selection is, and whether it shows why its item ranks there.
    public struct State: Equatable, Sendable {
        public var row = 0
        public var showReason = false

        mutating func keep(within count: Int) { row = min(row, max(0, count - 1)) }

        /// Moves the selection by a key; Enter shows or hides the reason.
        mutating func move(_ action: KeyAction, count: Int, page: Int) {
            if action == .open {
                showReason.toggle()
                return
            }
            let before = row
            row = Scroll.move(row, action, count: count, page: page)
            if row != before { showReason = false }
        }
    }

    static func render(_ s: AppState, in r: Rect, on canvas: inout Canvas) {
        let inner = box(s).draw(in: r, on: &canvas)
        guard !inner.isEmpty else { return }
        let items = s.data.queue.items, time = s.data.time
        guard !items.isEmpty else {
            canvas.put(s.text("queue.clear"), x: inner.x + 1, y: inner.y, style: .dim, limit: inner.width - 1)
            return
        }
        // The reason takes the last row when asked for.
        let rows = inner.height - (s.queue.showReason ? 2 : 0)
        let offset = Scroll.offset(s.queue.row, rows: max(1, rows))
        let nameWidth = min(16, max(6, inner.width / 6))
        for row in 0..<max(0, rows) {
            let n = offset + row
            guard n < items.count else { break }
            let item = items[n], y = inner.y + row, selected = n == s.queue.row
            let (mark, markStyle) = marker(item, time)
            let base: Style = selected && s.focus == .followUps ? .selection : (selected ? .header : .normal)
            if selected { canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: base) }
            let due = item.due.map { when($0, time, s.text) } ?? s.text("queue.now")
            let name = s.data.customer(item.customer)?.name ?? item.customer.description
            let tactic = item.tactic?.label(s.language) ?? item.bucket.label(s.text)
            canvas.put([Span(mark, selected ? base : markStyle), Span(" " + TextWidth.pad(due, to: 11) + " ", selected ? base : markStyle),
                        Span(TextWidth.pad(name, to: nameWidth) + "  ", base),
                        Span(tactic, selected ? base : .accent), Span(item.text(s.text).isEmpty ? "" : " · " + Describe.preview(item.text(s.text)), base)],
                       x: inner.x, y: y, limit: inner.width)
        }
        if s.queue.showReason, let item = s.selectedQueueItem {
            canvas.put(String(repeating: "─", count: inner.width), x: inner.x, y: inner.maxY - 2, style: .border, ellipsis: false)
            canvas.put([Span(s.text("queue.why") + " ", .key), Span(item.explanation(time, s.text))], x: inner.x, y: inner.maxY - 1, limit: inner.width)
        }
    }

    /// `!` overdue, `•` due today, `~` a suggestion.
    static func marker(_ item: FollowUpQueue.Item, _ time: LocalTime) -> (String, Style) {
        guard item.isScheduled, let due = item.due else { return ("~", .followUpSuggested) }
        if due < time.now { return ("!", .followUpOverdue) }
        if time.day(of: due) == time.today { return ("•", .followUpToday) }
        return (" ", .normal)
    }

    /// `09:30` today, `Tue 11-24 10:00` otherwise.
    static func when(_ t: Timestamp, _ time: LocalTime, _ words: Catalogue) -> String {
        let text = time.format(t)   // YYYY-MM-DD HH:MM
        return time.day(of: t) == time.today ? words("queue.today", text.suffix(5)) : String(text.dropFirst(5))
    }
}

extension Int {
    /// `42,451`.
    var grouped: String { Format.grouped(self) }
}
