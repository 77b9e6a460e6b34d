// catalogue: not yet moved (issue 16)
import ArgumentParser
import Foundation
import RapportCore

/// `rapport check`: verifies every record of the log.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every record of the log (checksums, order, batches).",
        discussion: """
            Exits 0 with a one-line summary when the log is sound. A damaged record \
            is reported with its line number and byte offset, and the exit status is 65; \
            the file is left as it was. An unfinished write at the end (from a crash) \
            is moved aside into a side file next to the log and reported. With --events, \
            every event is also folded, and records that do not fit the rest (a reference \
            to nothing, an unknown type) are listed; any such record also gives exit status 65.
            """
    )

    @OptionGroup var globals: GlobalOptions
    @Flag(name: .long, help: "Also fold every event and list the records that do not apply.") var events = false
    @Flag(name: .long, help: "Print one JSON object instead of text.") var json = false

    func run() throws {
        try reportingFailures {
            let session = try Session(globals)
            do {
                checkTheCheckpoint(of: session.path)
                // Without --events nothing is folded: the records are verified a window at a time, and let go.
                let store = try LogStore.open(path: session.path, actor: session.actor, create: false,
                                              scanWindow: events ? LogStore.defaultScanWindow : 4 << 20, streaming: !events)
                session.report(store.takeNotices())
                let summary = LogSummary(store: store)
                guard events else {
                    print(json ? JSONWriter.string(summary.json) : summary.text)
                    return
                }
                let anomalies = Workspace(store: store, clock: session.clock).state.anomalies
                if json {
                    guard case .object(var o) = summary.json else { return }
                    o["ok"] = .bool(anomalies.isEmpty)
                    o["anomalies"] = .array(anomalies.prefix(1000).map { a in
                        .object(["record": .int(Int64(a.record + 1)), "id": .string(a.id.description), "reason": .string(a.reason)])
                    })
                    print(JSONWriter.string(.object(o)))
                } else {
                    print(summary.text + (anomalies.isEmpty ? "; every event applies" : ""))
                    for a in anomalies.prefix(20) { Failure.printLine("rapport: \(a)") }
                }
                if !anomalies.isEmpty {
                    throw Failure(message: "the log is intact, but \(anomalies.count) records do not fit the rest (first: \(anomalies[0]))",
                                  status: 65)
                }
            } catch let LogError.damaged(path, damage) {
                if json {
                    print(JSONWriter.string(.object([
                        "ok": false, "path": .string(path), "line": .int(Int64(damage.line)),
                        "offset": .int(damage.offset), "reason": .string(damage.reason),
                    ])))
                }
                throw Failure(.damaged(path: path, damage))
            } catch let e as LogError {
                throw Failure(e)
            }
        }
    }
}

/// Hashes every block of the prefix the checkpoint vouches for (opening
/// samples only a few); a checkpoint whose prefix changed is removed, with a
/// note, so that the next start folds the log itself.
private func checkTheCheckpoint(of logPath: String) {
    guard let seal = Checkpoint.Saved(for: logPath)?.seal else { return }
    if case .success(false) = Result(catching: { () throws(LogError) in try LogStore.prefixMatches(seal, path: logPath) }) {
        Checkpoint.remove(for: logPath)
        Failure.printLine("rapport: note: the log's first \(Format.bytes(seal.length)) no longer match its checkpoint; "
            + "the checkpoint (a cache) was removed, and the next start reads the log whole")
    }
}

/// The one-line description of a sound log.
struct LogSummary {
    let path: String
    let records: Int
    let bytes: Int64
    /// The earliest and latest record times (not the first and last
    /// records: a clock set back writes later records with earlier times).
    let first: Timestamp?
    let last: Timestamp?

    init(store: LogStore) {
        path = store.path
        records = store.seen.records
        bytes = store.byteCount
        first = store.seen.earliest
        last = store.seen.latest
    }

    var text: String {
        var s = "ok: \(path): \(Format.grouped(records)) records, \(Format.bytes(bytes))"
        if let first, let last { s += ", \(first) to \(last)" }
        return s
    }

    var json: JSON {
        .object([
            "ok": true, "path": .string(path), "records": .int(Int64(records)), "bytes": .int(bytes),
            "first": first.map { .string($0.description) } ?? .null,
            "last": last.map { .string($0.description) } ?? .null,
        ])
    }
}
