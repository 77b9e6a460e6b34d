import ArgumentParser
import Foundation
import RapportCore
import RapportExchange

/// `rapport export csv|vcard|json`: the customers out, in formats other tools read.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: CLIText.fit(say("cli.export.abstract")), discussion: CLIText.fit(say("cli.export.discussion"), width: CLIText.page))
    @OptionGroup var globals: GlobalOptions
    @Argument(help: .words(say("cli.export.format"))) var format: String
    @Option(name: .customLong("as-of"), help: .words(say("cli.export.asOf"))) var asOf: String?
    @Option(help: .words(say("cli.export.owner"))) var owner: String?
    @Option(help: .words(say("cli.export.segment"))) var segment: String?
    @Flag(name: .customLong("include-private"), help: .words(say("cli.export.includePrivate"))) var includePrivate = false
    @Flag(help: .words(say("cli.export.bom"))) var bom = false
    @Option(name: .shortAndLong, help: .words(say("cli.export.output"))) var output: String?

    func run() throws {
        try reportingFailures {
            guard let format = ExportFormat(rawValue: format) else { throw Failure.usage(say("cli.export.unknownFormat", format)) }
            if bom, format != .csv { throw Failure.usage(say("cli.export.bomIsForCSV")) }
            let session = try Session(globals)
            let w = try session.openWorkspace()
            let (state, time, banner) = try session.view(w, asOf: asOf)
            let (customers, leftOut) = Export.select(state, at: time, owner: owner, segment: try segmentFilter(time), includePrivate: includePrivate)
            let bytes = try Export.bytes(format, customers, state, time, bom: bom)
            if let output {
                do { try AtomicFile.replace(output, with: bytes) } catch { throw Failure(message: say("forms.export.cannotWrite", output, "\(error)"), status: 74) }
            } else if isatty(STDOUT_FILENO) == 1 {
                print(TerminalText.safe(String(decoding: bytes, as: UTF8.self), multiline: true))
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
            Failure.printLine((banner.map { say("cli.export.banner", $0) } ?? "") + Export.summary(customers, leftOut: leftOut, state, to: output)
                + (leftOut > 0 ? say("cli.export.includePrivateIncludes") : ""))
        }
    }

    /// The segment as SIZE/VALUE or as key=value criteria; everyone without one.
    func segmentFilter(_ time: LocalTime) throws -> Segment {
        guard let segment else { return Segment([], description: "") }
        if segment.contains("=") {
            return try Failure.input { () throws(InputError) in try Segment.parse(segment, at: time) }
        }
        let parts = segment.split(separator: "/", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.count <= 2 else { throw Failure.usage(say("cli.export.badSegment", segment)) }
        var criteria: [Segment.Criterion] = []
        if !parts[0].isEmpty, parts[0] != "*" { criteria.append(.size(try Parse.term(parts[0], SizeClass.self)!)) }
        if parts.count == 2, !parts[1].isEmpty, parts[1] != "*" { criteria.append(.valueType(try Parse.term(parts[1], ValueType.self)!)) }
        return Segment(criteria, description: segment)
    }
}
