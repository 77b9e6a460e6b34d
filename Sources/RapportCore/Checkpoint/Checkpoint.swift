import Foundation

/// The folded state saved next to the log (`rapport.log.checkpoint`), so that
/// opening a large log folds only what was appended since.
///
/// Derived data: deleting it is always safe. It holds a seal of the log prefix
/// it was folded from (block hashes); opening checks the ends of that prefix
/// and a sample of it against the seal, `rapport check` all of it. A checkpoint of another layout or vocabulary, a
/// damaged one, or one whose prefix changed is ignored and rebuilt.
public enum Checkpoint {
    static let magic = Array("RAPPORT CHECKPOINT\n".utf8)
    static let format: UInt32 = 4
    /// The checkpoint's own bytes are hashed in chunks of this size, in parallel.
    static let chunkSize = 1 << 20

    /// Where the checkpoint of the log at `logPath` lives.
    public static func path(for logPath: String) -> String { logPath + ".checkpoint" }

    /// The seal and state saved for `logPath`, or nil when there is none that
    /// this build can use (missing, damaged, of another layout or vocabulary).
    public static func read(for logPath: String) -> (seal: PrefixSeal, state: CRMState)? {
        guard let saved = Saved(for: logPath), let state = saved.state() else { return nil }
        return (saved.seal, state)
    }

    /// A checkpoint read and verified, its state decoded on demand (all of
    /// it, or the lists a command reads).
    public struct Saved {
        /// The prefix of the log it vouches for.
        public let seal: PrefixSeal
        let bytes: [UInt8]
        let sections: [Range<Int>]

        /// Reads the checkpoint of `logPath`; nil when there is none that
        /// this build can use (missing, damaged, of another layout or vocabulary).
        ///
        /// Only a regular file of this user's, not writable by others, is read:
        /// in a shared folder another user could plant one, or a link to one.
        public init?(for logPath: String) {
            guard let fd = openOwn(path(for: logPath)) else { return nil }
            defer { close(fd) }
            var st = stat()
            guard fstat(fd, &st) == 0 else { return nil }
            // Read, not mapped: a file cut short under a mapping would kill the reader (SIGBUS).
            guard let bytes = try? PosixFileIO().readFully(fd, count: Int(st.st_size), at: 0, path: path(for: logPath)),
                  bytes.count == Int(st.st_size)
            else { return nil }
            self.init(bytes)
        }

        init?(_ bytes: [UInt8]) {
            guard let (seal, sections) = bytes.withUnsafeBytes({ Checkpoint.layout($0) }) else { return nil }
            self.seal = seal
            self.bytes = bytes
            self.sections = sections
        }

        /// The state, but for the lists `leftOut` names (see `StateLists`);
        /// nil when it does not decode or does not hold together.
        public func state(leavingOut leftOut: StateLists = []) -> CRMState? {
            bytes.withUnsafeBytes { raw in
                let parts = sections.map { UnsafeRawBufferPointer(rebasing: raw[$0]) }
                guard let state = try? CRMState(sections: parts, leavingOut: leftOut), state.recordCount == seal.recordCount else {
                    return nil
                }
                // A list left out is counted from the start of its section, for the links into it.
                let counts = parts.prefix(5).enumerated().map { k, part -> Int in
                    var r = ArchiveReader(part)
                    return (try? r.count()) ?? -1
                }
                guard !counts.contains(-1), state.linksAreSound(counting: counts) else { return nil }
                return state
            }
        }
    }

    /// A descriptor on `path` if it is a non-empty regular file of this
    /// user's that others cannot write, else nil.
    private static func openOwn(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_uid == geteuid(),
              st.st_mode & (S_IWGRP | S_IWOTH) == 0, st.st_size > 0
        else {
            close(fd)
            return nil
        }
        return fd
    }

    /// The seal and state in a checkpoint's bytes, or nil when they do not verify.
    static func decode(_ raw: UnsafeRawBufferPointer) -> (seal: PrefixSeal, state: CRMState)? {
        guard let saved = Saved(Array(raw)), let state = saved.state() else { return nil }
        return (saved.seal, state)
    }

    /// The seal and where each section lies in a checkpoint's bytes, or nil
    /// when its hashes or its layout do not verify.
    static func layout(_ raw: UnsafeRawBufferPointer) -> (PrefixSeal, [Range<Int>])? {
        guard let body = verified(raw) else { return nil }
        var r = ArchiveReader(body, position: magic.count)
        do {
            guard let seal = try readSeal(&r) else { return nil }
            var sections: [Range<Int>] = []
            let lengths = try (0..<CRMState.archiveSections).map { _ throws(ArchiveError) in try r.count() }
            var at = r.position
            for n in lengths {
                guard at + n <= body.count else { return nil }
                sections.append(at..<at + n)
                at += n
            }
            guard at == body.count else { return nil }
            return (seal, sections)
        } catch {
            return nil
        }
    }

    /// The seal at the start of a checkpoint's body (after the magic), or nil
    /// when it is of another format or vocabulary.
    private static func readSeal(_ r: inout ArchiveReader) throws(ArchiveError) -> PrefixSeal? {
        guard try r.u32() == format, try r.u32() == CRMState.archiveFingerprint else { return nil }
        let length = Int64(bitPattern: try r.u64())
        guard length >= 0, let count = Int(exactly: try r.u64()) else { return nil }
        let lastChecksum = try r.u32()
        let hi = try r.u64(), lo = try r.u64()
        let blocks = try r.count()
        var hashes: [UInt64] = []
        hashes.reserveCapacity(blocks)
        for _ in 0..<blocks { hashes.append(try r.u64()) }
        return PrefixSeal(length: length, recordCount: count, lastChecksum: lastChecksum,
                          lastID: count == 0 ? nil : RecordID(UInt128(hi) << 64 | UInt128(lo)), blockHashes: hashes)
    }

    /// Only the seal of the checkpoint of `logPath`, read from its first
    /// bytes (the rest is neither read nor verified), or nil.
    public static func seal(for logPath: String) -> PrefixSeal? {
        guard let fd = openOwn(path(for: logPath)) else { return nil }
        defer { close(fd) }
        // The fixed fields first, then as many bytes as the block hashes they announce take.
        var wanted = 4096
        while true {
            guard let bytes = try? PosixFileIO().readFully(fd, count: wanted, at: 0, path: path(for: logPath)),
                  bytes.starts(with: magic)
            else { return nil }
            let (seal, needed): (PrefixSeal?, Int?) = bytes.withUnsafeBytes { raw in
                var r = ArchiveReader(raw, position: magic.count)
                do throws(ArchiveError) {
                    return (try readSeal(&r), nil)
                } catch {
                    var header = ArchiveReader(raw, position: magic.count + 4 + 4 + 8 + 8 + 4 + 8 + 8)
                    return (nil, (try? header.count()).map { header.position + 8 * $0 })
                }
            }
            guard seal == nil, let needed, needed > wanted, bytes.count == wanted else { return seal }
            wanted = needed
        }
    }

    /// Removes the checkpoint of `logPath` (it is only a cache).
    public static func remove(for logPath: String) {
        unlink(path(for: logPath))
    }

    /// The body of a checkpoint whose chunk hashes all match, or nil.
    /// Layout: body, the hash of each chunk, their count, and a hash of those.
    private static func verified(_ raw: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard raw.count >= magic.count + 16 else { return nil }
        let tableHash = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
        let stored = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 16, as: UInt64.self))
        guard stored > 0, stored < UInt64(raw.count / 8) else { return nil }
        let chunks = Int(stored)
        let tableStart = raw.count - 16 - 8 * chunks
        guard tableStart >= magic.count,
              BlockHash.of(UnsafeRawBufferPointer(rebasing: raw[tableStart..<raw.count - 8])) == tableHash
        else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: raw[0..<tableStart])
        guard body.starts(with: magic), (body.count + chunkSize - 1) / chunkSize == chunks else { return nil }
        let expected = (0..<chunks).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: tableStart + 8 * $0, as: UInt64.self)) }
        return BlockHash.blocks(body, blockSize: chunkSize) == expected ? body : nil
    }

    /// Saves `state`, folded from the prefix `seal` covers; atomically (a
    /// temporary file, synced, renamed over the old one).
    public static func write(_ state: CRMState, sealed seal: PrefixSeal, for logPath: String) throws {
        try AtomicFile.replace(path(for: logPath), with: encode(state, sealed: seal))
    }

    /// A checkpoint's bytes; tests give an older `layout` or `vocabulary`.
    static func encode(_ state: CRMState, sealed seal: PrefixSeal, layout: UInt32 = format,
                       vocabulary: UInt32 = CRMState.archiveFingerprint) -> [UInt8] {
        precondition(state.recordCount == seal.recordCount, "the state and the seal disagree")
        var sections: [ArchiveWriter] = []
        for k in 0..<CRMState.archiveSections {
            var s = ArchiveWriter(capacity: 16 << 20)
            state.archive(section: k, into: &s)
            sections.append(s)
        }
        var w = ArchiveWriter(capacity: sections.reduce(1 << 16) { $0 + $1.bytes.count } + 8 * seal.blockHashes.count)
        w.raw(magic)
        w.u32(layout)
        w.u32(vocabulary)
        w.u64(UInt64(bitPattern: seal.length))
        w.u64(UInt64(seal.recordCount))
        w.u32(seal.lastChecksum)
        w.u64(UInt64(truncatingIfNeeded: (seal.lastID?.value ?? 0) >> 64))
        w.u64(UInt64(truncatingIfNeeded: seal.lastID?.value ?? 0))
        w.varint(UInt64(seal.blockHashes.count))
        for h in seal.blockHashes { w.u64(h) }
        for s in sections { w.varint(UInt64(s.bytes.count)) }
        for s in sections { w.raw(s.bytes) }
        let hashes = w.bytes.withUnsafeBytes { BlockHash.blocks($0, blockSize: chunkSize) }
        let tableStart = w.bytes.count
        for h in hashes { w.u64(h) }
        w.u64(UInt64(hashes.count))
        let tableHash = w.bytes.withUnsafeBytes { BlockHash.of(UnsafeRawBufferPointer(rebasing: $0[tableStart...])) }
        w.u64(tableHash)
        return w.bytes
    }
}
