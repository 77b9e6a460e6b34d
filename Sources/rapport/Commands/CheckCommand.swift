import ArgumentParser
import Foundation
import RapportCore

/// `rapport check`: verifies every record of the log.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: CLIText.fit(say("cli.check.abstract")), discussion: CLIText.fit(say("cli.check.discussion"), width: CLIText.page))

    @OptionGroup var globals: GlobalOptions
    @Flag(name: .long, help: .words(say("cli.check.events"))) var events = false
    @Flag(name: .long, help: .words(say("cli.check.json"))) var json = false

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
                    o["ok"] = .bool(anomalies.isEmpty)   // catalogue: not text
                    o["anomalies"] = .array(anomalies.prefix(1000).map { a in   // catalogue: not text
                        .object(["record": .int(Int64(a.record + 1)), "id": .string(a.id.description), "reason": .string(a.reason)])   // catalogue: not text
                    })
                    print(JSONWriter.string(.object(o)))
                } else {
                    print(summary.text + (anomalies.isEmpty ? say("cli.check.everyEventApplies") : ""))
                    for a in anomalies.prefix(20) { Failure.printLine("rapport: \(a)") }   // catalogue: not text
                }
                if !anomalies.isEmpty {
                    throw Failure(message: say("cli.check.anomalies", anomalies.count, anomalies[0]),
                                  status: 65)
                }
            } catch let LogError.damaged(path, damage) {
                if json {
                    print(JSONWriter.string(.object([   // catalogue: not text
                        "ok": false, "path": .string(path), "line": .int(Int64(damage.line)),   // catalogue: not text
                        "offset": .int(damage.offset), "reason": .string(damage.reason),   // catalogue: not text
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
        Failure.printLine(say("cli.check.checkpointRemoved", Format.bytes(seal.length)))
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
        var s = say("cli.check.ok", path, Format.grouped(records), Format.bytes(bytes))
        if let first, let last { s += say("cli.check.span", first, last) }
        return s
    }

    var json: JSON {
        .object([   // catalogue: not text
            "ok": true, "path": .string(path), "records": .int(Int64(records)), "bytes": .int(bytes),   // catalogue: not text
            "first": first.map { .string($0.description) } ?? .null,   // catalogue: not text
            "last": last.map { .string($0.description) } ?? .null,   // catalogue: not text
        ])
    }
}
