// A child process for the crash and concurrency tests.
//
//   log-stress PATH ACTOR COUNT ACKS [SEED [PIECE]]
//
// Appends COUNT batches to the log at PATH (COUNT 0: until killed). Batches
// are mostly single records, sometimes a few, now and then a large one. After
// each append returns (durable), writes "<first id> <record count>\n" to the
// file ACKS with a plain write(2), so the line survives a SIGKILL.
// With PIECE, the log's writes go to the kernel in pieces of at most PIECE
// bytes, as on a slow device, so that a kill often lands inside a batch.
import Foundation
import RapportCore

/// The real file layer, except that writes are cut into small pieces.
struct PiecewiseFileIO: FileIO {
    let real = PosixFileIO()
    let piece: Int

    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int {
        let n = try real.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<min(piece, bytes.count)]), path: path)
        usleep(50)
        return n
    }
    func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemError) -> Int32 { try real.open(path, flags: flags, mode: mode) }
    func close(_ fd: Int32) { real.close(fd) }
    func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64, path: String) throws(SystemError) -> Int {
        try real.read(fd, into: buffer, at: offset, path: path)
    }
    func syncData(_ fd: Int32, path: String) throws(SystemError) { try real.syncData(fd, path: path) }
    func truncate(_ fd: Int32, to length: Int64, path: String) throws(SystemError) { try real.truncate(fd, to: length, path: path) }
    func status(_ fd: Int32, path: String) throws(SystemError) -> FileStatus { try real.status(fd, path: path) }
    func status(path: String) -> FileStatus? { real.status(path: path) }
    func tryLock(_ fd: Int32, exclusive: Bool, path: String) throws(SystemError) -> Bool {
        try real.tryLock(fd, exclusive: exclusive, path: path)
    }
    func unlock(_ fd: Int32) { real.unlock(fd) }
    func makeDirectory(_ path: String, mode: mode_t) throws(SystemError) { try real.makeDirectory(path, mode: mode) }
    func syncDirectory(_ path: String) throws(SystemError) { try real.syncDirectory(path) }
    func startOfFinalHole(_ fd: Int32, from offset: Int64, size: Int64) -> Int64? { real.startOfFinalHole(fd, from: offset, size: size) }
}

/// A small deterministic generator.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}

let args = CommandLine.arguments
guard args.count >= 5, let count = Int(args[3]) else {
    FileHandle.standardError.write(Data("usage: log-stress PATH ACTOR COUNT ACKS [SEED [PIECE]]\n".utf8))
    exit(64)
}
var random = Generator(state: args.count > 5 ? UInt64(args[5]) ?? 1 : UInt64(getpid()))
let io: FileIO = args.count > 6 ? PiecewiseFileIO(piece: max(1, Int(args[6]) ?? 512)) : PosixFileIO()
let ackFD = open(args[4], O_WRONLY | O_CREAT | O_APPEND, 0o600)
guard ackFD >= 0 else { exit(70) }
do {
    let store = try LogStore.open(path: args[1], actor: args[2], io: io)
    var n = 0
    while count == 0 || n < count {
        let roll = random.next() % 100
        let size = roll < 70 ? 1 : roll < 95 ? Int(2 + random.next() % 4) : Int(100 + random.next() % 400)
        let batch = (0..<size).map { i in
            NewRecord(type: "stress.appended", version: 1, payload: .object([
                "n": .int(Int64(n)), "i": .int(Int64(i)), "by": .string(args[2]),
                "text": .string("客户 \(n)-\(i) called back about the 报价 quote"),
            ]))
        }
        let range = try store.append(batch)
        let line = "\(store.records[range.lowerBound].id) \(range.count)\n"
        _ = line.withCString { write(ackFD, $0, strlen($0)) }
        n += 1
    }
} catch {
    FileHandle.standardError.write(Data("log-stress: \(error)\n".utf8))
    exit(1)
}
