/// A view's values and charts as text, the same for the command line and the
/// screen: bars of block characters, a matrix shaded ░▒▓█, a sparkline ▁…█.
/// Readable without colour.
public enum ReportText {
    /// A value as a cell of a table.
    public static func cell(_ v: ReportValue, _ kind: ReportColumn.Kind) -> String {
        switch v {
        case .text(let s): return s
        case .money(let a): return a.currencies.isEmpty ? "0" : a.compact(Language.reading)
        case .number(nil): return "—"
        case .number(let n?):
            switch kind {
            case .percent: return "\(Int(n.rounded()))%"
            case .days: return n < 10 ? String(Double((n * 10).rounded()) / 10) : String(Int(n.rounded()))
            case .score: return String(Int(n.rounded()))
            case .count, .text, .money: return Format.grouped(Int(n.rounded()))
            }
        }
    }

    /// A value for CSV and JSON readers: numbers plain, money as its amount
    /// (with the currency when there are several).
    public static func plain(_ v: ReportValue) -> String {
        switch v {
        case .text(let s): return s
        case .number(nil): return ""
        case .number(let n?): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(Double((n * 100).rounded()) / 100)
        case .money(let a):
            if a.currencies.isEmpty { return "0" }
            if a.currencies.count == 1 { return Money(cents: a.cents[a.currencies[0]]!, currency: a.currencies[0]).plainAmount }
            return a.currencies.map { Money(cents: a.cents[$0]!, currency: $0).plainAmount + " " + $0 }.joined(separator: " + ")
        }
    }

    /// The chart of `table`, `width` cells wide; `selected` marks a row. Bars
    /// are drawn for the rows in `rows` only (all when nil): a screen draws what fits.
    public static func chart(_ table: ReportTable, width: Int, selected: Int? = nil, rows: Range<Int>? = nil) -> [String] {
        guard let chart = table.chart, !table.rows.isEmpty else { return [] }
        switch chart {
        case .bars(let column):
            let shown = rows.map { $0.clamped(to: table.rows.indices) } ?? table.rows.indices
            let labelWidth = min(24, shown.map { TextWidth.of(table.labels[$0]) }.max() ?? 0)
            let top = table.rows.map { $0.values[column].scalar }.max() ?? 0
            let room = max(4, width - labelWidth - 12)
            return shown.map { i in
                let value = table.rows[i].values[column].scalar
                let n = top > 0 ? Int((value / top * Double(room)).rounded()) : 0
                let bar = String(repeating: "█", count: n) + (value > 0 && n == 0 ? "▏" : "")
                return (i == selected ? "▸" : " ") + TextWidth.pad(TextWidth.truncate(table.labels[i], to: labelWidth), to: labelWidth) + " "
                    + bar + " " + table.cells[i][column]
            }
        case .matrix(let rows, let columns, let column):
            let shades = [" ·", "░░", "▒▒", "▓▓", "██"]
            let values = table.rows.map { $0.values[column].scalar }
            let top = values.max() ?? 0
            let rowWidth = min(14, rows.map(TextWidth.of).max() ?? 0)
            let colWidth = max(5, min(10, (width - rowWidth - 1) / max(1, columns.count)))
            var out = [TextWidth.pad("", to: rowWidth + 1) + columns.map { TextWidth.pad(TextWidth.truncate($0, to: colWidth - 1), to: colWidth) }.joined()]
            for (r, name) in rows.enumerated() {
                var line = TextWidth.pad(TextWidth.truncate(name, to: rowWidth), to: rowWidth) + " "
                for c in columns.indices {
                    let i = r * columns.count + c
                    guard i < values.count else { continue }
                    let level = top > 0 && values[i] > 0 ? 1 + Int(values[i] / top * 3.999) : 0
                    let mark = i == selected ? "▸" : " "
                    line += mark + shades[min(4, level)] + String(repeating: " ", count: colWidth - 3)
                }
                out.append(line)
            }
            out.append(say("reports.chart.shaded", table.columns[column].title, cell(table.rows[values.firstIndex(of: top) ?? 0].values[column], table.columns[column].kind)))
            return out
        case .sparkline(let label, let values):
            let ticks = Array("▁▂▃▄▅▆▇█")
            let lo = values.min() ?? 0, hi = values.max() ?? 0
            let line = values.map { v in String(ticks[hi > lo ? Int((v - lo) / (hi - lo) * 7) : 3]) }.joined()
            return [say("reports.chart.sparkline", label, line, Describe.score(lo), Describe.score(hi))]
        }
    }

    /// A row's name: its first text cells, before any number.
    public static func label(_ row: ReportRow) -> String {
        row.values.prefix { if case .text = $0 { true } else { false } }.prefix(2).map { if case .text(let s) = $0 { s } else { "" } }
            .joined(separator: " · ")
    }
}
