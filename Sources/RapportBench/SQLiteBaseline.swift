import ChildProcess
import Foundation
import RapportCore

/// The same rows in SQLite, loaded by the sqlite3 command: the comparison
/// for opening the log.
enum SQLiteBaseline {
    /// Median milliseconds (and peak memory) for `sqlite3` to read every row
    /// and column of the log's records, kept in `logPath`.sqlite; NaN when
    /// sqlite3 is not installed.
    static func load(logPath: String, say: (String) -> Void) throws -> (ms: Double, rssMB: Double) {
        guard let sqlite = Measure.which("sqlite3") else {
            say("sqlite3 is not installed: skipping the SQLite comparison")
            return (.nan, .nan)
        }
        let db = logPath.replacingOccurrences(of: ".log", with: "") + ".sqlite"
        if !FileManager.default.fileExists(atPath: db) {
            say("loading the records of \((logPath as NSString).lastPathComponent) into SQLite …")
            try build(db: db, from: logPath, sqlite: sqlite)
        }
        var samples: [Double] = [], rss = 0.0
        for _ in 0..<5 {
            let r = try Measure.run(sqlite, [db, "SELECT id, time, actor, type, v, data FROM records"])
            precondition(r.status == 0, "sqlite3 failed")
            samples.append(r.ms)
            rss = max(rss, r.rssMB)
        }
        return (Measure.median(samples), rss)
    }

    /// Writes the log's records as unit- and record-separated rows and imports them.
    private static func build(db: String, from logPath: String, sqlite: String) throws {
        let store = try LogStore.open(path: logPath, actor: "bench", create: false)
        var rows = [UInt8]()
        rows.reserveCapacity(Int(store.byteCount))
        for r in store.records {
            for (i, field) in [r.id.description, r.time.description, r.actor, r.type, String(r.version), store.payloadText(of: r)].enumerated() {
                if i > 0 { rows.append(0x1F) }
                rows += Array(field.utf8)
            }
            rows.append(0x1E)
        }
        let rowsPath = db + ".rows"
        _ = FileManager.default.createFile(atPath: rowsPath, contents: Data(rows))
        defer { try? FileManager.default.removeItem(atPath: rowsPath) }
        let script = """
            CREATE TABLE records(id TEXT PRIMARY KEY, time TEXT, actor TEXT, type TEXT, v INTEGER, data TEXT);
            .mode ascii
            .import '\(rowsPath)' records
            """
        let tmp = db + ".partial"
        try? FileManager.default.removeItem(atPath: tmp)
        let scriptPath = db + ".sql"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        let built = try ChildProcess.run(sqlite, [tmp], environment: ProcessInfo.processInfo.environment, input: scriptPath)
        guard built.status == 0 else { throw BenchError("building the SQLite baseline failed: \(built.err)") }
        try FileManager.default.moveItem(atPath: tmp, toPath: db)
    }
}
