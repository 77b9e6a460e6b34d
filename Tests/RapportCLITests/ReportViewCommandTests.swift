import Foundation
import Testing

/// The manager's views from scripts: JSON, and CSV parsed back to the same figures.
@Suite struct ReportViewCommandTests {
    /// RFC 4180: fields split on commas, quotes doubled inside quoted fields, CRLF between records.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false
        var chars = Array(text).makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else {
                            quoted = false
                            if n == "," { record.append(field); field = "" } else if n == "\r\n" || n == "\n" { record.append(field); records.append(record); record = []; field = "" }
                        }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { record.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { record.append(field); records.append(record); record = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    @Test func csvParsesBackToTheFiguresOfTheJSON() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("demo", "--customers", "60")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.run("report", "segments", "--json").out.utf8)) as? [String: Any])
        let rows = try #require(((json["tables"] as? [[String: Any]])?.first?["rows"]) as? [[String: Any]])
        let csv = Self.parseCSV(try cli.run("report", "segments", "--csv").out)
        #expect(csv.first == ["size", "valueType", "customers", "pipeline", "weighted", "revenue12m", "openComplaints", "temperature"])
        #expect(csv.count == rows.count + 1)
        for (record, row) in zip(csv.dropFirst(), rows) {
            #expect(record[0] == row["size"] as? String && record[2] == "\((row["customers"] as? NSNumber)?.intValue ?? -1)")
            #expect(record[5] == ((row["revenue12m"] as? [String: String])?["CNY"] ?? "0"))
            #expect((row["customerIds"] as? [String])?.count == Int(record[2]))
        }
        // Every customer is in one cell.
        #expect(csv.dropFirst().reduce(0) { $0 + (Int($1[2]) ?? 0) } == 60)
        // Another table of a view, and text that quotes a comma.
        let stages = Self.parseCSV(try cli.run("report", "reps", "--csv", "--table", "by-stage").out)
        #expect(stages.first == ["owner", "stage", "deals", "weighted"] && stages.count > 1)
        let churn = Self.parseCSV(try cli.run("report", "churn", "--csv").out)
        #expect(churn.dropFirst().allSatisfy { $0.count == 6 })
    }

    @Test func badOptionsAreOneLine() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        let before = cli.logBytes
        for (args, message) in [(["report", "segments", "--json", "--csv"], "--json and --csv ask for two formats"),
                                (["report", "reps", "--csv", "--table", "nope"], "--table: reps has reps, by-stage"),
                                (["report", "reps", "--from", "2026-12-01", "--to", "2026-11-01"], "--to 2026-11-01 is before --from 2026-12-01"),
                                (["report", "changes", "--since", "tomorrow"], "--since must be before the moment shown")] {
            let r = try cli.run(args)
            #expect(r.status == 64 && r.err.contains(message) && r.out.isEmpty, "\(args): \(r.err)")
        }
        #expect(cli.logBytes == before)
    }
}
