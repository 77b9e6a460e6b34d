// catalogue: not yet moved (issue 16)
import ArgumentParser
import Foundation
import RapportCore
import RapportExchange

/// `rapport export csv|vcard|json`: the customers out, in formats other tools read.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the customers as CSV (one row per contact person), vCard 4.0 or JSON (everything of each customer).",
        discussion: """
            Customers flagged do-not-share are left out unless --include-private; the summary on stderr says how many.
            Example: rapport export csv --bom -o 客户.csv --segment large/profit
            """)
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "csv, vcard or json.") var format: String
    @Option(name: .customLong("as-of"), help: "The customers as they were at the end of that day, e.g. 2026-06-30.") var asOf: String?
    @Option(help: "Only the customers of this rep.") var owner: String?
    @Option(help: "Only a segment: SIZE/VALUE (large/profit, large, /brand) or key=value criteria (size=large,tag=vip).") var segment: String?
    @Flag(name: .customLong("include-private"), help: "Include customers flagged do-not-share.") var includePrivate = false
    @Flag(help: "CSV: begin with a UTF-8 byte order mark, so that Excel reads Chinese right.") var bom = false
    @Option(name: .shortAndLong, help: "Write to this file (replaced whole) instead of standard output.") var output: String?

    func run() throws {
        try reportingFailures {
            guard let format = ExportFormat(rawValue: format) else { throw Failure.usage("unknown format \"\(format)\"; use csv, vcard or json") }
            if bom, format != .csv { throw Failure.usage("--bom is for csv only") }
            let session = try Session(globals)
            let w = try session.openWorkspace()
            let (state, time, banner) = try session.view(w, asOf: asOf)
            let (customers, leftOut) = Export.select(state, at: time, owner: owner, segment: try segmentFilter(time), includePrivate: includePrivate)
            let bytes = try Export.bytes(format, customers, state, time, bom: bom)
            if let output {
                do { try AtomicFile.replace(output, with: bytes) } catch { throw Failure(message: "cannot write \(output): \(error)", status: 74) }
            } else if isatty(STDOUT_FILENO) == 1 {
                print(TerminalText.safe(String(decoding: bytes, as: UTF8.self), multiline: true))
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
            Failure.printLine((banner.map { "\($0): " } ?? "") + Export.summary(customers, leftOut: leftOut, state, to: output)
                + (leftOut > 0 ? " (--include-private includes them)" : ""))
        }
    }

    /// The segment as SIZE/VALUE or as key=value criteria; everyone without one.
    func segmentFilter(_ time: LocalTime) throws -> Segment {
        guard let segment else { return Segment([], description: "") }
        if segment.contains("=") {
            return try Failure.input { () throws(InputError) in try Segment.parse(segment, at: time) }
        }
        let parts = segment.split(separator: "/", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.count <= 2 else { throw Failure.usage("--segment \"\(segment)\": expected SIZE/VALUE, e.g. large/profit") }
        var criteria: [Segment.Criterion] = []
        if !parts[0].isEmpty, parts[0] != "*" { criteria.append(.size(try Parse.term(parts[0], SizeClass.self)!)) }
        if parts.count == 2, !parts[1].isEmpty, parts[1] != "*" { criteria.append(.valueType(try Parse.term(parts[1], ValueType.self)!)) }
        return Segment(criteria, description: segment)
    }
}
