import Foundation
@testable import RapportCore

/// Small logs for tests: realistic payloads with Chinese and Latin text.
enum LogFixtures {
    /// A record with a recognisable payload.
    static func record(_ n: Int, type: String = "note.added") -> NewRecord {
        NewRecord(type: type, version: 1, payload: .object([
            "n": .int(Int64(n)),
            "customer": .string("c\(n % 7)"),
            "text": .string("第\(n)次回访 · follow-up \(n): 客户满意 \"quoted\" \\ ok"),
        ]))
    }

    /// Writes `batches` (sizes) to a new log at `path`; returns the store.
    @discardableResult
    static func write(_ path: String, batches: [Int], actor: String = "li") throws -> LogStore {
        let store = try LogStore.open(path: path, actor: actor)
        var n = 0
        for size in batches {
            try store.append((0..<size).map { _ in
                defer { n += 1 }
                return record(n)
            })
        }
        return store
    }

    /// The payload numbers `n` of the store's records, in order.
    static func numbers(_ store: LogStore) -> [Int] {
        store.records.map { r in Int((try? store.payload(of: r))?.object?["n"]?.int ?? -1) }
    }
}
