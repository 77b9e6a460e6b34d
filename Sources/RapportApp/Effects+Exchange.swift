// catalogue: not yet moved (issue 16)
import Foundation
import RapportCore
import RapportExchange
import RapportUI

/// `:import` and `:export`: files read, checked and written on a thread of
/// their own (progress on the status line, keys live), as the command line does.
extension Effects {
    /// Reads `file` (vCards when it holds them, else CSV), checks it against
    /// the log and asks the person to confirm what it would do.
    func planImport(_ file: String, _ policy: DuplicatePolicy) {
        let name = (file as NSString).lastPathComponent
        let label = "reading \(name)"
        start(Job(label: label, usesWorkspace: true)) { _ in
            guard let data = FileManager.default.contents(atPath: file) else {
                return .notice("cannot read \(file): " + (FileManager.default.fileExists(atPath: file) ? "permission denied" : "no such file"), isError: true)
            }
            let entries: [ImportEntry]
            var unmapped: [String] = []
            do {
                let bytes = Array(data)
                if Self.holdsVCards(bytes) {
                    entries = VCardImport.entries(try VCard.cards(in: try TextDecoding.decode(bytes).text))
                } else {
                    let table = try CSVImport.read(bytes) { share in self.post(.progress(WorkProgress(label, fraction: share))) }
                    entries = table.entries
                    unmapped = table.unmapped
                }
            } catch {
                return .notice("\(name): \(error); nothing was imported", isError: true)
            }
            let batch = ImportBatch(entries: entries, onDuplicate: policy, origin: name)
            let report: ImportReport
            do {
                report = try Importer.plan(batch, in: self.workspace.state, time: self.workspace.time).0
            } catch {
                return .notice("\(error)", isError: true)
            }
            var summary = report.counts
            if let first = report.rejected.first { summary += " (line \(first.line): \(first.detail))" }
            if !unmapped.isEmpty { summary += "; not imported: columns " + unmapped.joined(separator: ", ") }
            guard !report.created.isEmpty || !report.merged.isEmpty else { return .notice("\(name): \(summary); nothing to import", isError: true) }
            return .importPlanned(ImportPreview(batch: batch, summary: summary))
        }
    }

    /// Writes a confirmed import as one action.
    func runImport(_ batch: ImportBatch) {
        let label = "importing \(Format.counted(batch.entries.count, "customer")) from \(batch.origin)"
        start(Job(label: label, usesWorkspace: true)) { _ in
            let outcome: ActionOutcome
            do {
                outcome = try self.workspace.perform(.importCustomers(batch))
            } catch {
                return .notice("\(error); nothing was imported", isError: true)
            }
            if outcome.events.count >= Workspace.checkpointEvery { self.workspace.saveCheckpointIfPossible() }
            self.post(.data(self.present()))
            self.buildSearchIndex()
            return .notice(outcome.summary + " · u undoes it", isError: false)
        }
    }

    /// Writes the customers as they are now (not as of a moment looked at) to `file`, whole or not at all.
    func export(_ format: String, _ file: String, includePrivate: Bool) {
        guard let format = ExportFormat(rawValue: format) else { return }
        let label = "writing \(format.rawValue) to \((file as NSString).lastPathComponent)"
        let shown = present()
        start(Job(label: label, usesWorkspace: true)) { _ in
            let (customers, leftOut) = Export.select(shown.state, at: shown.time, includePrivate: includePrivate)
            do {
                try AtomicFile.replace(file, with: try Export.bytes(format, customers, shown.state, shown.time))
            } catch {
                return .notice("cannot write \(file): \(error)", isError: true)
            }
            return .notice(Export.summary(customers, leftOut: leftOut, shown.state, to: file)
                + (leftOut > 0 ? " (:export \(format.rawValue) FILE private includes them)" : ""), isError: false)
        }
    }

    /// Whether the bytes begin (after a byte order mark and blank lines) with BEGIN:VCARD.
    static func holdsVCards(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(64), as: UTF8.self).uppercased()
        return head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }.hasPrefix("BEGIN:VCARD")
    }
}
