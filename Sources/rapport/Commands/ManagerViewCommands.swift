// catalogue: not yet moved (issue 16)
import ArgumentParser
import Foundation
import RapportCore

/// `rapport report segments|reps|conversion|…`: the manager's views, now or as
/// of a date, as text (tables and charts), JSON or CSV.
enum ManagerViews {
    static let commands: [ParsableCommand.Type] = [Segments.self, Reps.self, Conversion.self, Forecast.self, WinLoss.self,
                                                   Value.self, Churn.self, Complaints.self, Changes.self]

    struct Segments: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "segments",
            abstract: "Size × value type: customers, open pipeline, revenue of the last 12 months, open complaints, temperature.")
        @OptionGroup var options: ManagerViewOptions
    }

    struct Reps: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "reps",
            abstract: "Per rep: customers, pipeline by stage, won and lost in the period, win rate, sales cycle, activity, overdue.")
        @OptionGroup var options: ManagerViewOptions
    }

    struct Conversion: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "conversion",
            abstract: "Per stage: deals that entered, reached the next, were won or lost; days spent; learned win rate.")
        @OptionGroup var options: ManagerViewOptions
    }

    struct Forecast: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "forecast",
            abstract: "Weighted pipeline by close month (configured and learned %), and a backtest of the last four quarters.")
        @OptionGroup var options: ManagerViewOptions
    }

    struct WinLoss: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "winloss",
            abstract: "Won and lost by reason, by the stage they ended in, by source, by objection raised.")
        @OptionGroup var options: ManagerViewOptions
    }

    struct Value: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "value",
            abstract: "The Pareto curve, recency/frequency/monetary tiers, contribution types, the customer–value matrix.")
        @OptionGroup var options: ManagerViewOptions
    }

    struct Churn: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "churn",
            abstract: "Customers at risk, with the reasons in words, the most value at risk first.")
        @OptionGroup var options: ManagerViewOptions
    }

    struct Complaints: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "complaints",
            abstract: "Open complaints by age, and the median time to resolution month by month.")
        @OptionGroup var options: ManagerViewOptions
    }

    struct Changes: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "changes",
            abstract: "What changed between two moments (--since, and --until or --as-of; default the last seven days).")
        @OptionGroup var options: ManagerViewOptions
    }
}

/// A manager's view as a command: its name is its command name.
protocol ManagerViewCommand: ParsableCommand {
    var options: ManagerViewOptions { get }
}

extension ManagerViewCommand {
    func run() throws { try reportingFailures { try options.show(Self.configuration.commandName!) } }
}

/// The options every manager's view takes.
struct ManagerViewOptions: ParsableArguments {
    @OptionGroup var globals: GlobalOptions
    @Option(name: .customLong("as-of"), help: "The business as it was at the end of that day, e.g. 2026-06-30.") var asOf: String?
    @Option(help: "Only this rep's customers and deals.") var owner: String?
    @Option(help: "The period's first day (default: this quarter's).") var from: String?
    @Option(help: "The period's last day (default: this quarter's).") var to: String?
    @Option(help: "changes: since when (default: seven days before).") var since: String?
    @Option(help: "changes: until when (the same as --as-of).") var until: String?
    @Option(help: "With --csv: which table (default the first).") var table: String?
    @Option(help: "Rows per table in text (default 50; 0 for all). JSON and CSV hold every row.") var limit = 50
    @Flag(help: "Print one JSON object.") var json = false
    @Flag(help: "Print a table as CSV.") var csv = false

    /// Prints view `name`.
    func show(_ name: String) throws {
        do {
            let session = try Session(globals)
            if json, csv { throw Failure.usage("--json and --csv ask for two formats; give one") }
            guard limit >= 0 else { throw Failure.usage("--limit must be 0 or more") }
            if until != nil, asOf != nil { throw Failure.usage("--until and --as-of name the same moment; give one") }
            let w = try session.openWorkspace()
            let (state, time, banner) = try session.view(w, asOf: asOf ?? until)
            var o = ReportOptions(owner: owner)
            o.from = try from.map { try Parse.day($0, w) }
            o.to = try to.map { try Parse.day($0, w) }
            if let from = o.from, let to = o.to, to < from { throw Failure.usage("--to \(to) is before --from \(from)") }
            o.since = try since.map { try Parse.when($0, w).moment(w.time, hour: 0) }
            if let since = o.since, since >= time.now { throw Failure.usage("--since must be before the moment shown (\(time.format(time.now)))") }
            let report = try Failure.input { () throws(InputError) in try ManagerReport.make(name, state, at: time, o) }
            if csv {
                let chosen = try table.map { key in
                    guard let t = report.tables.first(where: { $0.key == key }) else {
                        throw Failure.usage("--table: \(name) has \(report.tables.map(\.key).joined(separator: ", "))")
                    }
                    return t
                } ?? report.tables[0]
                print(ReportView.csv(chosen), terminator: "")
                return
            }
            Output.emit(json: json, ReportView.json(report)) { (banner.map { $0 + "\n" } ?? "") + ReportView.text(report, limit: limit) }
        }
    }
}

/// A manager's view as text, JSON or CSV.
enum ReportView {
    /// How many rows a text chart draws.
    static let chartRows = 25

    static func text(_ r: ManagerReport, limit: Int) -> String {
        var out = ["\(r.title) (\(r.scope))"]
        for t in r.tables {
            out.append("")
            out.append(t.title)
            let header = t.columns.map(\.title)
            let rows = limit > 0 ? Array(t.cells.prefix(limit)) : t.cells
            let numeric = Set(t.columns.indices.filter { t.columns[$0].kind != .text })
            out.append(rows.isEmpty ? "  (none)" : Output.table([header] + rows, rightAligned: numeric, maxWidths: [0: 24, 1: 24])
                .split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            if rows.count < t.rows.count { out.append("  … \(Format.grouped(t.rows.count - rows.count)) more rows (--limit 0 shows all)") }
            // Bars for the first rows only: a chart of thousands of bars says nothing more.
            let chart = ReportText.chart(t, width: 76, rows: 0..<min(chartRows, rows.count))
            if !chart.isEmpty { out += [""] + chart.map { "  " + $0 } }
        }
        return out.joined(separator: "\n")
    }

    static func json(_ r: ManagerReport) -> JSON {
        .object(["report": .string(r.name), "title": .string(r.title), "scope": .string(r.scope),
                 "tables": .array(r.tables.map { t in
                     .object(["key": .string(t.key), "title": .string(t.title), "rows": .array(t.rows.map { row in
                         var o = JSONObject()
                         for (v, c) in zip(row.values, t.columns) { o[c.key] = value(v) }
                         switch row.drill {
                         case .customers(let ids)?: o["customerIds"] = .strings(ids.map(\.description))
                         case .deals(let ids)?: o["dealIds"] = .strings(ids.map(\.description))
                         case nil: break
                         }
                         return .object(o)
                     })])
                 })])
    }

    private static func value(_ v: ReportValue) -> JSON {
        switch v {
        case .text(let s): .string(s)
        case .number(nil): .null
        case .number(let n?): n == n.rounded() && abs(n) < 1e15 ? .int(Int64(n)) : .double(Double((n * 100).rounded()) / 100)
        case .money(let a): a.json
        }
    }

    /// RFC 4180: a header of column keys, then a line per row; money as its amount.
    static func csv(_ t: ReportTable) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        let lines = [t.columns.map { field($0.key) }.joined(separator: ",")]
            + t.rows.map { row in row.values.map { field(ReportText.plain($0)) }.joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
