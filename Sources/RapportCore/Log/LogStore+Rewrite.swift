/// Rewriting the log: the one time rapport changes what was written, to
/// honour a request to erase a person's data. Every record keeps its id,
/// time, actor, type, version and batch; payloads are replaced where asked;
/// the checksums and the chain are computed anew, so the log verifies.
extension LogStore {
    /// Rewrites the log under the write lock with `transform` applied to the
    /// payload of every record (nil: unchanged); returns how many changed.
    /// The new log replaces the old file whole (see `AtomicFile`); this store
    /// then refers to the old file and must not be used again.
    public func rewrite(_ transform: (_ index: Int, _ record: Record, _ payload: JSON) throws -> JSON?) throws -> Int {
        guard !isReadOnly else { throw LogError.readOnly(path: path) }
        guard baseRecordCount == 0 else { preconditionFailure("rewrite needs every record in memory: open without a checkpoint") }   // catalogue: not text
        try lockForWriting()
        defer { io.unlock(fd) }
        try checkIdentity()
        guard try status().size == byteCount else { throw LogError.changedUnderneath(path: path) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(byteCount))
        var previous: UInt32 = 0
        var changed = 0
        for (i, record) in records.enumerated() {
            let payload = try self.payload(of: record)
            let replaced = try transform(i, record, payload)
            if replaced != nil { changed += 1 }
            previous = RecordCodec.encode(NewRecord(type: record.type, version: record.version, payload: replaced ?? payload),
                                          .init(id: record.id, time: record.time, actor: record.actor, batchIndex: Int(record.batchIndex),
                                                batchCount: Int(record.batchCount), previousChecksum: previous), into: &bytes)
        }
        // What was read verifies again before it replaces the log.
        let check = LogScan.scan(LogChunk(bytes: bytes, fileOffset: 0), context: ScanContext())
        guard check.ending == .clean, check.records.count == records.count else {
            throw LogError.damaged(path: path, LogDamage(line: check.records.count + 1, offset: check.goodEnd) {
                say("log.damage.rewritten", "\(check.ending)", check.records.count, records.count, String(describing: check.problem))
            })
        }
        do {
            try AtomicFile.replace(path, with: bytes)
        } catch let e as SystemError {
            throw LogError.notDurable(e)   // the old log stands whole
        }
        return changed
    }
}
