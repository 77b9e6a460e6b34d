import Foundation

/// The append-only event log on disk: one verified record per line.
///
/// Opening reads and verifies every record. Appends are serialised between
/// processes by an advisory lock on the file, made durable (fdatasync) before
/// they return, and all-or-nothing per batch. A process can cheaply pick up
/// what others appended (`refresh`). Not thread-safe: one owner at a time.
public final class LogStore {
    /// The log file.
    public let path: String
    /// The records read into memory, in log order: all of them, or those
    /// after a sealed prefix (`baseRecordCount`) or after `releaseRecords`.
    public internal(set) var records: [Record] = []
    /// How many records precede `records[0]`.
    public internal(set) var baseRecordCount = 0
    /// All records in the log, read into memory or not.
    public var recordCount: Int { baseRecordCount + records.count }
    /// Who appends.
    public var actor: String
    /// The file offset after the last complete batch.
    public internal(set) var byteCount: Int64 = 0
    /// Whether the log could only be opened for reading.
    public let isReadOnly: Bool

    /// How a writer waits for the lock another process holds.
    public var lockPolicy = LockPolicy()
    /// Bytes read from the file at a time.
    var scanWindow = LogStore.defaultScanWindow
    /// Whether records read stay in memory (false: `rapport check` streams).
    let keepsRecords: Bool
    /// The records verified since opening, read into memory or not.
    public internal(set) var seen = RecordTally()

    let io: FileIO
    var chunks: [LogChunk] = []
    var fd: Int32
    var identity: FileStatus
    var context = ScanContext()
    var pendingNotices: [LogNotice] = []
    private var randomState = SystemRandomNumberGenerator()

    /// The largest record line accepted.
    public static let maximumRecordBytes = 16 << 20

    // MARK: - Opening

    /// Opens (and, with `create`, creates with mode 0600) the log at `path`,
    /// verifying every record. A torn tail is moved aside (see `takeNotices`).
    ///
    /// With a `seal` (from a checkpoint), the prefix it covers is checked
    /// block by block against its checksums and its records are not read;
    /// `LogError.sealBroken` means the prefix changed and the seal is of no use.
    ///
    /// `streaming` keeps only the last window of records in memory: the
    /// rest are verified and counted (`seen`), then let go.
    public static func open(path: String, actor: String, io: FileIO = PosixFileIO(), create: Bool = true,
                            trusting seal: PrefixSeal? = nil, scanWindow: Int = LogStore.defaultScanWindow,
                            streaming: Bool = false) throws(LogError) -> LogStore {
        let (fd, readOnly, created) = try openFile(path, io: io, create: create)
        let store: LogStore
        do {
            if created { try io.syncDirectory(directory(of: path)) }
            store = try LogStore(path: path, actor: actor, io: io, fd: fd, readOnly: readOnly, keepsRecords: !streaming)
            store.scanWindow = scanWindow
        } catch {
            io.close(fd)
            throw .system(error)
        }
        // From here the store owns the descriptor: its deinit closes it.
        if let seal { try store.verify(seal) }
        try store.loadAll()
        return store
    }

    private init(path: String, actor: String, io: FileIO, fd: Int32, readOnly: Bool, keepsRecords: Bool) throws(SystemError) {
        self.path = path
        self.keepsRecords = keepsRecords
        self.actor = actor
        self.io = io
        self.fd = fd
        self.isReadOnly = readOnly
        self.identity = try io.status(fd, path: path)
    }

    deinit { if fd >= 0 { io.close(fd) } }

    private static func openFile(_ path: String, io: FileIO, create: Bool) throws(LogError) -> (Int32, Bool, Bool) {
        do {
            return (try io.open(path, flags: O_RDWR | O_APPEND, mode: 0), false, false)
        } catch let e where e.code == ENOENT {
            guard create else { throw .missing(path: path) }
            do {
                try makeDirectories(directory(of: path), io: io)
                return (try io.open(path, flags: O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600), false, true)
            } catch let e where e.code == EEXIST {
                return try openFile(path, io: io, create: false)
            } catch {
                throw .system(error)
            }
        } catch let e where e.code == EACCES || e.code == EROFS {
            do {
                return (try io.open(path, flags: O_RDONLY, mode: 0), true, false)
            } catch let e where e.code == EACCES || e.code == EPERM {
                throw .unreadable(path: path)
            } catch {
                throw .system(error)
            }
        } catch {
            throw .system(error)
        }
    }

    private static func makeDirectories(_ dir: String, io: FileIO) throws(SystemError) {
        guard !dir.isEmpty, io.status(path: dir) == nil else { return }
        let parent = directory(of: dir)
        if parent != dir { try makeDirectories(parent, io: io) }
        try io.makeDirectory(dir, mode: 0o700)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Reads and verifies the whole file; recovers a torn tail under the lock.
    ///
    /// The bulk read takes no lock, so that opening never holds up writers.
    /// Under the shared lock (no write or sync in progress) it then checks
    /// that what it read still stands: a batch whose sync failed is cut back
    /// by its writer, and must not be taken as written. Damage is confirmed
    /// by a second read. When another process holds the lock for long (a
    /// writer stopped with Ctrl-Z), what it read is taken as it is: complete
    /// batches, written under that lock.
    private func loadAll() throws(LogError) {
        let start = byteCount, initial = context
        var result = try scanFrom(start, context: initial)
        let locked = try lockForReading(patience: Self.readerPatience) == .locked
        defer { if locked { io.unlock(fd) } }
        if case .damaged = result.ending {
            result = try scanFrom(start, context: initial)
        } else if locked, !(try stillStands(result)) {
            result = try scanFrom(start, context: initial)
        }
        try accept(result)
        // Converting the shared lock to the write lock never waits: if another
        // process is writing, the unfinished bytes may be its write in progress.
        if case .unfinished = result.ending, locked { try recoverTail(locked: false) }
    }

    /// How long a reader waits for a running writer to let go of the lock
    /// before reading without it.
    public static let readerPatience = 10.0

    /// Whether the file still holds the last record `result` accepted, byte for byte.
    private func stillStands(_ result: FileScan) throws(LogError) -> Bool {
        guard let last = result.records.last, let chunk = result.chunks.last else { return true }
        guard try status().size >= result.goodEnd else { return false }
        let start = Int(last.offset - chunk.fileOffset)
        let expected = chunk.bytes[start..<start + Int(last.length)]
        do {
            return try io.readFully(fd, count: Int(last.length), at: last.offset, path: path)[...] == expected
        } catch {
            throw .system(error)
        }
    }

    // MARK: - Sealed prefixes

    /// Checks a seal against the file; on success the store continues after the prefix it covers.
    ///
    /// Not every block is hashed again: the first, the last (where the
    /// record chain continues) and `PrefixSeal.sampledBlocks` others chosen
    /// at random each time, so that opening costs the same whatever the
    /// log's size. The log only grows; a change inside the prefix would be
    /// someone else's edit or a failing disk, which `rapport check` (every
    /// block) finds, and sampling on every start finds soon after.
    private func verify(_ seal: PrefixSeal) throws(LogError) {
        let blocks = seal.blockHashes.count
        guard try status().size >= seal.length, blocks == PrefixSeal.blocks(seal.length) else {
            throw .sealBroken(path: path)
        }
        var chosen: Set<Int> = blocks == 0 ? [] : [0, blocks - 1]
        while chosen.count < min(blocks, PrefixSeal.sampledBlocks + 2) { chosen.insert(Int.random(in: 0..<blocks, using: &randomState)) }
        for i in chosen {
            let hash: [UInt64]
            do { hash = try io.blockHashes(fd, length: seal.length, blocks: i..<i + 1, path: path) } catch { throw .system(error) }
            guard hash == [seal.blockHashes[i]] else { throw .sealBroken(path: path) }
        }
        byteCount = seal.length
        baseRecordCount = seal.recordCount
        context = ScanContext(firstLine: seal.recordCount + 1, previousChecksum: seal.lastChecksum, lastID: seal.lastID)
    }

    /// Whether every block of the prefix a seal covers still hashes as
    /// sealed in the log at `path` (`rapport check`); read only.
    public static func prefixMatches(_ seal: PrefixSeal, path: String, io: FileIO = PosixFileIO()) throws(LogError) -> Bool {
        do {
            let fd = try io.open(path, flags: O_RDONLY, mode: 0)
            defer { io.close(fd) }
            guard try io.status(fd, path: path).size >= seal.length, seal.blockHashes.count == PrefixSeal.blocks(seal.length) else {
                return false
            }
            return try io.blockHashes(fd, length: seal.length, blocks: 0..<seal.blockHashes.count, path: path) == seal.blockHashes
        } catch {
            throw .system(error)
        }
    }

    /// A seal of everything read so far, reusing the checksums of whole
    /// blocks an earlier seal already covers.
    public func seal(reusing earlier: PrefixSeal? = nil) throws(LogError) -> PrefixSeal {
        let blocks = PrefixSeal.blocks(byteCount)
        var reused: [UInt64] = []
        if let earlier, earlier.length <= byteCount {
            reused = Array(earlier.blockHashes.prefix(Int(earlier.length / Int64(PrefixSeal.blockSize))))
        }
        do {
            let rest = try io.blockHashes(fd, length: byteCount, blocks: reused.count..<blocks, path: path)
            return PrefixSeal(length: byteCount, recordCount: recordCount, lastChecksum: context.previousChecksum,
                              lastID: context.lastID, blockHashes: reused + rest)
        } catch {
            throw .system(error)
        }
    }

    /// Drops the records (and their bytes) read into memory so far; they
    /// stay readable one by one with `readRecord(atOffset:)`.
    public func releaseRecords() {
        baseRecordCount += records.count
        records = []
        chunks = []
    }

    /// Reads, verifies and decodes the record whose line starts at `offset`.
    public func readRecord(atOffset offset: Int64) throws -> (record: Record, payload: JSON) {
        guard offset >= 0, offset < byteCount else { throw LogError.changedUnderneath(path: path) }
        var length = 4096
        while true {
            let count = Int(min(Int64(length), byteCount - offset))
            let bytes = try Result { () throws(SystemError) in try io.readFully(fd, count: count, at: offset, path: path) }
                .mapError(LogError.system).get()
            guard let newline = bytes.firstIndex(of: 0x0A) else {
                guard count == length else { throw LogError.changedUnderneath(path: path) }
                length *= 4
                continue
            }
            var decoder = RecordDecoder()
            let decoded = bytes.withUnsafeBytes { decoder.decode(line: UnsafeRawBufferPointer(rebasing: $0[0..<newline]), offset: offset) }
            guard case .success(let r) = decoded else {
                throw LogError.damaged(path: path, LogDamage(line: 0, offset: offset) {
                    if Language.reading != .en, case .failure(let d) = decoded { return d.description }
                    return "\(decoded)"
                })
            }
            let start = Int(r.payloadStart)
            let payload = try bytes.withUnsafeBytes { raw in
                try JSONScanner.parse(UnsafeRawBufferPointer(rebasing: raw[start..<start + Int(r.payloadLength)]))
            }
            return (r, payload)
        }
    }

    // MARK: - Payloads

    /// Calls `body` with the JSON bytes of `record`'s payload.
    public func withPayload<T>(of record: Record, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let chunk = chunk(holding: record.offset)
        let start = Int(record.offset - chunk.fileOffset) + Int(record.payloadStart)
        return try chunk.bytes.withUnsafeBytes { all in
            try body(UnsafeRawBufferPointer(rebasing: all[start..<start + Int(record.payloadLength)]))
        }
    }

    /// The payload of `record`, parsed.
    public func payload(of record: Record) throws(JSONSyntaxError) -> JSON {
        let result = withPayload(of: record) { raw in Result { () throws(JSONSyntaxError) in try JSONScanner.parse(raw) } }
        return try result.get()
    }

    /// The payload's JSON text.
    public func payloadText(of record: Record) -> String {
        withPayload(of: record) { String(decoding: $0, as: UTF8.self) }
    }

    /// The whole line of `record` as written, without its newline.
    public func line(of record: Record) -> String {
        let chunk = chunk(holding: record.offset)
        let start = Int(record.offset - chunk.fileOffset)
        return String(decoding: chunk.bytes[start..<start + Int(record.length) - 1], as: UTF8.self)
    }

    /// The last chunk that starts at or before `offset`.
    private func chunk(holding offset: Int64) -> LogChunk {
        var lo = 0, hi = chunks.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if chunks[mid].fileOffset <= offset { lo = mid } else { hi = mid - 1 }
        }
        return chunks[lo]
    }

    // MARK: - Reading what others appended

    /// Reads what other processes appended since the last read; returns the
    /// positions of the new records in `records`.
    ///
    /// Reads under the shared lock, which waits out an append in progress:
    /// what it sees has been synced (or was cut back after a failed sync).
    /// With `patience` 0 it never waits: while a running writer holds the
    /// lock it reads nothing (call again later); when the holder is stopped
    /// (Ctrl-Z) it reads the complete batches without the lock.
    @discardableResult
    public func refresh(patience: Double = LogStore.readerPatience) throws(LogError) -> Range<Int> {
        let before = records.count
        try checkIdentity()
        guard try status().size != byteCount else { return before..<before }
        let access = try lockForReading(patience: patience)
        guard access != .busy else { return before..<before }
        defer { if access == .locked { io.unlock(fd) } }
        try accept(try scanFrom(byteCount, context: context))
        return before..<records.count
    }

    /// Notices (such as a torn tail moved aside) not yet reported; clears them.
    public func takeNotices() -> [LogNotice] {
        defer { pendingNotices = [] }
        return pendingNotices
    }

    // MARK: - Appending

    /// Appends one batch durably; returns the positions of its records.
    @discardableResult
    public func append(_ batch: [NewRecord]) throws(LogError) -> Range<Int> {
        try append(batches: [batch])
    }

    /// Appends several batches with one write and one sync (a group commit):
    /// each stays its own all-or-nothing unit; if the write fails, none is kept.
    @discardableResult
    public func append(batches: [[NewRecord]]) throws(LogError) -> Range<Int> {
        do {
            return try transact(batches: { _ in batches })
        } catch let e as LogError {
            throw e
        } catch {
            preconditionFailure("append only throws LogError")   // catalogue: not text
        }
    }

    /// Takes the write lock, reads what others appended (their positions are
    /// passed to `build`), asks `build` for a batch and appends it durably.
    /// Whatever `build` throws is rethrown with nothing written.
    @discardableResult
    public func transact(_ build: (_ caughtUp: Range<Int>) throws -> [NewRecord]) throws -> Range<Int> {
        try transact(batches: { caughtUp in [try build(caughtUp)] })
    }

    /// `transact` for a group of batches committed with one sync.
    @discardableResult
    public func transact(batches build: (_ caughtUp: Range<Int>) throws -> [[NewRecord]]) throws -> Range<Int> {
        guard !isReadOnly else { throw LogError.readOnly(path: path) }
        if fd < 0 { try reopen() }
        try lockForWriting()
        defer { if fd >= 0 { io.unlock(fd) } }
        try checkIdentity()
        let before = records.count
        if try status().size != byteCount {
            try accept(try scanFrom(byteCount, context: context))
            if byteCount != (try status().size) { try recoverTail(locked: true) }
        }
        let batches = try build(before..<records.count).filter { !$0.isEmpty }
        guard !batches.isEmpty else { return records.count..<records.count }
        return try write(batches)
    }

    private func write(_ batches: [[NewRecord]]) throws(LogError) -> Range<Int> {
        let total = batches.reduce(0) { $0 + $1.count }
        var bytes = [UInt8]()
        bytes.reserveCapacity(total * 220)
        var prev = context.previousChecksum
        var lastID = context.lastID
        let now = Timestamp.now()
        for batch in batches {
            for (i, record) in batch.enumerated() {
                let time = record.time ?? now
                let id = RecordID.next(at: time, after: lastID, random: UInt128(randomState.next()) << 64 | UInt128(randomState.next()))
                let start = bytes.count
                prev = RecordCodec.encode(record, .init(
                    id: id, time: time, actor: record.actor ?? actor, batchIndex: i + 1, batchCount: batch.count,
                    previousChecksum: prev), into: &bytes)
                lastID = id
                guard bytes.count - start <= Self.maximumRecordBytes else { throw .recordTooLarge(bytes: bytes.count - start) }
            }
        }
        do {
            try io.writeAll(fd, bytes, path: path)
        } catch {
            rollBack(using: fd)
            throw .notDurable(error)
        }
        do {
            try io.syncData(fd, path: path)
        } catch {
            // Linux reports a failed writeback once and then forgets it: this
            // handle can no longer be trusted. Undo through a fresh one.
            abandonHandle()
            throw .notDurable(error)
        }
        let chunk = LogChunk(bytes: bytes, fileOffset: byteCount)
        let result = LogScan.scan(chunk, context: context)
        precondition(result.ending == .clean && result.records.count == total, "encoded batch does not verify")   // catalogue: not text
        return try accept(FileScan(result))
    }

    /// Cuts a failed write back off the file; poisons the handle if that fails.
    func rollBack(using handle: Int32) {
        do {
            try io.truncate(handle, to: byteCount, path: path)
        } catch {
            abandonHandle()
        }
    }

    /// Drops the current handle after a failed sync: truncates the unsynced
    /// batch through a new handle and syncs that; the next append reopens.
    private func abandonHandle() {
        if let fresh = try? io.open(path, flags: O_RDWR | O_APPEND, mode: 0) {
            if (try? io.truncate(fresh, to: byteCount, path: path)) != nil {
                try? io.syncData(fresh, path: path)
            }
            io.close(fresh)
        }
        io.unlock(fd)
        io.close(fd)
        fd = -1
    }

    private func reopen() throws(LogError) {
        do {
            fd = try io.open(path, flags: O_RDWR | O_APPEND, mode: 0)
            identity = try io.status(fd, path: path)
        } catch {
            throw .system(error)
        }
    }
}
