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
        let label = say("forms.import.reading", name)
        start(Job(label: label, usesWorkspace: true)) { _ in
            guard let data = FileManager.default.contents(atPath: file) else {
                return .notice(FileManager.default.fileExists(atPath: file) ? say("forms.import.denied", file) : say("forms.import.noFile", file), isError: true)
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
                return .notice(say("forms.import.failedIn", name, "\(error)"), isError: true)
            }
            let batch = ImportBatch(entries: entries, onDuplicate: policy, origin: name)
            let report: ImportReport
            do {
                report = try Importer.plan(batch, in: self.workspace.state, time: self.workspace.time).0
            } catch {
                return .notice("\(error)", isError: true)
            }
            var summary = report.counts
            if let first = report.rejected.first { summary += say("forms.import.firstRejected", first.line, first.detail) }
            if !unmapped.isEmpty { summary += say("forms.import.unmapped", unmapped.joined(separator: say("forms.import.columnSeparator"))) }
            guard !report.created.isEmpty || !report.merged.isEmpty else { return .notice(say("forms.import.nothing", name, summary), isError: true) }
            return .importPlanned(ImportPreview(batch: batch, summary: summary))
        }
    }

    /// Writes a confirmed import as one action.
    func runImport(_ batch: ImportBatch) {
        let label = sayCount("forms.import.importing", batch.entries.count, batch.origin)
        start(Job(label: label, usesWorkspace: true)) { _ in
            let outcome: ActionOutcome
            do {
                outcome = try self.workspace.perform(.importCustomers(batch))
            } catch {
                return .notice(say("forms.import.failed", "\(error)"), isError: true)
            }
            if outcome.events.count >= Workspace.checkpointEvery { self.workspace.saveCheckpointIfPossible() }
            self.post(.data(self.present()))
            self.buildSearchIndex()
            return .notice(say("forms.import.done", outcome.summary), isError: false)
        }
    }

    /// Writes the customers as they are now (not as of a moment looked at) to `file`, whole or not at all.
    func export(_ format: String, _ file: String, includePrivate: Bool) {
        guard let format = ExportFormat(rawValue: format) else { return }
        let label = say("forms.export.writing", format.rawValue, (file as NSString).lastPathComponent)
        let shown = present()
        start(Job(label: label, usesWorkspace: true)) { _ in
            let (customers, leftOut) = Export.select(shown.state, at: shown.time, includePrivate: includePrivate)
            do {
                try AtomicFile.replace(file, with: try Export.bytes(format, customers, shown.state, shown.time))
            } catch {
                return .notice(say("forms.export.cannotWrite", file, "\(error)"), isError: true)
            }
            let summary = Export.summary(customers, leftOut: leftOut, shown.state, to: file)
            return .notice(leftOut > 0 ? say("forms.export.leftOut", summary, format.rawValue) : summary, isError: false)
        }
    }

    /// Whether the bytes begin (after a byte order mark and blank lines) with BEGIN:VCARD.
    static func holdsVCards(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(64), as: UTF8.self).uppercased()
        return head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }.hasPrefix("BEGIN:VCARD")   // catalogue: not text
    }
}
