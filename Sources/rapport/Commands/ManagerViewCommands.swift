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
            abstract: say("reports.cli.abstract.segments"))
        @OptionGroup var options: ManagerViewOptions
    }

    struct Reps: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "reps",
            abstract: say("reports.cli.abstract.reps"))
        @OptionGroup var options: ManagerViewOptions
    }

    struct Conversion: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "conversion",
            abstract: say("reports.cli.abstract.conversion"))
        @OptionGroup var options: ManagerViewOptions
    }

    struct Forecast: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "forecast",
            abstract: say("reports.cli.abstract.forecast"))
        @OptionGroup var options: ManagerViewOptions
    }

    struct WinLoss: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "winloss",
            abstract: say("reports.cli.abstract.winloss"))
        @OptionGroup var options: ManagerViewOptions
    }

    struct Value: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "value",
            abstract: say("reports.cli.abstract.value"))
        @OptionGroup var options: ManagerViewOptions
    }

    struct Churn: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "churn",
            abstract: say("reports.cli.abstract.churn"))
        @OptionGroup var options: ManagerViewOptions
    }

    struct Complaints: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "complaints",
            abstract: say("reports.cli.abstract.complaints"))
        @OptionGroup var options: ManagerViewOptions
    }

    struct Changes: ManagerViewCommand {
        static let configuration = CommandConfiguration(commandName: "changes",
            abstract: say("reports.cli.abstract.changes"))
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
    @Option(name: .customLong("as-of"), help: ArgumentHelp(say("reports.cli.help.asOf"))) var asOf: String?
    @Option(help: ArgumentHelp(say("reports.cli.help.owner"))) var owner: String?
    @Option(help: ArgumentHelp(say("reports.cli.help.from"))) var from: String?
    @Option(help: ArgumentHelp(say("reports.cli.help.to"))) var to: String?
    @Option(help: ArgumentHelp(say("reports.cli.help.since"))) var since: String?
    @Option(help: ArgumentHelp(say("reports.cli.help.until"))) var until: String?
    @Option(help: ArgumentHelp(say("reports.cli.help.table"))) var table: String?
    @Option(help: ArgumentHelp(say("reports.cli.help.limit"))) var limit = 50
    @Flag(help: ArgumentHelp(say("reports.cli.help.json"))) var json = false
    @Flag(help: ArgumentHelp(say("reports.cli.help.csv"))) var csv = false

    /// Prints view `name`.
    func show(_ name: String) throws {
        do {
            let session = try Session(globals)
            if json, csv { throw Failure.usage(say("reports.cli.jsonCsv")) }
            guard limit >= 0 else { throw Failure.usage(say("reports.cli.limit")) }
            if until != nil, asOf != nil { throw Failure.usage(say("reports.cli.untilAsOf")) }
            let w = try session.openWorkspace()
            let (state, time, banner) = try session.view(w, asOf: asOf ?? until)
            var o = ReportOptions(owner: owner)
            o.from = try from.map { try Parse.day($0, w) }
            o.to = try to.map { try Parse.day($0, w) }
            if let from = o.from, let to = o.to, to < from { throw Failure.usage(say("reports.cli.toBeforeFrom", to, from)) }
            o.since = try since.map { try Parse.when($0, w).moment(w.time, hour: 0) }
            if let since = o.since, since >= time.now { throw Failure.usage(say("reports.cli.since", time.format(time.now))) }
            let report = try Failure.input { () throws(InputError) in try ManagerReport.make(name, state, at: time, o) }
            // JSON and CSV are the same in every language: their titles and words are the English ones.
            let neutral = json || csv ? (try? Language.$override.withValue(.en) { try ManagerReport.make(name, state, at: time, o) }) ?? report : report
            if csv {
                let chosen = try table.map { key in
                    guard let t = neutral.tables.first(where: { $0.key == key }) else {
                        throw Failure.usage(say("reports.cli.tables", name, report.tables.map(\.key).joined(separator: ", ")))
                    }
                    return t
                } ?? neutral.tables[0]
                print(ReportView.csv(chosen), terminator: "")
                return
            }
            Output.emit(json: json, ReportView.json(neutral)) { (banner.map { $0 + "\n" } ?? "") + ReportView.text(report, limit: limit) }
        }
    }
}

/// A manager's view as text, JSON or CSV.
enum ReportView {
    /// How many rows a text chart draws.
    static let chartRows = 25

    static func text(_ r: ManagerReport, limit: Int) -> String {
        var out = [say("reports.cli.heading", r.title, r.scope)]
        for t in r.tables {
            out.append("")
            out.append(t.title)
            let header = t.columns.map(\.title)
            let rows = limit > 0 ? Array(t.cells.prefix(limit)) : t.cells
            let numeric = Set(t.columns.indices.filter { t.columns[$0].kind != .text })
            out.append(rows.isEmpty ? "  " + say("reports.cli.none") : Output.table([header] + rows, rightAligned: numeric, maxWidths: [0: 24, 1: 24])
                .split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            if rows.count < t.rows.count { out.append("  " + say("reports.cli.more", Format.grouped(t.rows.count - rows.count))) }
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
