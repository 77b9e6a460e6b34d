import Foundation

/// What `LogRepair` did.
public struct RepairReport: Sendable {
    /// The repaired copy, beside the log.
    public let output: String
    /// Records in the copy.
    public let records: Int
    /// Lines whose CR LF ending became LF.
    public let carriageReturns: Int
    /// Blank lines left out.
    public let blankLines: Int
    /// Bytes after the last complete batch (an unfinished write) left out.
    public let unfinishedBytes: Int64
    /// The first record that could not be kept, and the file holding it and
    /// everything after it; nil when every record was kept.
    public let damage: LogDamage?
    public let restPath: String?
}

/// Writes a repaired copy of a log that a text editor or a crash left
/// unreadable: CR LF endings back to LF, blank lines and an unfinished write
/// at the end left out. Every record is verified (checksum, chain, order,
/// batches) as it is copied; the original is never touched. A record that is
/// itself damaged cannot be repaired (the chain runs through it): the copy
/// then ends before it, and everything from it on is saved in a side file.
public enum LogRepair {
    public enum Failure: Error, CustomStringConvertible {
        case outputExists(String)
        case system(SystemError)

        public var description: String {
            switch self {
            case .outputExists(let path): say("log.repair.exists", path)
            case .system(let e): "\(e)"
            }
        }
    }

    /// Repairs the log at `path` into `path.repaired`.
    public static func repair(path: String, io: FileIO = PosixFileIO()) throws(Failure) -> RepairReport {
        let output = path + ".repaired"   // catalogue: not text
        do {
            let input = try io.open(path, flags: O_RDONLY, mode: 0)
            defer { io.close(input) }
            guard io.status(path: output) == nil else { throw Failure.outputExists(output) }
            let out = try io.open(output, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
            defer { io.close(out) }
            var copier = Copier(io: io, out: out, output: output)
            let size = try io.status(input, path: path).size
            // Lines are cut from windows of the file; a line cut by a window's end
            // is carried into the next.
            var offset: Int64 = 0, carry: [UInt8] = [], carryStart: Int64 = 0
            while offset < size, copier.damage == nil {
                let window = try io.readFully(input, count: Int(min(16 << 20, size - offset)), at: offset, path: path)
                if window.isEmpty { break }
                let base = carry.isEmpty ? offset : carryStart
                let bytes = carry + window
                offset += Int64(window.count)
                var lineStart = 0
                for i in bytes.indices where bytes[i] == 0x0A {
                    try copier.take(Array(bytes[lineStart..<i]), at: base + Int64(lineStart))
                    lineStart = i + 1
                    if copier.damage != nil { break }
                }
                carry = Array(bytes[lineStart...])
                carryStart = base + Int64(lineStart)
            }
            // What is left: an unfinished batch and a partial line (a crash), or all after the damage.
            let restFrom = copier.damage?.offset ?? copier.pendingStart ?? (carry.isEmpty ? size : carryStart)
            var restPath: String?
            if let damage = copier.damage {
                restPath = "\(path).unrepaired-from-line-\(damage.line)"   // catalogue: not text
                try copy(input, from: restFrom, to: size, into: restPath!, io: io, path: path)
            }
            try io.syncData(out, path: output)
            try io.syncDirectory(LogStore.directory(of: output))
            return RepairReport(output: output, records: copier.records, carriageReturns: copier.carriageReturns,
                                blankLines: copier.blankLines, unfinishedBytes: copier.damage == nil ? size - restFrom : 0,
                                damage: copier.damage, restPath: restPath)
        } catch let e as Failure {
            throw e
        } catch let e as SystemError {
            throw .system(e)
        } catch {
            preconditionFailure("repair throws only its own failures")   // catalogue: not text
        }
    }

    private static func copy(_ fd: Int32, from start: Int64, to end: Int64, into path: String, io: FileIO, path source: String) throws {
        let out = try io.open(path, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
        defer { io.close(out) }
        var at = start
        while at < end {
            let piece = try io.readFully(fd, count: Int(min(Int64(1 << 20), end - at)), at: at, path: source)
            if piece.isEmpty { break }
            try io.writeAll(out, piece, path: path)
            at += Int64(piece.count)
        }
        try io.syncData(out, path: path)
    }

    /// Checks lines one by one and writes each complete batch to the copy.
    private struct Copier {
        let io: FileIO
        let out: Int32
        let output: String
        var decoder = RecordDecoder()
        var previousChecksum: UInt32 = 0
        var lastID: RecordID?
        var line = 0
        var records = 0, carriageReturns = 0, blankLines = 0
        /// The lines of the batch being read, and where it started.
        var pending: [[UInt8]] = []
        var pendingStart: Int64?
        var pendingSize: Int32 = 0
        var damage: LogDamage?

        mutating func take(_ raw: [UInt8], at offset: Int64) throws {
            line += 1
            var bytes = raw
            if bytes.last == 0x0D {
                bytes.removeLast()
                carriageReturns += 1
            }
            if bytes.isEmpty, pending.isEmpty {
                blankLines += 1
                return
            }
            let decoded = bytes.withUnsafeBytes { decoder.decode(line: $0, offset: offset) }
            guard case .success(let r) = decoded else {
                if case .failure(let d) = decoded { fail(at: offset) { d.description } }
                return
            }
            guard r.previousChecksum == previousChecksum else {
                return fail(at: offset) { say("log.damage.chain") }
            }
            guard lastID.map({ r.id > $0 }) ?? true else { return fail(at: offset) { say("log.damage.order") } }
            if pending.isEmpty {
                guard r.batchIndex == 1 else { return fail(at: offset) { say("log.damage.noStart", r.batchIndex) } }
                pendingStart = offset
                pendingSize = r.batchCount
            } else if r.batchIndex != Int32(pending.count + 1) || r.batchCount != pendingSize {
                return fail(at: pendingStart ?? offset) { say("log.damage.brokenOff") }
            }
            previousChecksum = r.checksum
            lastID = r.id
            pending.append(bytes + [0x0A])
            if r.endsBatch {
                try io.writeAll(out, pending.flatMap { $0 }, path: output)
                records += pending.count
                pending = []
                pendingStart = nil
            }
        }

        private mutating func fail(at offset: Int64, _ reason: () -> String) {
            let at = pendingStart ?? offset
            damage = LogDamage(line: line - pending.count, offset: at, worded: reason)
        }
    }
}
