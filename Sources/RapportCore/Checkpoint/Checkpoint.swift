import Foundation

/// The folded state saved next to the log (`rapport.log.checkpoint`), so that
/// opening a large log folds only what was appended since.
///
/// Derived data: deleting it is always safe. It holds a seal of the log prefix
/// it was folded from (block hashes); opening checks the ends of that prefix
/// and a sample of it against the seal, `rapport check` all of it. A checkpoint of another layout or vocabulary, a
/// damaged one, or one whose prefix changed is ignored and rebuilt.
public enum Checkpoint {
    static let magic = Array("RAPPORT CHECKPOINT\n".utf8)   // catalogue: not text
    static let format: UInt32 = 5
    /// The checkpoint's own bytes are hashed in chunks of this size, in
    /// parallel; small, so that a reader of a few entities checks little more.
    static let chunkSize = 1 << 16

    /// Where the checkpoint of the log at `logPath` lives.
    public static func path(for logPath: String) -> String { logPath + ".checkpoint" }   // catalogue: not text

    /// The seal and state saved for `logPath`, or nil when there is none that
    /// this build can use (missing, damaged, of another layout or vocabulary).
    public static func read(for logPath: String) -> (seal: PrefixSeal, state: CRMState)? {
        guard let saved = Saved(for: logPath), let state = saved.state() else { return nil }
        return (saved.seal, state)
    }

    /// The seal and state in a checkpoint's bytes, or nil when they do not verify.
    static func decode(_ raw: UnsafeRawBufferPointer) -> (seal: PrefixSeal, state: CRMState)? {
        guard let saved = Saved(Array(raw)), let state = saved.state() else { return nil }
        return (saved.seal, state)
    }

    /// The seal at the start of a checkpoint's body (after the magic), or nil
    /// when it is of another format or vocabulary.
    static func readSeal(_ r: inout ArchiveReader) throws(ArchiveError) -> PrefixSeal? {
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

    /// Removes the checkpoint of `logPath` (it is only a cache).
    public static func remove(for logPath: String) {
        unlink(path(for: logPath))
    }

    /// Saves `state`, folded from the prefix `seal` covers; atomically (a
    /// temporary file, synced, renamed over the old one).
    /// With it, the search index of that state (built here when not given).
    public static func write(_ state: CRMState, sealed seal: PrefixSeal, index: SearchIndex? = nil, for logPath: String) throws {
        try AtomicFile.replace(path(for: logPath), with: encode(state, sealed: seal, index: index))
    }

    /// A checkpoint's bytes; tests give an older `layout` or `vocabulary`.
    static func encode(_ state: CRMState, sealed seal: PrefixSeal, index: SearchIndex? = nil, layout: UInt32 = format,
                       vocabulary: UInt32 = CRMState.archiveFingerprint) -> [UInt8] {
        precondition(state.recordCount == seal.recordCount, "the state and the seal disagree")   // catalogue: not text
        precondition(index == nil || index?.recordCount == state.recordCount, "the index is of another state")   // catalogue: not text
        // Each section on its own, in parallel (the largest first).
        var written = [ArchiveWriter?](repeating: nil, count: CRMState.archiveSections)
        written.withUnsafeMutableBufferPointer { out in
            let shared = UnsafeSendable((state, out))
            let order = CRMState.archiveOrder
            DispatchQueue.concurrentPerform(iterations: order.count) { i in
                let (state, out) = shared.value
                var s = ArchiveWriter(capacity: 16 << 20)
                state.archive(section: order[i], into: &s)
                out[order[i]] = s
            }
        }
        var search = ArchiveWriter(capacity: 1 << 20)
        (index ?? SearchIndex(state)).archive(into: &search)
        let sections = written.map { $0! } + [search]
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
