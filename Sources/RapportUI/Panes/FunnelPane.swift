import RapportCore

/// The funnel board: the seven stages as columns, or as a list grouped by stage when narrow.
public enum FunnelPane {
    /// Columns need at least this many cells each.
    static let columnWidth = 12

    static func usesColumns(_ inner: Rect) -> Bool { inner.width >= columnWidth * Stage.allCases.count }

    static func box(_ state: AppState) -> Box {
        let t = state.text
        let tiers = state.data.funnel.tiers.map { t("funnel.tier.\($0.tier.rawValue)", $0.count) }.joined(separator: " · ")
        return Box(title: Pane.funnel.title(t), summary: tiers, focused: state.focus == .funnel)
    }

    static func tierStyle(_ stage: Stage) -> Style {
        switch FunnelTier(probability: stage.defaultProbability) {
        case .top: .stageTop
        case .middle: .stageMiddle
        case .bottom: .stageBottom
        }
    }

    /// `1.5M` when all in one currency (the board's usual case), else `1.5M CNY + 20k USD`.
    static func short(_ a: Amounts, _ language: Language) -> String {
        a.currencies.count == 1 ? Money.compact(a.cents[a.currencies[0]] ?? 0, language) : a.compact(language)
    }

    // MARK: - Selection

    /// Where the board's selection is: a stage and a row in it.
    public struct State: Equatable, Sendable {
        public var stage = 0, row = 0

        /// Keeps the selection on the board after its deals changed; `reset`
        /// moves it to the first stage with deals.
        mutating func keep(within columns: [FunnelReport.Column], reset: Bool) {
            stage = min(stage, columns.count - 1)
            if reset { stage = columns.firstIndex { $0.count > 0 } ?? 0 }
            row = min(row, max(0, columns[stage].count - 1))
        }

        /// Moves the selection by a key, as columns when the pane is wide
        /// enough, else as a list grouped by stage.
        mutating func move(_ action: KeyAction, columns: [FunnelReport.Column], area: Rect?) {
            let inner = (area ?? Rect(x: 0, y: 0, width: 0, height: 0)).inner
            let count = { (stage: Int) in columns[stage].count }
            if FunnelPane.usesColumns(inner) {
                switch action {
                case .left, .right:
                    stage = min(max(0, stage + (action == .left ? -1 : 1)), columns.count - 1)
                    row = min(row, max(0, count(stage) - 1))
                default:
                    row = Scroll.move(row, action, count: count(stage), page: max(1, (inner.height - 4) / 2))
                }
                return
            }
            // As a list: up and down run on across stages; left and right jump a stage.
            let nonEmpty = columns.indices.filter { count($0) > 0 }
            guard !nonEmpty.isEmpty else { return }
            let before = nonEmpty.last { $0 < stage }, after = nonEmpty.first { $0 > stage }
            switch action {
            case .up where row == 0 || count(stage) == 0:
                if let b = before { stage = b; row = count(b) - 1 }
            case .down where row >= count(stage) - 1:
                if let a = after { stage = a; row = 0 }
            case .left:
                if let b = before { stage = b; row = 0 }
            case .right:
                if let a = after { stage = a; row = 0 }
            default:
                row = Scroll.move(row, action, count: count(stage), page: inner.height - 1)
            }
        }
    }

    // MARK: - Drawing

    /// What a deal is marked with: ⚑ stale, ~ a stage passed without its
    /// content, ? past approach for a customer not qualified; ✓ won and following through.
    static func marks(_ deal: Deal, _ s: AppState) -> [Span] {
        if deal.followingThrough { return [Span("✓ ", .accent)] }
        let flags = StageContent.flags(of: deal, in: s.data.state)
        let stale = deal.isStale(s.data.time)
        let spans = [Span(stale ? "⚑" : "", .stale), Span(flags.gaps.isEmpty ? "" : "~", .warning), Span(flags.unqualified ? "?" : "", .warning)]
        return stale || !flags.isEmpty ? spans + [Span(" ")] : []
    }

    /// The marks in words, for the help.

    static func render(_ s: AppState, in r: Rect, on canvas: inout Canvas) {
        let inner = box(s).draw(in: r, on: &canvas)
        guard !inner.isEmpty else { return }
        if usesColumns(inner) { renderColumns(s, inner, &canvas) } else { renderList(s, inner, &canvas) }
    }

    private static func renderColumns(_ s: AppState, _ inner: Rect, _ canvas: inout Canvas) {
        let columns = s.data.funnel.columns, time = s.data.time
        let width = inner.width / columns.count
        let fullRows = max(1, (inner.height - 4) / 2)
        for (i, column) in columns.enumerated() {
            let x = inner.x + i * width, w = width - 1
            let current = i == s.funnel.stage
            let style = tierStyle(column.stage)
            canvas.put(column.stage.label(s.language), x: x, y: inner.y, style: current && s.focus == .funnel ? .selection : style, limit: w)
            canvas.put("\(column.count) · \(short(column.total, s.language))", x: x, y: inner.y + 1, style: .header, limit: w)
            canvas.put(s.text("funnel.weighted", short(column.weighted, s.language)) + (column.stale > 0 ? " · \(column.stale)⚑" : ""),
                       x: x, y: inner.y + 2, style: .dim, limit: w)
            canvas.put(String(repeating: "─", count: w), x: x, y: inner.y + 3, style: .border, ellipsis: false)
            let selected = current ? s.funnel.row : -1
            // A column with more deals than rows keeps its last line for "N more".
            let dealRows = column.count > fullRows ? max(1, (inner.height - 5) / 2) : fullRows
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
                // The marks first: a narrow column cuts the end of the line.
                canvas.put([Span("  ")] + marks(deal, s)
                            + [Span((deal.value.map { Money.compact($0.cents, s.language) } ?? "–") + " " + s.text("unit.days", deal.daysInStage(time)), .dim)],
                           x: x, y: y + 1, limit: w)
            }
            let moreY = inner.y + 4 + dealRows * 2
            if column.count > offset + dealRows, moreY < inner.maxY {
                canvas.put("  " + s.text("funnel.more", column.count - offset - dealRows), x: x, y: moreY, style: .dim, limit: w)
            }
        }
    }

    private static func renderList(_ s: AppState, _ inner: Rect, _ canvas: inout Canvas) {
        let columns = s.data.funnel.columns, time = s.data.time
        // Every stage's header, with the deals of the selected stage under its header;
        // only the rows on screen are built (a stage may hold thousands of deals).
        let open = s.funnel.stage, dealCount = columns[open].count
        let total = columns.count + dealCount
        let valueWidth = 12, daysWidth = s.language == .zh ? 6 : 5   // 天 takes two cells
        let nameWidth = max(6, (inner.width - valueWidth - daysWidth - 8) / 2)
        let titleWidth = max(1, inner.width - nameWidth - valueWidth - daysWidth - 8)
        func line(_ index: Int) -> StyledLine {
            let stage: Int
            if index <= open { stage = index } else if index > open + dealCount { stage = index - dealCount } else {
                let n = index - open - 1, deal = columns[open].deals[n]
                let name = s.data.customer(deal.customer)?.name ?? deal.customer.description
                let style: Style = n == s.funnel.row ? .selection : .normal
                return [Span((n == s.funnel.row ? " ▸ " : "   ") + TextWidth.pad(name, to: nameWidth) + " " + TextWidth.pad(deal.title, to: titleWidth), style),
                        Span(TextWidth.padLeft(deal.value.map { Money.compact($0.cents, s.language) } ?? "–", to: valueWidth), style),
                        Span(TextWidth.padLeft(s.text("unit.days", deal.daysInStage(time)), to: daysWidth), n == s.funnel.row ? .selection : .dim), Span(" ")]
                    + marks(deal, s)
            }
            let column = columns[stage]
            return [Span(s.language == .zh ? column.stage.chinese : "\(column.stage.english) \(column.stage.chinese)", tierStyle(column.stage)),
                    Span(" · " + s.text("funnel.stageLine", column.count, column.total.compact(s.language), column.weighted.compact(s.language)), .header),
                    Span(column.stale > 0 ? " · " + s.text("funnel.stale", column.stale) : "", .stale)]
        }
        let selectedLine = open + 1 + min(s.funnel.row, max(0, dealCount - 1))
        let offset = min(Scroll.offset(selectedLine, rows: inner.height), max(0, total - inner.height))
        for row in 0..<min(inner.height, total - offset) {
            canvas.put(line(offset + row), x: inner.x, y: inner.y + row, limit: inner.width)
        }
    }
}
