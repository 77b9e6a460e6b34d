/// One of the manager's views of the business: tables of figures, each with
/// a chart drawn in text, and behind each row the customers or deals it
/// counts. Every view is a pure function of a state (now, or as of a date).
public struct ManagerReport: Sendable {
    /// `segments`, `reps` … (`rapport report NAME`).
    public let name: String
    public let title: String
    /// The period or moment the figures cover, in words.
    public let scope: String
    public let tables: [ReportTable]
    /// The language its words are in (the one of the moment it was made).
    public let language: Language

    public init(name: String, title: String, scope: String, tables: [ReportTable]) {
        self.name = name
        self.title = title
        self.scope = scope
        self.tables = tables
        language = Language.reading
    }

    /// A view's name in words: the tab of the screen.
    public static func word(_ name: String) -> String {
        switch name {
        case "segments": say("reports.tab.segments")
        case "reps": say("reports.tab.reps")
        case "conversion": say("reports.tab.conversion")
        case "forecast": say("reports.tab.forecast")
        case "winloss": say("reports.tab.winloss")
        case "value": say("reports.tab.value")
        case "churn": say("reports.tab.churn")
        case "complaints": say("reports.tab.complaints")
        case "changes": say("reports.tab.changes")
        default: name
        }
    }

    /// The views, in the order the screen's tabs show them.
    public static let names = ["segments", "reps", "conversion", "forecast", "winloss", "value", "churn", "complaints", "changes"]

    /// The view `name` of `state` at `time`.
    public static func make(_ name: String, _ state: CRMState, at time: LocalTime, _ options: ReportOptions) throws(InputError) -> ManagerReport {
        switch name {
        case "segments": SegmentsReport.make(state, time, options)
        case "reps": RepsReport.make(state, time, options)
        case "conversion": ConversionReport.make(state, time, options)
        case "forecast": ForecastReport.make(state, time, options)
        case "winloss": WinLossReport.make(state, time, options)
        case "value": ValueReport.make(state, time, options)
        case "churn": ChurnReport.make(state, time, options)
        case "complaints": ComplaintsReport.make(state, time, options)
        case "changes": ChangesReport.make(state, time, options)
        default: throw InputError(say("reports.unknown", name, names.joined(separator: ", ")))
        }
    }
}

/// What a view covers: one rep's business, a period.
public struct ReportOptions: Sendable {
    /// Only this rep's customers and deals.
    public var owner: String?
    /// The period, for views that count what happened (default: this quarter).
    public var from: Day?, to: Day?
    /// `changes`: since when (default: a week before).
    public var since: Timestamp?

    public init(owner: String? = nil, from: Day? = nil, to: Day? = nil, since: Timestamp? = nil) {
        self.owner = owner
        self.from = from
        self.to = to
        self.since = since
    }

    /// The period asked, else the quarter of `time`.
    func period(_ time: LocalTime) -> ClosedRange<Day> {
        let quarter = Quarter(containing: time.today)
        let start = from ?? quarter.first, end = to ?? quarter.last
        return start...max(start, end)
    }

    func owns(_ c: Customer) -> Bool { owner == nil || c.owner == owner }
    func owns(_ d: Deal) -> Bool { owner == nil || d.owner == owner }
}

/// A table of a view.
public struct ReportTable: Sendable {
    /// `by-stage`: what `--table` names.
    public let key: String
    public let title: String
    public let columns: [ReportColumn]
    public let rows: [ReportRow]
    public let chart: ReportChart?
    /// Each row's values as text, each column's widest, and each row's name:
    /// worked out once, so that a screen redraws a long table quickly.
    public let cells: [[String]]
    public let widths: [Int]
    public let labels: [String]

    public init(key: String, title: String, columns: [ReportColumn], rows: [ReportRow], chart: ReportChart? = nil) {
        self.key = key
        self.title = title
        self.columns = columns
        self.rows = rows
        self.chart = chart
        let cells = rows.map { row in zip(row.values, columns).map { ReportText.cell($0, $1.kind) } }
        self.cells = cells
        widths = columns.indices.map { c in max(TextWidth.of(columns[c].title), cells.map { TextWidth.of($0[c]) }.max() ?? 0) }
        labels = rows.map { ReportText.label($0) }
    }

    /// The width of the table with nothing cut, two cells between columns.
    public var naturalWidth: Int { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }
}

/// A column: the key programs read, the title people read, and how values show.
public struct ReportColumn: Sendable {
    public enum Kind: Sendable { case text, count, money, percent, days, score }
    public let key: String
    public let title: String
    public let kind: Kind

    public init(_ key: String, _ title: String, _ kind: Kind) {
        self.key = key
        self.title = title
        self.kind = kind
    }
}

/// One value of a row.
public enum ReportValue: Sendable, Equatable {
    case text(String)
    /// A number (nil: none, e.g. a win rate of no closed deals).
    case number(Double?)
    case money(Amounts)

    /// For charts and ordering: money as the sum of its amounts in whole units.
    public var scalar: Double {
        switch self {
        case .text: 0
        case .number(let n): n ?? 0
        case .money(let a): Double(a.cents.values.reduce(0, +)) / 100
        }
    }
}

/// A row, and what it counts (the drill-down).
public struct ReportRow: Sendable {
    public let values: [ReportValue]
    public let drill: Drill?

    public init(_ values: [ReportValue], drill: Drill? = nil) {
        self.values = values
        self.drill = drill
    }
}

/// The customers or deals behind a figure.
public enum Drill: Sendable, Equatable {
    case customers([CustomerID])
    case deals([DealID])

    public var count: Int {
        switch self {
        case .customers(let c): c.count
        case .deals(let d): d.count
        }
    }
}

/// How a table is drawn beside its figures.
public enum ReportChart: Sendable, Equatable {
    /// A horizontal bar per row, of column `column`.
    case bars(column: Int)
    /// A shaded matrix: the table's rows in row-major order, `rows` × `columns`, shaded by column `column`.
    case matrix(rows: [String], columns: [String], column: Int)
    /// A line of values over time.
    case sparkline(label: String, values: [Double])
}

/// A calendar quarter.
struct Quarter {
    let first: Day, last: Day

    init(containing day: Day) {
        let (y, m, _) = day.civil
        let startMonth = (m - 1) / 3 * 3 + 1
        first = Day(year: y, month: startMonth, day: 1)!
        let next = startMonth + 3 > 12 ? Day(year: y + 1, month: 1, day: 1)! : Day(year: y, month: startMonth + 3, day: 1)!
        last = Day(number: next.number - 1)
    }

    /// `2026 Q4`.
    var name: String { say("reports.quarter", first.civil.year, (first.civil.month - 1) / 3 + 1) }

    /// The quarter before.
    var previous: Quarter { Quarter(containing: Day(number: first.number - 1)) }
}

/// The middle value (the mean of the two middle ones for an even count); nil for none.
func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let s = values.sorted(), n = s.count
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}

/// `part / whole` as a percentage, nil when the whole is nothing.
func percent(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) * 100 / Double(whole) }
