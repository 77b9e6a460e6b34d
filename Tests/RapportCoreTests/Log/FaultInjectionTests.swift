import Foundation
import Testing
@testable import RapportCore

/// Disk full and I/O errors on write and on fdatasync, through a file layer
/// the test controls.
@Suite struct FaultInjectionTests {
    @Test func aFullDiskRefusesTheAppendKeepsEarlierRecordsAndRecovers() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("full.log")
        let io = FaultyFileIO()
        let store = try LogStore.open(path: path, actor: "li", io: io)
        try store.append([LogFixtures.record(0)])
        let before = readBytes(path)
        io.spaceLeft = 100   // half a record fits
        #expect {
            try store.append([LogFixtures.record(1), LogFixtures.record(2)])
        } throws: { error in
            guard case LogError.notDurable(let e) = error else { return false }
            return e.code == ENOSPC && "\(error)".contains("the disk is full")
        }
        #expect(Bool(readBytes(path) == before))      // the partial write was cut off again
        #expect(store.records.count == 1)
        io.spaceLeft = nil                      // space is back
        try store.append([LogFixtures.record(3)])
        let reopened = try LogStore.open(path: path, actor: "li")
        #expect(LogFixtures.numbers(reopened) == [0, 3])
        #expect(reopened.takeNotices().isEmpty)
    }

    @Test func anIOErrorOnWriteIsReportedInWords() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("eio.log")
        let io = FaultyFileIO()
        let store = try LogFixtures.write(path, batches: [1])
        _ = store
        let writer = try LogStore.open(path: path, actor: "li", io: io)
        io.failWrites = EIO
        #expect {
            try writer.append([LogFixtures.record(1)])
        } throws: { error in
            "\(error)".contains("input/output error") && "\(error)".contains("the change was not saved")
        }
        io.failWrites = nil
        try writer.append([LogFixtures.record(2)])
        #expect(LogFixtures.numbers(try LogStore.open(path: path, actor: "li")) == [0, 2])
    }

    @Test func aFailedSyncIsNeverTakenForSuccess() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("sync.log")
        let io = FaultyFileIO()
        let store = try LogStore.open(path: path, actor: "li", io: io)
        try store.append([LogFixtures.record(0)])
        let before = readBytes(path)
        io.failSyncs = EIO
        let syncsBefore = io.syncCalls
        #expect {
            try store.append([LogFixtures.record(1)])
        } throws: { error in
            guard case LogError.notDurable(let e) = error else { return false }
            return e.operation == "fdatasync"
        }
        // Not acknowledged, not kept, not in memory; the handle was dropped
        // rather than synced again as if the data had reached the disk.
        #expect(store.records.count == 1)
        #expect(Bool(readBytes(path) == before))
        #expect(io.syncCalls - syncsBefore <= 2)
        io.failSyncs = nil
        try store.append([LogFixtures.record(2)])
        let reopened = try LogStore.open(path: path, actor: "li")
        #expect(LogFixtures.numbers(reopened) == [0, 2])
    }

    @Test func aReaderNeverTakesInABatchWhoseSyncFailed() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("phantom.log")
        let io = FaultyFileIO()
        let writer = try LogStore.open(path: path, actor: "li", io: io)
        try writer.append([LogFixtures.record(0)])
        let readerBox = UnsafeSendableBox(try LogStore.open(path: path, actor: "wang"))
        let openedDuringSync = UnsafeSendableBox<LogStore?>(nil)
        let done = DispatchSemaphore(value: 0)
        io.failSyncs = EIO
        let fired = UnsafeSendableBox(false)
        io.duringSync = {
            // The batch is written but not synced: a reader polling now, and a
            // process opening the log now, must wait and then not see it.
            // Once only: a later sync (the rewind) must not start a reader that
            // outlives the test and makes its folder again.
            guard !fired.value else { return }
            fired.value = true
            DispatchQueue.global().async {
                _ = try? readerBox.value.refresh()
                openedDuringSync.value = try? LogStore.open(path: path, actor: "zhao")
                done.signal()
            }
            usleep(100_000)
        }
        #expect(throws: LogError.self) { try writer.append([LogFixtures.record(1)]) }
        done.wait()
        #expect(LogFixtures.numbers(readerBox.value) == [0])
        #expect(openedDuringSync.value.map(LogFixtures.numbers) == [0])
    }

    @Test func aStoreThatLostItsHandleRereadsWhatOthersWrote() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("reread.log")
        let io = FaultyFileIO()
        let store = try LogStore.open(path: path, actor: "li", io: io)
        io.failSyncs = EIO
        #expect(throws: LogError.self) { try store.append([LogFixtures.record(0)]) }
        io.failSyncs = nil
        let other = try LogStore.open(path: path, actor: "zhao")
        try other.append([LogFixtures.record(1)])
        try store.append([LogFixtures.record(2)])
        #expect(LogFixtures.numbers(store) == [1, 2])
        #expect(store.records.map(\.actor) == ["zhao", "li"])
    }
}
