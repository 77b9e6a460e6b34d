import ArgumentParser
import Foundation
import RapportCore
import RapportExchange

/// `rapport import csv|vcard FILE`: customers from a spreadsheet or a phone, as one undoable action.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: CLIText.fit(say("cli.import.abstract")),
        subcommands: [CSV.self, VCard.self]
    )

    /// What both formats take.
    struct Options: ParsableArguments {
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("cli.import.file"))) var file: String
        @Option(help: .words(say("cli.import.encoding", TextDecoding.accepted.joined(separator: say("cli.separator"))))) var encoding: String?
        @Flag(name: .customLong("dry-run"), help: .words(say("cli.import.dryRun"))) var dryRun = false
        @Option(name: .customLong("on-duplicate"), help: .words(say("cli.import.onDuplicate")))
        var onDuplicate = "skip"
        @Flag(help: .words(say("cli.import.strict"))) var strict = false
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func policy() throws -> DuplicatePolicy {
            guard let policy = DuplicatePolicy(rawValue: onDuplicate) else {
                throw Failure.usage(say("cli.import.badOnDuplicate", onDuplicate))
            }
            return policy
        }
    }

    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: CLIText.fit(say("cli.import.csv.abstract")), discussion: CLIText.fit(say("cli.import.csv.discussion"), width: CLIText.page))
        @OptionGroup var options: Options
        @Option(help: .words(say("cli.import.map"), valueName: "COLUMN=FIELD"))   // catalogue: not text
        var map: [String] = []

        func run() throws {
            try reportingFailures {
                _ = try options.policy()
                for m in map {
                    do { _ = try ImportColumns.mapping(m) } catch let e as ExchangeError { throw Failure.usage(e.description) }
                }
                let bytes = try ImportCommand.read(options.file)
                let progress = Progress(label: say("forms.import.reading", options.file))
                let table = try Failure.exchange(options.file) { () throws(ExchangeError) in
                    try CSVImport.read(bytes, encoding: options.encoding, maps: map, progress: progress.show)
                }
                progress.clear()
                let named = table.columns.compactMap { c in c.target.map { say("cli.import.column", c.header, ImportColumns.name(of: $0)) } }
                let separated = table.delimiter == "\t" ? "cli.import.tabs" : table.delimiter == ";" ? "cli.import.semicolons" : "cli.import.commas"
                var notes = [say("cli.import.csv.read", options.file, table.encoding, say(separated))
                    + sayCount("cli.import.customersInFile", table.entries.count)]
                notes.append(say("cli.import.columns", named.joined(separator: say("cli.separator"))))
                if !table.unmapped.isEmpty {
                    notes.append(say("cli.import.notImported", table.unmapped.joined(separator: say("cli.separator")), table.unmapped[0]))
                }
                try ImportCommand.run(table.entries, notes: notes, unmapped: table.unmapped, options)
            }
        }
    }

    struct VCard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vcard",
            abstract: CLIText.fit(say("cli.import.vcard.abstract")), discussion: CLIText.fit(say("cli.import.vcard.discussion"), width: CLIText.page))
        @OptionGroup var options: Options

        func run() throws {
            try reportingFailures {
                _ = try options.policy()
                let bytes = try ImportCommand.read(options.file)
                let (cards, encoding) = try Failure.exchange(options.file) { () throws(ExchangeError) in
                    let (text, encoding) = try TextDecoding.decode(bytes, encoding: options.encoding)
                    return (try RapportExchange.VCard.cards(in: text), encoding)
                }
                let entries = VCardImport.entries(cards)
                let notes = [say("cli.import.vcard.read", options.file, encoding, sayCount("cli.import.cards", cards.count),
                                 sayCount("cli.import.customers", entries.count))]
                try ImportCommand.run(entries, notes: notes, unmapped: [], options)
            }
        }
    }

    static func read(_ file: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Failure.usage(say(FileManager.default.fileExists(atPath: file) ? "forms.import.denied" : "forms.import.noFile", file))
        }
        return Array(data)
    }

    /// Plans the entries against the log; writes them as one action unless a dry run; prints what happened.
    static func run(_ entries: [ImportEntry], notes: [String], unmapped: [String], _ o: Options) throws {
        let policy = try o.policy()
        let session = try Session(o.globals)
        let w = try session.openWorkspace()
        let batch = ImportBatch(entries: entries, onDuplicate: policy, strict: o.strict, origin: (o.file as NSString).lastPathComponent)
        let report: ImportReport
        if o.dryRun {
            report = try Output.neutral(o.json) { try Failure.input { () throws(InputError) in try Importer.plan(batch, in: w.state, time: w.time).0 } }
        } else {
            let tty = isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1
            if tty { FileHandle.standardError.write(Data(("\r" + sayCount("cli.import.writing", entries.count)).utf8)) }
            let outcome: ActionOutcome
            do {
                outcome = try Output.neutral(o.json) { try w.perform(.importCustomers(batch)) }
            } catch let refused as InputError {
                if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                // Nothing went in: what each entry would have done, then why (no report under --strict).
                if !o.json, !o.strict, let r = try? Importer.plan(batch, in: w.state, time: w.time).0 {
                    print(TerminalText.safe((notes + lines(r, dryRun: false).dropLast()).joined(separator: "\n"), multiline: true))
                }
                throw refused
            }
            if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            report = outcome.importReport ?? ImportReport()
            if outcome.events.count >= Workspace.checkpointEvery { w.saveCheckpointIfPossible() }
        }
        Output.emit(json: o.json, json(report, dryRun: o.dryRun, unmapped: unmapped)) {
            (notes + lines(report, dryRun: o.dryRun)).joined(separator: "\n")
        }
    }

    /// The report for people: what was (or would be) created, merged, skipped and rejected, by line.
    static func lines(_ r: ImportReport, dryRun: Bool) -> [String] {
        func list(_ title: String, _ items: [ImportReport.Line], limit: Int, into: Bool = false) -> [String] {
            guard !items.isEmpty else { return [] }
            let rows = items.prefix(limit).map { i in
                [say("cli.import.line", Format.grouped(i.line)), into ? say("cli.import.into", i.customer?.description ?? "") : i.customer?.description ?? "", i.name, i.detail]
            }
            let more = items.count > limit ? [say("cli.import.more", Format.grouped(items.count - limit))] : []
            return [say("cli.import.heading", title, Format.grouped(items.count)), Output.table(rows, maxWidths: [2: 24])] + more
        }
        return list(say(dryRun ? "cli.import.wouldBeCreated" : "cli.import.created"), r.created, limit: 20)
            + list(say(dryRun ? "cli.import.wouldBeMerged" : "cli.import.merged"), r.merged, limit: 50, into: true)
            + list(say(dryRun ? "cli.import.wouldBeSkipped" : "cli.import.skipped"), r.skipped, limit: 50)
            + list(say("cli.import.rejected"), r.rejected, limit: 200)
            + [dryRun ? say("cli.import.dryRunDone", r.counts) : say("cli.import.done", r.counts)]
    }

    static func json(_ r: ImportReport, dryRun: Bool, unmapped: [String]) -> JSON {
        func items(_ lines: [ImportReport.Line]) -> JSON {
            .array(lines.map { .object(["line": .int(Int64($0.line)), "customer": JSONView.id($0.customer), "name": .string($0.name), "detail": .string($0.detail)]) })
        }
        return .object(["dryRun": .bool(dryRun), "created": items(r.created), "merged": items(r.merged), "skipped": items(r.skipped),
                        "rejected": items(r.rejected), "contactsAdded": .int(Int64(r.contactsAdded)), "notesAdded": .int(Int64(r.notesAdded)),
                        "unmappedColumns": .array(unmapped.map(JSON.string))])
    }
}

/// A progress bar on stderr, drawn only when both stdout and stderr are a terminal.
final class Progress {
    let label: String
    let shown = isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1
    private var last = -1

    init(label: String) { self.label = label }

    func show(_ fraction: Double) {
        let percent = Int(fraction * 100)
        guard shown, percent != last else { return }
        last = percent
        let filled = percent / 5
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
        FileHandle.standardError.write(Data("\r\(TerminalText.safe(label)) \(bar) \(percent) %".utf8))
    }

    func clear() {
        if shown, last >= 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
