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
            guard ["csv", "vcard", "json"].contains(format) else { throw Failure.usage("unknown format \"\(format)\"; use csv, vcard or json") }
            if bom, format != "csv" { throw Failure.usage("--bom is for csv only") }
            let session = try Session(globals)
            let w = try session.openWorkspace()
            let (state, time, banner) = try session.view(w, asOf: asOf)
            let filter = try segmentFilter(time)
            let chosen = state.liveCustomers.filter { c in (owner == nil || c.owner == owner) && filter.contains(c, in: state, at: time) }
            let shared = includePrivate ? chosen : chosen.filter { !$0.doNotShare }
            let exported = shared.map { ExportedCustomer($0, contacts: state.contacts(of: $0).reversed()) }
            let bytes: [UInt8]
            switch format {
            case "csv": bytes = try CSVExport.bytes(exported, bom: bom)
            case "vcard": bytes = Array(VCardExport.text(exported).utf8)
            default: bytes = Array(json(shared, state, time).utf8)
            }
            if let output {
                do { try AtomicFile.replace(output, with: bytes) } catch { throw Failure(message: "cannot write \(output): \(error)", status: 74) }
            } else if isatty(STDOUT_FILENO) == 1 {
                print(TerminalText.safe(String(decoding: bytes, as: UTF8.self), multiline: true))
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
            let left = chosen.count - shared.count
            let contacts = exported.reduce(0) { $0 + $1.contacts.count }
            Failure.printLine((banner.map { "\($0): " } ?? "") + "exported \(Format.counted(shared.count, "customer")) and \(Format.counted(contacts, "contact person"))"
                + (output.map { " to \($0)" } ?? "")
                + (left > 0 ? "; \(Format.grouped(left)) flagged do-not-share left out (--include-private includes them)" : ""))
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

    /// A JSON array, one object per customer (a line each) with everything recorded of it.
    func json(_ customers: [Customer], _ state: CRMState, _ time: LocalTime) -> String {
        let objects = customers.map { c -> String in
            guard case .object(var o) = JSONView.customer(c, time) else { return "{}" }
            o["contacts"] = .array(state.contacts(of: c).reversed().map(JSONView.contact))
            o["deals"] = .array(state.deals(of: c).reversed().map { JSONView.deal($0, state, time) })
            o["followUps"] = .array(state.followUps(of: c).reversed().map { JSONView.followUp($0, state, time) })
            o["interactions"] = .array(state.interactions(of: c).reversed().map { JSONView.interaction($0, time) })
            o["purchases"] = .array(state.purchases(of: c).reversed().map(JSONView.purchase))
            o["complaints"] = .array(state.complaints(of: c).reversed().map { JSONView.complaint($0, time) })
            o["notes"] = .array(state.notes(of: c).reversed().map { n in
                .object(["id": .string(n.id.description), "text": .string(n.text), "at": JSONView.moment(n.at, time)])
            })
            return JSONWriter.string(.object(o))
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
