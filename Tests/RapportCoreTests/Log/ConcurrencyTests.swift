import Foundation
import Testing
@testable import RapportCore

/// Several processes append at once; afterwards every record is there
/// exactly once and every line is intact.
@Suite struct ConcurrencyTests {
    @Test func concurrentWritersLoseNothingAndDuplicateNothing() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("shared.log")
        let writers = 4, appendsEach = 400
        let children = try (0..<writers).map { w in
            let child = Process()
            child.executableURL = URL(fileURLWithPath: Products.path("log-stress"))
            child.arguments = [path, "writer\(w)", "\(appendsEach)", dir.file("acks\(w)"), "\(w + 1)"]
            try child.run()
            return child
        }
        // Meanwhile a reader polls and must only ever see whole batches.
        let reader = try LogStore.open(path: path, actor: "reader")
        while children.contains(where: \.isRunning) {
            try reader.refresh()
            #expect(reader.records.last?.endsBatch ?? true)
            usleep(2_000)
        }
        for c in children { #expect(c.terminationStatus == 0) }
        try reader.refresh()

        let store = try LogStore.open(path: path, actor: "check")
        #expect(store.takeNotices().isEmpty)
        #expect(store.records.map(\.id) == reader.records.map(\.id))
        #expect(Set(store.records.map(\.id)).count == store.records.count)
        var acknowledged = 0
        for w in 0..<writers {
            let mine = store.records.filter { $0.actor == "writer\(w)" }
            // Each writer's (batch number, index) pairs appear once each, in order.
            let keys = mine.map { r -> [Int64] in
                let p = (try? store.payload(of: r))?.object
                return [p?["n"]?.int ?? -1, p?["i"]?.int ?? -1]
            }
            #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
            #expect(Set(keys).count == keys.count)
            #expect(Set(keys.map { $0[0] }) == Set((0..<Int64(appendsEach))))
            let ackLines = String(decoding: readBytes(dir.file("acks\(w)")), as: UTF8.self).split(separator: "\n")
            acknowledged += ackLines.reduce(0) { $0 + Int($1.split(separator: " ")[1])! }
        }
        #expect(acknowledged == store.records.count)
    }
}
