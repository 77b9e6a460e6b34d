import RapportCore

/// The lines around the panes: tabs, the as-of banner, the status line; and the
/// screens shown instead of panes: welcome and too small.
enum Chrome {
    static func tabs(_ s: AppState, in r: Rect, on canvas: inout Canvas) {
        canvas.fill(r, style: .status)
        var x = r.x
        for pane in Pane.allCases {
            let label = " \(pane.rawValue + 1) \(pane.title(s.text)) "
            x += canvas.put(label, x: x, y: r.y, style: pane == s.focus ? .selection : .status, limit: r.maxX - x)
        }
        canvas.put(" " + s.text("chrome.tabSwitches"), x: x, y: r.y, style: .status, limit: r.maxX - x)
    }

    static func banner(_ s: AppState, in r: Rect, on canvas: inout Canvas) {
        guard let moment = s.data.asOf else { return }
        canvas.fill(r, style: .bannerAsOf)
        canvas.put(" " + s.text("chrome.asOf", s.data.now.format(moment)),
                   x: r.x, y: r.y, style: .bannerAsOf, limit: r.width)
    }

    static func status(_ s: AppState, in r: Rect, on canvas: inout Canvas) {
        canvas.fill(r, style: .status)
        let left = " " + s.text("chrome.status", s.source, s.data.customerCount.grouped, s.data.openDeals.grouped, s.actor) + " "
        if let note = s.status ?? s.alert.map({ StatusNote(text: $0, isError: true) }) {
            let used = canvas.put(TextWidth.truncate(left, to: max(0, r.width / 3)), x: r.x, y: r.y, style: .status, limit: r.width)
            canvas.put(" " + note.text, x: r.x + used, y: r.y, style: note.isError ? .error : .key, limit: r.width - used)
            return
        }
        if let work = s.progress {
            let used = canvas.put(TextWidth.truncate(left, to: max(0, r.width / 3)), x: r.x, y: r.y, style: .status, limit: r.width)
            let percent = work.fraction.map { " \(Int(($0 * 100).rounded())) %" } ?? ""
            var line: StyledLine = [Span(" \(work.label) …\(percent) ", .key)]
            if let f = work.fraction { line += Gauge.bar(Int((f * 100).rounded()), of: 100, width: 10) }
            canvas.put(line + [Span("  " + s.text("chrome.escStops"), .status)], x: r.x + used, y: r.y, limit: r.width - used)
            return
        }
        let hints = (s.views != nil ? s.text(r.width >= 110 ? "chrome.hints.views" : "chrome.hints.viewsShort")
            : s.text(r.width >= 110 ? "chrome.hints" : "chrome.hintsShort")) + " "
        let hintWidth = TextWidth.of(hints)
        canvas.put(left, x: r.x, y: r.y, style: .status, limit: max(0, r.width - hintWidth - 1))
        canvas.put(hints, x: r.maxX - min(hintWidth, r.width), y: r.y, style: .status, limit: r.width)
    }

    static func welcome(_ s: AppState, in r: Rect, on canvas: inout Canvas) {
        let lines: [StyledLine] = [
            [Span(s.text("welcome.title"), .title)],
            [],
            [Span(s.text("welcome.empty"), .normal)],
            [Span(s.source, .dim)],
            [],
            s.writingDemo ? [Span(s.text("welcome.writingDemo"), .warning)]
                : [Span("  d  ", .key), Span(s.text("welcome.demo"))],
            [Span("  n  ", .key), Span(s.text("welcome.first") + " ", .normal), Span("rapport customer add NAME", .accent), Span(s.text("welcome.firstEnd"))],
            [Span("  ?  ", .key), Span(s.text("welcome.keys"))],
            [Span("  q  ", .key), Span(s.text("welcome.quit"))],
        ]
        let width = min(r.width - 2, 72), height = lines.count + 2
        let box = Rect(x: r.x + (r.width - width) / 2, y: r.y + max(0, (r.height - height) / 2), width: width, height: height)
        let inner = Box(title: "Rapport", focused: true).draw(in: box, on: &canvas)
        canvas.put(lines, in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height))
    }

    static func tooSmall(_ s: AppState, on canvas: inout Canvas) {
        let lines = [s.text("small.1", s.width, s.height), s.text("small.2", Layout.minimumWidth, Layout.minimumHeight), s.text("small.3")]
        for (i, line) in lines.enumerated() {
            let y = max(0, s.height / 2 - 1) + i
            canvas.put(line, x: max(0, (s.width - TextWidth.of(line)) / 2), y: y, style: i == 0 ? .warning : .normal)
        }
    }
}
