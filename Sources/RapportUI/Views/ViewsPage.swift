import RapportCore

/// The manager's segment views, instead of the four panes: a row of tabs,
/// the view's title and scope, the selected table beside (or above) its
/// chart, and the list drilled down to over them.
enum ViewsPage {
    static func render(_ s: AppState, _ v: ViewsState, in body: Rect, on canvas: inout Canvas) {
        guard body.height >= 4 else { return }
        // The tabs: number and name; the shown one highlighted.
        var x = body.x
        for (i, name) in ManagerReport.names.enumerated() {
            let label = " \(i + 1) \(ManagerReport.word(name)) "
            x += canvas.put([Span(label, i == v.tab ? .selection : .dim)], x: x, y: body.y, limit: max(0, body.maxX - x))
        }
        let box = Box(title: s.shownReport?.title ?? ManagerReport.word(v.name), summary: s.shownReport?.scope ?? "", focused: true)
        let inner = box.draw(in: Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1), on: &canvas)
        guard !inner.isEmpty else { return }
        guard let report = s.shownReport, report.tables.indices.contains(v.table) else {
            canvas.put(say("reports.ui.building", ManagerReport.word(v.name)), x: inner.x + 1, y: inner.y, style: .dim, limit: inner.width - 1)
            return
        }
        let table = report.tables[v.table]
        // The tables of the view, ← → between them.
        let names = report.tables.enumerated().map { i, t in [Span(i == v.table ? "▸ " + t.title : "  " + t.title, i == v.table ? .header : .dim)] }
        let header = report.tables.count > 1 ? [names[v.table] + [Span("   " + say("reports.ui.tables", report.tables.count), .dim)]] : [names[0]]
        canvas.put(header, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1))
        let area = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        // The chart beside the table when both fit, else under it.
        let natural = table.naturalWidth
        let side = area.width - natural >= 44
        let stackedChart = side ? 0 : min(chartHeight(table), max(0, area.height / 2))
        let tableArea = side ? Rect(x: area.x, y: area.y, width: natural, height: area.height)
            : Rect(x: area.x, y: area.y, width: area.width, height: area.height - stackedChart - (stackedChart > 0 ? 1 : 0))
        let chartArea = side ? Rect(x: area.x + natural + 3, y: area.y, width: area.width - natural - 3, height: area.height)
            : Rect(x: area.x, y: area.maxY - stackedChart, width: area.width, height: stackedChart)
        // A long text of the selected row (a churn's reasons) in full under the table.
        let detail = detailLines(table, row: v.row, width: tableArea.width)
        let listArea = Rect(x: tableArea.x, y: tableArea.y, width: tableArea.width, height: max(2, tableArea.height - detail.count))
        renderTable(table, selected: v.row, in: listArea, on: &canvas)
        canvas.put(detail, in: Rect(x: tableArea.x, y: listArea.maxY, width: tableArea.width, height: detail.count))
        // Bars follow the rows around the selected one; a matrix or a sparkline is one picture.
        let first = isRowChart(table) ? max(0, min(v.row - chartArea.height / 2, table.rows.count - chartArea.height)) : 0
        let chartLines = ReportText.chart(table, width: chartArea.width, selected: v.row, rows: first..<(first + chartArea.height))
        canvas.put(chartLines.map { [Span($0, .accent)] }, in: chartArea)
        if let drill = v.drill { renderDrill(drill, on: &canvas) }
    }

    /// Bars follow the table's rows; a matrix or sparkline is one picture.
    private static func isRowChart(_ t: ReportTable) -> Bool { if case .bars = t.chart { true } else { false } }

    /// The selected row's longest text, wrapped, when the table has to cut it.
    static func detailLines(_ t: ReportTable, row: Int, width: Int) -> [StyledLine] {
        guard t.rows.indices.contains(row), t.naturalWidth > width else { return [] }
        let texts = zip(t.rows[row].values, t.columns).compactMap { v, c -> (String, String)? in
            if case .text(let s) = v, TextWidth.of(s) > 24 { return (c.title, s) }
            return nil
        }
        guard let (title, text) = texts.max(by: { $0.1.count < $1.1.count }) else { return [] }
        return [[]] + wrapped(say("reports.ui.detail", title, text), width: width, style: .accent, indent: "  ", maxLines: 4)
    }

    /// How many lines the chart takes under a table.
    private static func chartHeight(_ t: ReportTable) -> Int {
        switch t.chart {
        case .bars?: t.rows.count
        case .matrix(let rows, _, _)?: rows.count + 2
        case .sparkline?: 1
        case nil: 0
        }
    }

    /// The table: a header, the rows that fit around the selected one, numbers right-aligned.
    static func renderTable(_ t: ReportTable, selected: Int, in r: Rect, on canvas: inout Canvas) {
        guard r.height >= 2 else { return }
        let cells = t.cells
        var widths = t.widths
        // Text columns give way first when the table is too wide.
        while widths.reduce(0, +) + 2 * widths.count > r.width, let widest = widths.indices.filter({ t.columns[$0].kind == .text }).max(by: { widths[$0] < widths[$1] }),
              widths[widest] > 8 {
            widths[widest] -= 1
        }
        func line(_ values: [String], _ style: Style) -> StyledLine {
            [Span(zip(values, widths).enumerated().map { c, pair in
                t.columns[c].kind == .text ? TextWidth.pad(TextWidth.truncate(pair.0, to: pair.1), to: pair.1)
                    : TextWidth.padLeft(TextWidth.truncate(pair.0, to: pair.1), to: pair.1)
            }.joined(separator: "  "), style)]
        }
        canvas.put([line(t.columns.map(\.title), .header)], in: Rect(x: r.x, y: r.y, width: r.width, height: 1))
        guard !cells.isEmpty else {
            canvas.put(say("reports.ui.nothing"), x: r.x, y: r.y + 1, style: .dim, limit: r.width)
            return
        }
        let rows = r.height - 1
        let offset = max(0, min(selected - rows / 2, cells.count - rows))
        let shown = cells.indices.dropFirst(offset).prefix(rows).map { i in line(cells[i], i == selected ? .selection : .normal) }
        canvas.put(shown, in: Rect(x: r.x, y: r.y + 1, width: r.width, height: rows))
    }

    /// The customers or deals behind the selected row.
    static func renderDrill(_ d: DrillList, on canvas: inout Canvas) {
        let inner = Overlays.frame(d.title, width: 96, height: d.lines.count + 2, on: &canvas, summary: say("reports.ui.drillHints"))
        guard !inner.isEmpty else { return }
        let offset = max(0, min(d.row - inner.height / 2, d.lines.count - inner.height))
        let lines = d.lines.indices.dropFirst(offset).prefix(inner.height).map { i in
            [Span((i == d.row ? "▸ " : "  ") + d.lines[i].text, i == d.row ? .selection : .normal)]
        }
        canvas.put(lines, in: inner)
    }
}
