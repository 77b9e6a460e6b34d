import Foundation

/// What a scan of the log file from some offset found.
struct FileScan {
    /// The bytes read that the accepted records lie in.
    var chunks: [LogChunk] = []
    /// The records of every complete batch, in log order.
    var records: [Record] = []
    /// The file offset just after the last complete batch.
    var goodEnd: Int64
    /// The context to continue from `goodEnd`.
    var context: ScanContext
    /// What follows `goodEnd`.
    var ending: ScanEnding = .clean
    /// Every record of every complete batch, counted (kept or not).
    var seen = RecordTally()

    init(goodEnd: Int64, context: ScanContext) {
        self.goodEnd = goodEnd
        self.context = context
    }

    /// The scan of one run of bytes already in memory.
    init(_ r: ScanResult) {
        chunks = r.records.isEmpty ? [] : [r.chunk]
        records = r.records
        goodEnd = r.goodEnd
        context = r.context
        ending = r.ending
        seen.count(r.records)
    }
}

/// How many records a scan verified, and the earliest and latest of their
/// times (not the first and last records': a clock set back writes later
/// records with earlier times).
public struct RecordTally: Sendable {
    /// The records.
    public private(set) var records = 0
    /// The earliest and latest record times; nil before any record.
    public private(set) var earliest: Timestamp?
    public private(set) var latest: Timestamp?

    mutating func merge(_ other: RecordTally) {
        records += other.records
        if let e = other.earliest, earliest.map({ e < $0 }) ?? true { earliest = e }
        if let l = other.latest, latest.map({ l > $0 }) ?? true { latest = l }
    }

    mutating func count(_ batch: [Record]) {
        records += batch.count
        for r in batch {
            if earliest.map({ r.time < $0 }) ?? true { earliest = r.time }
            if latest.map({ r.time > $0 }) ?? true { latest = r.time }
        }
    }
}

/// Scanning the file in windows of bounded size, and recovering a torn tail.
///
/// The file is read a window at a time, so that memory holds the records
/// and not whatever else the file holds: zero bytes at the end (blocks a
/// crash left unwritten, found through the file's holes without reading
/// them) or a long run of garbage are looked at, never kept.
extension LogStore {
    /// Bytes read at a time, unless told otherwise.
    public static let defaultScanWindow = 64 << 20

    func scanFrom(_ offset: Int64, context: ScanContext) throws(LogError) -> FileScan {
        let size = try status().size
        guard size >= offset else { throw .changedUnderneath(path: path) }
        let dataEnd = try endOfData(from: offset, size: size)
        var scan = FileScan(goodEnd: offset, context: context)
        var window = scanWindow
        while scan.goodEnd < dataEnd {
            let start = scan.goodEnd
            let bytes = try readBytes(Int(min(Int64(window), dataEnd - start)), at: start)
            let reachesEnd = start + Int64(bytes.count) >= dataEnd || bytes.count < window
            let r = LogScan.scan(LogChunk(bytes: bytes, fileOffset: start), context: scan.context)
            scan.seen.count(r.records)
            if !r.records.isEmpty && keepsRecords {
                scan.chunks.append(r.chunk)
                scan.records += r.records
            } else if !r.records.isEmpty {
                // Streaming (`rapport check`): only the last window is kept, to confirm it still stands.
                scan.chunks = [r.chunk]
                scan.records = r.records
            }
            scan.goodEnd = r.goodEnd
            scan.context = r.context
            if reachesEnd {
                scan.ending = r.ending
                break
            }
            if let problem = r.problem {
                // Damage, or the start of a torn tail: what follows decides.
                scan.ending = try classifyTail(after: problem, goodEnd: r.goodEnd, dataEnd: dataEnd, size: size)
                break
            }
            if r.goodEnd == start { window *= 2 }   // a batch larger than the window
        }
        if scan.ending == .clean, scan.goodEnd < size { scan.ending = .unfinished(offset: scan.goodEnd) }
        return scan
    }

    /// Where the data ends: before a final hole and the zero bytes before it.
    private func endOfData(from offset: Int64, size: Int64) throws(LogError) -> Int64 {
        var end = io.startOfFinalHole(fd, from: offset, size: size) ?? size
        // Zero bytes written out (not a hole) are found a block at a time from the end.
        let block: Int64 = 1 << 16
        while end > offset {
            let from = max(offset, end - block)
            let bytes = try readBytes(Int(end - from), at: from)
            guard let last = bytes.lastIndex(where: { $0 != 0 }) else {
                end = from
                continue
            }
            return from + Int64(last) + 1
        }
        return end
    }

    private func readBytes(_ count: Int, at offset: Int64) throws(LogError) -> [UInt8] {
        do { return try io.readFully(fd, count: count, at: offset, path: path) } catch { throw .system(error) }
    }

    /// Whether a problem line starts a torn tail or is damage, by reading
    /// (not keeping) everything after it: damage if a valid record that
    /// starts a batch follows; a torn tail if nothing does and the data ends
    /// without a newline or holds zero bytes.
    private func classifyTail(after problem: LogDamage, goodEnd: Int64, dataEnd: Int64, size: Int64) throws(LogError) -> ScanEnding {
        var decoder = RecordDecoder()
        var position = problem.offset, lineStart = problem.offset
        var sawZero = dataEnd < size, endsInNewline = false, pastProblemLine = false
        while position < dataEnd {
            let bytes = try readBytes(Int(min(Int64(scanWindow), dataEnd - position)), at: position)
            if bytes.isEmpty { break }
            if bytes.contains(0) { sawZero = true }
            for (i, b) in bytes.enumerated() where b == 0x0A {
                let lineEnd = position + Int64(i)
                defer { lineStart = lineEnd + 1 }
                guard pastProblemLine else { pastProblemLine = true; continue }
                guard lineEnd - lineStart <= Int64(LogStore.maximumRecordBytes) else { continue }
                // A line that began in an earlier window is read again whole.
                let line = lineStart >= position ? Array(bytes[Int(lineStart - position)..<i])
                    : try readBytes(Int(lineEnd - lineStart), at: lineStart)
                let found = line.withUnsafeBytes { decoder.decode(line: $0, offset: lineStart) }
                if case .success(let r) = found, r.batchIndex == 1 { return .damaged(problem) }
            }
            endsInNewline = bytes.last == 0x0A
            position += Int64(bytes.count)
        }
        return !endsInNewline || sawZero ? .unfinished(offset: goodEnd) : .damaged(problem)
    }

    /// Takes in the complete batches of a scan; throws on damage.
    @discardableResult
    func accept(_ result: FileScan) throws(LogError) -> Range<Int> {
        if case .damaged(let d) = result.ending { throw .damaged(path: path, d) }
        seen.merge(result.seen)
        if !keepsRecords {
            baseRecordCount += records.count + result.seen.records - result.records.count
            records = []
            chunks = []
        }
        let start = records.count
        chunks += result.chunks
        if records.isEmpty { records = result.records } else { records += result.records }
        byteCount = result.goodEnd
        context = result.context
        return start..<records.count
    }

    /// Under the write lock: anything after the last complete batch is an
    /// unfinished write from a process that died. Move it to a side file;
    /// zero bytes (blocks never written) are counted, not copied. Without
    /// `locked`, it takes the lock only if it is free at once.
    func recoverTail(locked: Bool) throws(LogError) {
        guard !isReadOnly else { return }
        if !locked { guard try tryLock(exclusive: true, within: 0) else { return } }
        defer { if !locked { io.unlock(fd) } }
        let result = try scanFrom(byteCount, context: context)
        try accept(result)
        guard case .unfinished(let offset) = result.ending else { return }
        let size = try status().size
        let dataEnd = try endOfData(from: offset, size: size)
        do {
            if dataEnd > offset {
                let side = try copyToSideFile(from: offset, to: dataEnd)
                pendingNotices.append(.tornTailMovedAside(offset: offset, bytes: Int(dataEnd - offset), sidePath: side))
            }
            if size > dataEnd { pendingNotices.append(.zerosRemoved(offset: dataEnd, bytes: size - dataEnd)) }
            try io.truncate(fd, to: offset, path: path)
            try io.syncData(fd, path: path)
        } catch {
            throw .system(error)
        }
    }

    /// Copies bytes of the log into a new side file next to it, a piece at a time.
    private func copyToSideFile(from start: Int64, to end: Int64) throws(SystemError) -> String {
        var n = 1
        while true {
            let side = "\(path).torn-\(start)" + (n > 1 ? "-\(n)" : "")   // catalogue: not text
            let sfd: Int32
            do {
                sfd = try io.open(side, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
            } catch let e where e.code == EEXIST {
                n += 1
                continue
            }
            defer { io.close(sfd) }
            var at = start
            while at < end {
                let piece = try io.readFully(fd, count: Int(min(Int64(1 << 20), end - at)), at: at, path: path)
                if piece.isEmpty { break }
                try io.writeAll(sfd, piece, path: side)
                at += Int64(piece.count)
            }
            try io.syncData(sfd, path: side)
            try io.syncDirectory(Self.directory(of: path))
            return side
        }
    }

    func status() throws(LogError) -> FileStatus {
        do { return try io.status(fd, path: path) } catch { throw .system(error) }
    }

    /// Fails if the path now names another file than the one open.
    func checkIdentity() throws(LogError) {
        guard let now = io.status(path: path) else { throw .missing(path: path) }
        guard now.inode == identity.inode, now.device == identity.device else { throw .changedUnderneath(path: path) }
    }
}
