import Foundation
import Testing
@testable import RapportCore

/// Cut a valid log at every byte offset: reopening keeps exactly the whole
/// batches before the cut and never reports corruption.
@Suite struct TruncationTests {
    @Test func everyCutKeepsExactlyTheWholeBatchesBeforeIt() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let source = dir.file("source.log")
        let store = try LogFixtures.write(source, batches: [1, 2, 1, 3, 1, 1, 4, 1])
        let bytes = readBytes(source)
        // The byte offset at which each batch ends, and the records it brings the total to.
        var batchEnds: [(end: Int, count: Int)] = [(0, 0)]
        for (i, r) in store.records.enumerated() where r.endsBatch {
            batchEnds.append((Int(r.offset) + Int(r.length), i + 1))
        }
        let path = dir.file("cut.log")
        for cut in 0...bytes.count {
            writeBytes(Array(bytes[0..<cut]), to: path)
            let expected = batchEnds.last { $0.end <= cut }!
            let reopened = try LogStore.open(path: path, actor: "li")
            #expect(reopened.records.count == expected.count, "cut at \(cut)")
            #expect(LogFixtures.numbers(reopened) == Array(0..<expected.count))
            let notices = reopened.takeNotices()
            if cut == expected.end {
                #expect(notices.isEmpty)
            } else {
                #expect(notices.count == 1, "cut at \(cut) should report the torn tail")
                if case .tornTailMovedAside(let offset, let count, let side) = notices.first {
                    #expect(offset == Int64(expected.end) && count == cut - expected.end)
                    #expect(Bool(readBytes(side) == Array(bytes[expected.end..<cut])))
                    try FileManager.default.removeItem(atPath: side)
                }
            }
            #expect(Bool(readBytes(path) == Array(bytes[0..<expected.end])))
        }
    }
}

/// The parallel decoder splits the bytes into ranges; wherever the splits
/// fall (inside a line, on a newline, in damage), the result is the same.
@Suite struct ParallelScanTests {
    @Test func everySplitOfTheBytesScansAlike() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("p.log")
        let store = try LogFixtures.write(path, batches: [1, 3, 1, 2, 1, 1, 4, 1, 1])
        let good = readBytes(path)
        var damaged = good
        damaged[Int(store.records[5].offset) + 30] ^= 0x10
        let torn = good + Array(good[0..<50])
        for bytes in [good, damaged, torn, Array(good[0..<good.count - 1]), []] {
            let single = LogScan.scan(LogChunk(bytes: bytes, fileOffset: 100), context: ScanContext(), ranges: 1)
            for ranges in 2...23 {
                let split = LogScan.scan(LogChunk(bytes: bytes, fileOffset: 100), context: ScanContext(), ranges: ranges)
                #expect(split.records.map(\.id) == single.records.map(\.id), "\(ranges) ranges")
                #expect(split.records.map(\.offset) == single.records.map(\.offset))
                #expect(split.goodEnd == single.goodEnd && split.ending == single.ending, "\(ranges) ranges")
            }
        }
    }
}
