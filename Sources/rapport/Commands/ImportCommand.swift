// catalogue: not yet moved (issue 16)
import ArgumentParser
import Foundation
import RapportCore
import RapportExchange

/// `rapport import csv|vcard FILE`: customers from a spreadsheet or a phone, as one undoable action.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring customers in from a CSV file or vCards; one action, undone whole by `rapport undo`.",
        subcommands: [CSV.self, VCard.self]
    )

    /// What both formats take.
    struct Options: ParsableArguments {
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The file to import.") var file: String
        @Option(help: "The file's encoding when it cannot be told: \(TextDecoding.accepted.joined(separator: ", ")).") var encoding: String?
        @Flag(name: .customLong("dry-run"), help: "List what would be created, merged, skipped and rejected; write nothing.") var dryRun = false
        @Option(name: .customLong("on-duplicate"), help: "A customer with the same phone digits or e-mail exists: skip (default), merge or add.")
        var onDuplicate = "skip"
        @Flag(help: "Import nothing when any entry is rejected.") var strict = false
        @Flag(help: "Print a JSON object.") var json = false

        func policy() throws -> DuplicatePolicy {
            guard let policy = DuplicatePolicy(rawValue: onDuplicate) else {
                throw Failure.usage("--on-duplicate: \"\(onDuplicate)\" is not one of: skip, merge, add")
            }
            return policy
        }
    }

    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Import customers from a CSV file (RFC 4180; UTF-8, UTF-16 or GB18030 as Excel saves it).",
            discussion: """
                The first line names the columns, in English or Chinese: name/姓名/客户名称, phone/电话/手机, \
                company/公司, email/邮箱, address/地址, owner/负责人, size/规模, value type/价值类型, source/来源, \
                tags/标签, note/备注, contact/联系人, title/职位, id/编号 (rows with the same id are one customer). \
                Other columns are named in the summary; --map gives them a field.
                Example: rapport import csv 客户.csv --map 微信=note --dry-run
                """)
        @OptionGroup var options: Options
        @Option(help: ArgumentHelp("COLUMN=FIELD: read a column as a field (repeat); FIELD ignore leaves it out.", valueName: "COLUMN=FIELD"))
        var map: [String] = []

        func run() throws {
            try reportingFailures {
                _ = try options.policy()
                for m in map {
                    do { _ = try ImportColumns.mapping(m) } catch let e as ExchangeError { throw Failure.usage(e.description) }
                }
                let bytes = try ImportCommand.read(options.file)
                let progress = Progress(label: "reading \(options.file)")
                let table = try Failure.exchange(options.file) { () throws(ExchangeError) in
                    try CSVImport.read(bytes, encoding: options.encoding, maps: map, progress: progress.show)
                }
                progress.clear()
                let named = table.columns.compactMap { c in c.target.map { "\(c.header) → \(ImportCommand.name(of: $0))" } }
                var notes = ["read \(options.file) as \(table.encoding), \(table.delimiter == "\t" ? "tab" : table.delimiter == ";" ? "semicolon" : "comma")-separated: "
                    + "\(Format.counted(table.entries.count, "customer")) in the file"]
                notes.append("columns: " + named.joined(separator: ", "))
                if !table.unmapped.isEmpty {
                    notes.append("not imported: " + table.unmapped.joined(separator: ", ")
                        + " (no field of that name; give --map \"\(table.unmapped[0])=FIELD\", or =ignore)")
                }
                try ImportCommand.run(table.entries, notes: notes, unmapped: table.unmapped, options)
            }
        }
    }

    struct VCard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vcard",
            abstract: "Import customers from vCards (3.0 or 4.0, many in a file, as phones, Google and Outlook export them).",
            discussion: """
                A card with an organisation (ORG) becomes a contact person of that organisation, and the people of one \
                organisation one customer; any other card a customer. BDAY is kept as a note.
                Example: rapport import vcard contacts.vcf --dry-run
                """)
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
                let notes = ["read \(options.file) as \(encoding): \(Format.counted(cards.count, "card")), "
                    + Format.counted(entries.count, "customer")]
                try ImportCommand.run(entries, notes: notes, unmapped: [], options)
            }
        }
    }

    static func read(_ file: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Failure.usage("cannot read \(file): " + (FileManager.default.fileExists(atPath: file) ? "permission denied" : "no such file"))
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
            report = try Failure.input { () throws(InputError) in try Importer.plan(batch, in: w.state, time: w.time).0 }
        } else {
            let tty = isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1
            if tty { FileHandle.standardError.write(Data("\rwriting \(Format.grouped(entries.count)) customers …".utf8)) }
            let outcome: ActionOutcome
            do {
                outcome = try w.perform(.importCustomers(batch))
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
                ["  line \(Format.grouped(i.line))", (into ? "into " : "") + (i.customer?.description ?? ""), i.name, i.detail]
            }
            let more = items.count > limit ? ["  … and \(Format.grouped(items.count - limit)) more (--json lists them all)"] : []
            return ["\(title) (\(Format.grouped(items.count))):", Output.table(rows, maxWidths: [2: 24])] + more
        }
        let verb = dryRun ? "would be " : ""
        return list("\(verb)created", r.created, limit: 20) + list("\(verb)merged", r.merged, limit: 50, into: true)
            + list("\(verb)skipped as duplicates (--on-duplicate merge or add to take them)", r.skipped, limit: 50)
            + list("rejected", r.rejected, limit: 200)
            + [dryRun ? "dry run, nothing was written: \(r.counts)" : "imported: \(r.counts); `rapport undo` takes the whole import back"]
    }

    static func json(_ r: ImportReport, dryRun: Bool, unmapped: [String]) -> JSON {
        func items(_ lines: [ImportReport.Line]) -> JSON {
            .array(lines.map { .object(["line": .int(Int64($0.line)), "customer": JSONView.id($0.customer), "name": .string($0.name), "detail": .string($0.detail)]) })
        }
        return .object(["dryRun": .bool(dryRun), "created": items(r.created), "merged": items(r.merged), "skipped": items(r.skipped),
                        "rejected": items(r.rejected), "contactsAdded": .int(Int64(r.contactsAdded)), "notesAdded": .int(Int64(r.notesAdded)),
                        "unmappedColumns": .array(unmapped.map(JSON.string))])
    }

    static func name(of target: ColumnTarget) -> String {
        ImportColumns.fields.first { $0.1 == target }?.0 ?? "?"
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
