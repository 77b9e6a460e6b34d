import Foundation
import Testing
@testable import RapportCore

/// What a crash, an editor or another program may leave at the end of the
/// log: zero bytes, garbage, a blank line, CR LF endings; and the windows
/// the file is read in, which must never change what is found.
@Suite struct TailAndRepairTests {
    /// The outcome of opening a log: its records' payload numbers, or the damage.
    private static func outcome(_ path: String, window: Int) -> String {
        do {
            let store = try LogStore.open(path: path, actor: "li", scanWindow: window)
            return "records \(LogFixtures.numbers(store)) notices \(store.takeNotices().count)"
        } catch {
            return "\(error)"
        }
    }

    @Test func theWindowsTheFileIsReadInNeverChangeWhatIsFound() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let source = dir.file("source.log")
        let store = try LogFixtures.write(source, batches: [1, 3, 1, 2, 1, 1, 4, 1, 1, 2, 1])
        let good = readBytes(source)
        var damaged = good
        damaged[Int(store.records[5].offset) + 30] ^= 0x10
        var damagedLast = good
        damagedLast[Int(store.records.last!.offset) + 30] ^= 0x10
        let shapes: [(String, [UInt8])] = [
            ("good", good), ("damaged", damaged), ("damaged last", damagedLast),
            ("torn", good + Array(good[0..<50])), ("zeros", good + [UInt8](repeating: 0, count: 3000)),
            ("garbage", good + Array("not a record, no newline".utf8)),
        ]
        for (name, bytes) in shapes {
            let path = dir.file("w.log")
            writeBytes(bytes, to: path)
            let whole = Self.outcome(path, window: 1 << 20)
            for window in [64, 200, 511, 1000, 4096] {
                writeBytes(bytes, to: path)
                #expect(Self.outcome(path, window: window) == whole, "\(name), window \(window)")
            }
        }
    }

    /// Zero bytes at the end (a crash on a file system that extends files
    /// before writing them) are found through the file's hole and cut off,
    /// not read into memory and not copied into a side file.
    @Test func aZeroTailIsCutOffWithoutBeingReadOrCopied() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("z.log")
        try LogFixtures.write(path, batches: [1, 2, 1])
        let size = readBytes(path).count
        #expect(truncate(path, off_t(size) + (1 << 30)) == 0)   // a 1 GiB hole
        let store = try LogStore.open(path: path, actor: "li")
        #expect(store.records.count == 4)
        #expect(store.takeNotices() == [.zerosRemoved(offset: Int64(size), bytes: 1 << 30)])
        #expect(readBytes(path).count == size)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["z.log"])
        // Zero bytes written out (no hole) go the same way.
        let fd = open(path, O_WRONLY | O_APPEND)
        _ = [UInt8](repeating: 0, count: 70_000).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let again = try LogStore.open(path: path, actor: "li")
        #expect(again.takeNotices() == [.zerosRemoved(offset: Int64(size), bytes: 70_000)])
        #expect(readBytes(path).count == size)
    }

    @Test func aPartialLineBeforeZerosGoesAsideWithoutTheZeros() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("t.log")
        try LogFixtures.write(path, batches: [1, 1])
        let size = readBytes(path).count
        let fd = open(path, O_WRONLY | O_APPEND)
        _ = Array(#"{"id":"01J"#.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        #expect(truncate(path, off_t(size + 10 + 5000)) == 0)
        let store = try LogStore.open(path: path, actor: "li")
        let notices = store.takeNotices()
        #expect(notices.count == 2)
        guard case .tornTailMovedAside(let offset, let bytes, let side) = notices[0] else {
            Issue.record("no side file: \(notices)")
            return
        }
        #expect(offset == Int64(size) && bytes == 10)
        #expect(readBytes(side) == Array(#"{"id":"01J"#.utf8))
        #expect(notices[1] == .zerosRemoved(offset: Int64(size + 10), bytes: 5000))
    }

    /// A text editor saves a final newline; the log reads on and takes new records.
    @Test func aBlankLineBetweenBatchesIsPassedOver() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("b.log")
        try LogFixtures.write(path, batches: [1, 2])
        writeBytes(readBytes(path) + [0x0A], to: path)
        let store = try LogStore.open(path: path, actor: "li")
        #expect(store.records.count == 3 && store.takeNotices().isEmpty)
        try store.append([LogFixtures.record(3)])
        #expect(LogFixtures.numbers(try LogStore.open(path: path, actor: "li")) == [0, 1, 2, 3])
    }

    /// CR LF endings (an editor on another system) are damage the reader
    /// names; `repair` writes a copy that reads, and leaves the log alone.
    @Test func crlfEndingsAreNamedAndRepairedIntoACopy() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("crlf.log")
        try LogFixtures.write(path, batches: [1, 3, 1])
        let lf = readBytes(path)
        let crlf: [UInt8] = lf.flatMap { (b: UInt8) -> [UInt8] in b == 0x0A ? [0x0D, 0x0A] : [b] } + [0x0D, 0x0A]
        writeBytes(crlf, to: path)
        #expect(performing: { try LogStore.open(path: path, actor: "li") },
                throws: { "\($0)".contains("CR LF") && "\($0)".contains("rapport repair") })
        let report = try LogRepair.repair(path: path)
        #expect(report.records == 5 && report.carriageReturns == 6 && report.blankLines == 1 && report.damage == nil)
        #expect(readBytes(report.output) == lf)
        #expect(readBytes(path) == crlf)   // the original is never touched
        #expect(throws: LogRepair.Failure.self) { try LogRepair.repair(path: path) }   // the copy exists
    }

    @Test func repairKeepsTheSoundPrefixAndSavesTheRestAside() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("d.log")
        let store = try LogFixtures.write(path, batches: [1, 2, 1, 1])
        var bytes = readBytes(path)
        bytes[Int(store.records[3].offset) + 20] ^= 0x01
        writeBytes(bytes, to: path)
        let report = try LogRepair.repair(path: path)
        #expect(report.records == 3 && report.damage?.line == 4)
        #expect(readBytes(report.output) == Array(bytes[0..<Int(store.records[3].offset)]))
        #expect(readBytes(try #require(report.restPath)) == Array(bytes[Int(store.records[3].offset)...]))
        #expect(try LogStore.open(path: report.output, actor: "li").records.count == 3)
    }
}
