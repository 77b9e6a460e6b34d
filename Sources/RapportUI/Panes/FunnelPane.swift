import RapportCore

/// The funnel board: the seven stages as columns, or as a list grouped by stage when narrow.
enum FunnelPane {
    /// Columns need at least this many cells each.
    static let columnWidth = 12

    static func usesColumns(_ inner: Rect) -> Bool { inner.width >= columnWidth * Stage.allCases.count }

    static func box(_ state: AppState) -> Box {
        Box(title: Pane.funnel.title, summary: state.data.funnel.tierSummary, focused: state.focus == .funnel)
    }

    static func tierStyle(_ stage: Stage) -> Style {
        switch FunnelTier(probability: stage.defaultProbability) {
        case .top: .stageTop
        case .middle: .stageMiddle
        case .bottom: .stageBottom
        }
    }

    /// `1.5M` when all in one currency (the board's usual case), else `1.5M CNY + 20k USD`.
    static func short(_ a: Amounts) -> String {
        a.currencies.count == 1 ? Money.compact(a.cents[a.currencies[0]] ?? 0) : a.compact
    }

    // MARK: - Moving

    static func move(_ action: Action, _ s: inout AppState, _ layout: Layout) {
        let columns = s.data.funnel.columns
        let inner = (layout.panes[.funnel] ?? Rect(x: 0, y: 0, width: 0, height: 0)).inner
        let count = { (stage: Int) in columns[stage].count }
        if usesColumns(inner) {
            switch action {
            case .left, .right:
                s.funnelStage = min(max(0, s.funnelStage + (action == .left ? -1 : 1)), columns.count - 1)
                s.funnelRow = min(s.funnelRow, max(0, count(s.funnelStage) - 1))
            default:
                s.funnelRow = Scroll.move(s.funnelRow, action, count: count(s.funnelStage), page: max(1, (inner.height - 4) / 2))
            }
            return
        }
        // As a list: up and down run on across stages; left and right jump a stage.
        let nonEmpty = columns.indices.filter { count($0) > 0 }
        guard !nonEmpty.isEmpty else { return }
        let before = nonEmpty.last { $0 < s.funnelStage }, after = nonEmpty.first { $0 > s.funnelStage }
        switch action {
        case .up where s.funnelRow == 0 || count(s.funnelStage) == 0:
            if let b = before { s.funnelStage = b; s.funnelRow = count(b) - 1 }
        case .down where s.funnelRow >= count(s.funnelStage) - 1:
            if let a = after { s.funnelStage = a; s.funnelRow = 0 }
        case .left:
            if let b = before { s.funnelStage = b; s.funnelRow = 0 }
        case .right:
            if let a = after { s.funnelStage = a; s.funnelRow = 0 }
        default:
            s.funnelRow = Scroll.move(s.funnelRow, action, count: count(s.funnelStage), page: inner.height - 1)
        }
    }

    // MARK: - Drawing

    static func render(_ s: AppState, in r: Rect, on canvas: inout Canvas) {
        let inner = box(s).draw(in: r, on: &canvas)
        guard !inner.isEmpty else { return }
        if usesColumns(inner) { renderColumns(s, inner, &canvas) } else { renderList(s, inner, &canvas) }
    }

    private static func renderColumns(_ s: AppState, _ inner: Rect, _ canvas: inout Canvas) {
        let columns = s.data.funnel.columns, time = s.data.time
        let width = inner.width / columns.count
        let dealRows = max(1, (inner.height - 4) / 2)
        for (i, column) in columns.enumerated() {
            let x = inner.x + i * width, w = width - 1
            let current = i == s.funnelStage
            let style = tierStyle(column.stage)
            canvas.put(column.stage.english, x: x, y: inner.y, style: current && s.focus == .funnel ? .selection : style, limit: w)
            canvas.put("\(column.count) · \(short(column.total))", x: x, y: inner.y + 1, style: .header, limit: w)
            canvas.put("w \(short(column.weighted))" + (column.stale > 0 ? " · \(column.stale)⚑" : ""), x: x, y: inner.y + 2, style: .dim, limit: w)
            canvas.put(String(repeating: "─", count: w), x: x, y: inner.y + 3, style: .border, ellipsis: false)
            let selected = current ? s.funnelRow : -1
            let offset = Scroll.offset(max(0, selected), rows: dealRows)
            for row in 0..<dealRows {
                let n = offset + row
                guard n < column.count else { break }
                let deal = column.deals[n], y = inner.y + 4 + row * 2
                let name = s.data.customer(deal.customer)?.name ?? deal.customer.description
                let isSelected = n == selected
                let lineStyle: Style = isSelected ? .selection : .normal
                canvas.fill(Rect(x: x, y: y, width: w, height: 1), style: lineStyle)
                canvas.put((isSelected ? "▸ " : "  ") + name, x: x, y: y, style: lineStyle, limit: w)
                let stale = deal.isStale(time)
                canvas.put([Span("  " + (deal.value?.compact ?? "–") + " \(deal.daysInStage(time))d", .dim),
                            Span(stale ? " ⚑" : "", .stale)], x: x, y: y + 1, limit: w)
            }
            if column.count > offset + dealRows {
                canvas.put("  +\(column.count - offset - dealRows) more", x: x, y: min(inner.maxY - 1, inner.y + 4 + dealRows * 2), style: .dim, limit: w)
            }
        }
    }

    private static func renderList(_ s: AppState, _ inner: Rect, _ canvas: inout Canvas) {
        let columns = s.data.funnel.columns, time = s.data.time
        // Every stage's header, with the deals of the selected stage under its header;
        // only the rows on screen are built (a stage may hold thousands of deals).
        let open = s.funnelStage, dealCount = columns[open].count
        let total = columns.count + dealCount
        let valueWidth = 12, daysWidth = 5
        let nameWidth = max(6, (inner.width - valueWidth - daysWidth - 8) / 2)
        let titleWidth = max(1, inner.width - nameWidth - valueWidth - daysWidth - 8)
        func line(_ index: Int) -> StyledLine {
            let stage: Int
            if index <= open { stage = index } else if index > open + dealCount { stage = index - dealCount } else {
                let n = index - open - 1, deal = columns[open].deals[n]
                let name = s.data.customer(deal.customer)?.name ?? deal.customer.description
                let style: Style = n == s.funnelRow ? .selection : .normal
                return [Span((n == s.funnelRow ? " ▸ " : "   ") + TextWidth.pad(name, to: nameWidth) + " " + TextWidth.pad(deal.title, to: titleWidth), style),
                        Span(TextWidth.padLeft(deal.value?.compact ?? "–", to: valueWidth), style),
                        Span(TextWidth.padLeft("\(deal.daysInStage(time))d", to: daysWidth), n == s.funnelRow ? .selection : .dim),
                        Span(deal.isStale(time) ? " ⚑" : "", .stale)]
            }
            let column = columns[stage]
            return [Span("\(column.stage.english) \(column.stage.chinese)", tierStyle(column.stage)),
                    Span(" · \(column.count) · \(column.total.compact) · weighted \(column.weighted.compact)", .header),
                    Span(column.stale > 0 ? " · \(column.stale) stale" : "", .stale)]
        }
        let selectedLine = open + 1 + min(s.funnelRow, max(0, dealCount - 1))
        let offset = min(Scroll.offset(selectedLine, rows: inner.height), max(0, total - inner.height))
        for row in 0..<min(inner.height, total - offset) {
            canvas.put(line(offset + row), x: inner.x, y: inner.y + row, limit: inner.width)
        }
    }
}
