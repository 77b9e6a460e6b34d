import Foundation
import Testing
@testable import RapportCore

@Suite struct LogStoreTests {
    @Test func appendedRecordsComeBackInOrderAfterReopening() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("a.log")
        let store = try LogFixtures.write(path, batches: [1, 3, 1, 2])
        #expect(store.records.count == 7)
        let again = try LogStore.open(path: path, actor: "wang")
        #expect(LogFixtures.numbers(again) == Array(0..<7))
        #expect(again.records.map(\.id) == store.records.map(\.id))
        #expect(again.records.map(\.actor) == Array(repeating: "li", count: 7))
        #expect(zip(again.records, again.records.dropFirst()).allSatisfy { $0.id < $1.id })
        #expect(again.byteCount == Int64(readBytes(path).count))
        #expect(again.takeNotices().isEmpty)
    }

    @Test func aBatchIsMarkedSoThatItCountsAsOneUnit() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("b.log")
        let store = try LogFixtures.write(path, batches: [1, 3])
        #expect(store.records.map(\.batchIndex) == [1, 1, 2, 3])
        #expect(store.records.map(\.batchCount) == [1, 3, 3, 3])
        // Cut anywhere inside the batch: none of it survives, the record before does.
        let bytes = readBytes(path)
        let batchStart = Int(store.records[1].offset)
        for cut in stride(from: batchStart + 1, to: bytes.count, by: 7) {
            let copy = dir.file("cut.log")
            writeBytes(Array(bytes[0..<cut]), to: copy)
            let reopened = try LogStore.open(path: copy, actor: "li")
            #expect(LogFixtures.numbers(reopened) == [0])
            try? FileManager.default.removeItem(atPath: copy)
            for side in try FileManager.default.contentsOfDirectory(atPath: dir.path) where side.contains("torn") {
                try FileManager.default.removeItem(atPath: dir.file(side))
            }
        }
    }

    @Test func aNewLogIsPrivateAndItsDirectoriesAreCreated() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("x/y/rapport.log")
        _ = try LogStore.open(path: path, actor: "li")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let dirAttributes = try FileManager.default.attributesOfItem(atPath: dir.file("x/y"))
        #expect((dirAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(throws: LogError.missing(path: dir.file("none.log"))) {
            try LogStore.open(path: dir.file("none.log"), actor: "li", create: false)
        }
    }

    @Test func refreshSeesWhatAnotherWriterAppendedButNeverHalfARecord() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("r.log")
        let reader = try LogFixtures.write(path, batches: [2])
        let writer = try LogStore.open(path: path, actor: "zhao")
        #expect(try reader.refresh().isEmpty)
        try writer.append([LogFixtures.record(2)])
        #expect(try reader.refresh() == 2..<3)
        #expect(reader.records.last?.actor == "zhao")
        // A write in progress: half a line, then a batch missing its last record.
        let full = readBytes(path)
        try writer.append([LogFixtures.record(3), LogFixtures.record(4)])
        let withBatch = readBytes(path)
        let secondLineEnd = withBatch[full.count...].firstIndex(of: 0x0A)! + 1
        let fd = open(path, O_WRONLY | O_TRUNC)
        _ = withBatch.withUnsafeBytes { write(fd, $0.baseAddress, secondLineEnd + 10) }
        #expect(try reader.refresh().isEmpty)          // first record of the batch complete: still not visible
        _ = withBatch.withUnsafeBytes { write(fd, $0.baseAddress! + secondLineEnd + 10, withBatch.count - secondLineEnd - 10) }
        close(fd)
        #expect(try reader.refresh() == 3..<5)
        #expect(LogFixtures.numbers(reader) == [0, 1, 2, 3, 4])
    }

    @Test func aTornTailIsMovedAsideAndReportedOnce() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("t.log")
        try LogFixtures.write(path, batches: [1, 1, 1])
        let good = readBytes(path)
        let torn = Array(#"{"id":"01M83TNE45B5RKJPPTYPRQEJGK","time":"2026-1"#.utf8)
        writeBytes(good + torn, to: path)
        let store = try LogStore.open(path: path, actor: "li")
        let notices = store.takeNotices()
        let side = "\(path).torn-\(good.count)"
        #expect(notices == [.tornTailMovedAside(offset: Int64(good.count), bytes: torn.count, sidePath: side)])
        #expect(store.takeNotices().isEmpty)
        #expect(Bool(readBytes(path) == good))
        #expect(Bool(readBytes(side) == torn))
        #expect(store.records.count == 3)
        // Appending continues the chain from the last good record.
        try store.append([LogFixtures.record(3)])
        let again = try LogStore.open(path: path, actor: "li")
        #expect(LogFixtures.numbers(again) == [0, 1, 2, 3])
        #expect(again.takeNotices().isEmpty)
    }

    @Test func damageBeforeTheEndStopsWithItsPositionAndChangesNothing() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("d.log")
        let store = try LogFixtures.write(path, batches: [1, 1, 1, 1])
        var bytes = readBytes(path)
        let third = store.records[2]
        bytes[Int(third.offset) + 40] ^= 0x04
        writeBytes(bytes, to: path)
        #expect(throws: LogError.damaged(path: path, LogDamage(
            line: 3, offset: third.offset, reason: "checksum mismatch (the line was altered)"))) {
            try LogStore.open(path: path, actor: "li")
        }
        #expect(Bool(readBytes(path) == bytes))
    }

    @Test func aMissingOrMovedLineBreaksTheChain() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("m.log")
        let store = try LogFixtures.write(path, batches: [1, 1, 1, 1])
        let bytes = readBytes(path)
        let lines = store.records.map { Array(bytes[Int($0.offset)..<Int($0.offset) + Int($0.length)]) }
        writeBytes(lines[0] + lines[2] + lines[3], to: path)
        #expect(throws: LogError.damaged(path: path, LogDamage(
            line: 2, offset: Int64(lines[0].count),
            reason: "record out of place: the checksum chain is broken (a record before it is missing or moved)"))) {
            try LogStore.open(path: path, actor: "li")
        }
        writeBytes(lines[0] + lines[2] + lines[1] + lines[3], to: path)
        #expect(throws: LogError.self) { try LogStore.open(path: path, actor: "li") }
    }

    @Test func aLogThatCannotBeWrittenIsStillReadable() throws {
        guard geteuid() != 0 else { return }   // root writes anyway
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("ro.log")
        try LogFixtures.write(path, batches: [1])
        chmod(path, 0o400)
        let store = try LogStore.open(path: path, actor: "li")
        #expect(store.isReadOnly && store.records.count == 1)
        #expect(throws: LogError.readOnly(path: path)) { try store.append([LogFixtures.record(1)]) }
    }
}
