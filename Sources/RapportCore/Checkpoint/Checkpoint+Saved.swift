import Foundation

extension Checkpoint {
    /// A checkpoint opened for reading. Its seal and where its sections lie
    /// are read and verified at once; a section's bytes only when asked for,
    /// each 1 MiB chunk checked against its hash, so that a command reads no
    /// more of it than it needs (a search: the index and the customers hit).
    ///
    /// Read, never mapped: a file cut short under a mapping would kill the
    /// reader (SIGBUS).
    public final class Saved: @unchecked Sendable {
        /// The prefix of the log it vouches for.
        public let seal: PrefixSeal
        /// Where each section lies: the state's, then the search index.
        let sections: [Range<Int>]
        private let source: Source
        private let chunkHashes: [UInt64]
        private let bodyEnd: Int

        /// Reads unverified bytes of the file.
        typealias Source = (Range<Int>) -> [UInt8]?

        /// Opens the checkpoint of `logPath`; nil when there is none that this
        /// build can use (missing, damaged, of another layout or vocabulary).
        ///
        /// Only a regular file of this user's, not writable by others, is read:
        /// in a shared folder another user could plant one, or a link to one.
        public convenience init?(for logPath: String, io: FileIO = PosixFileIO()) {
            let path = Checkpoint.path(for: logPath)
            guard let fd = openOwn(path) else { return nil }
            let handle = FileHandleOwner(fd: fd)
            var st = stat()
            guard fstat(fd, &st) == 0 else { return nil }
            self.init(size: Int(st.st_size)) { range in
                guard let bytes = try? io.readFully(handle.fd, count: range.count, at: Int64(range.lowerBound), path: path),
                      bytes.count == range.count
                else { return nil }
                return bytes
            }
        }

        /// A checkpoint held in memory (tests, the fuzzer).
        convenience init?(_ bytes: [UInt8]) {
            self.init(size: bytes.count) { range in range.upperBound <= bytes.count ? Array(bytes[range]) : nil }
        }

        /// Layout: body, the hash of each chunk of it, their count, and a hash of those.
        private init?(size: Int, source: @escaping Source) {
            self.source = source
            guard size >= magic.count + 16, let end = source(size - 16..<size) else { return nil }
            let stored = end.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
            let tableHash = end.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
            guard stored > 0, stored < UInt64(size / 8) else { return nil }
            let tableStart = size - 16 - 8 * Int(stored)
            guard tableStart >= magic.count, let table = source(tableStart..<size - 8),
                  table.withUnsafeBytes({ BlockHash.of($0) }) == tableHash,
                  (tableStart + chunkSize - 1) / chunkSize == Int(stored)
            else { return nil }
            chunkHashes = (0..<Int(stored)).map { i in
                table.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)) }
            }
            bodyEnd = tableStart
            // The header: the seal (a hash per MiB of the log) and the section lengths.
            guard let (seal, sections) = Self.header(source, chunkHashes, bodyEnd) else { return nil }
            self.seal = seal
            self.sections = sections
        }

        private static func header(_ source: Source, _ hashes: [UInt64], _ bodyEnd: Int) -> (PrefixSeal, [Range<Int>])? {
            var headerBytes = chunkSize
            while true {
                guard let head = verified(0..<min(headerBytes, bodyEnd), source, hashes, bodyEnd), head.starts(with: magic) else { return nil }
                let parsed: (PrefixSeal, [Range<Int>])?? = head.withUnsafeBytes { raw in
                    var r = ArchiveReader(raw, position: magic.count)
                    do throws(ArchiveError) {
                        guard let seal = try readSeal(&r) else { return .some(nil) }
                        let lengths = try (0...CRMState.archiveSections).map { _ throws(ArchiveError) in try r.length(within: bodyEnd) }
                        var ranges: [Range<Int>] = [], at = r.position
                        for n in lengths {
                            guard n <= bodyEnd - at else { return .some(nil) }
                            ranges.append(at..<at + n)
                            at += n
                        }
                        return at == bodyEnd ? .some((seal, ranges)) : .some(nil)
                    } catch {
                        return nil   // cut short: read more
                    }
                }
                switch parsed {
                case .some(let header): return header
                case .none:
                    guard headerBytes < bodyEnd else { return nil }
                    headerBytes *= 2
                }
            }
        }

        /// Chunks read and verified by small reads, kept: a search comes back
        /// to the same ones. Any thread may read, one at a time.
        private var verifiedChunks: [Int: ArraySlice<UInt8>] = [:]
        private let lock = NSLock()

        /// Bytes `range` of the body, read with the whole chunks around them
        /// and checked against their hashes; a small read's chunks are kept.
        func bytes(_ range: Range<Int>) -> ArraySlice<UInt8>? {
            let first = range.lowerBound / chunkSize, last = max(first, (range.upperBound - 1) / chunkSize)
            guard last - first < 16, range.upperBound <= bodyEnd, range.lowerBound >= 0 else {
                return Self.verified(range, source, chunkHashes, bodyEnd)
            }
            lock.lock()
            defer { lock.unlock() }
            var out: [UInt8] = []
            out.reserveCapacity(range.count)
            for k in first...last {
                if verifiedChunks[k] == nil {
                    guard let chunk = Self.verified(k * chunkSize..<min(bodyEnd, (k + 1) * chunkSize), source, chunkHashes, bodyEnd) else {
                        return nil
                    }
                    verifiedChunks[k] = chunk
                }
                let chunk = verifiedChunks[k]!, base = k * chunkSize
                let from = chunk.startIndex + max(range.lowerBound, base) - base
                out += chunk[from..<chunk.startIndex + min(range.upperBound, base + chunk.count) - base]
            }
            return out[...]
        }

        private static func verified(_ range: Range<Int>, _ source: Source, _ hashes: [UInt64], _ bodyEnd: Int) -> ArraySlice<UInt8>? {
            guard range.lowerBound >= 0, range.upperBound <= bodyEnd else { return nil }
            guard !range.isEmpty else { return [] }
            let first = range.lowerBound / chunkSize, last = (range.upperBound - 1) / chunkSize
            let start = first * chunkSize
            guard let all = source(start..<min(bodyEnd, (last + 1) * chunkSize)),
                  all.withUnsafeBytes({ BlockHash.blocks($0, blockSize: chunkSize) }) == Array(hashes[first...last])
            else { return nil }
            return all[(range.lowerBound - start)..<(range.upperBound - start)]
        }

        /// The state, but for the lists `leftOut` names (see `StateLists`);
        /// nil when it does not decode or does not hold together.
        public func state(leavingOut leftOut: StateLists = []) -> CRMState? {
            // The sections read, each whole; of a list left out, only its count (for the links into it).
            var parts: [ArraySlice<UInt8>] = []
            for (k, range) in sections.prefix(CRMState.archiveSections).enumerated() {
                let whole = leftOut.isDisjoint(with: StateLists(section: k))
                guard let part = bytes(whole ? range : range.lowerBound..<min(range.upperBound, range.lowerBound + 10)) else { return nil }
                parts.append(part)
            }
            let counts = parts.prefix(5).map { part -> Int in
                part.withUnsafeBytes { raw in
                    var r = ArchiveReader(raw)
                    return (try? r.varint()).flatMap { Int(exactly: $0) } ?? -1
                }
            }
            return Self.withBuffers(parts) { buffers -> CRMState? in
                guard !counts.contains(-1), var state = try? CRMState(sections: buffers, leavingOut: leftOut) else { return nil }
                if leftOut.contains(.recordLinks) { state.recordsLeftOut = seal.recordCount }
                guard state.recordCount == seal.recordCount, state.linksAreSound(counting: counts) else { return nil }
                return state
            }
        }

        /// Calls `body` with a buffer on each array's bytes.
        private static func withBuffers<T>(_ arrays: [ArraySlice<UInt8>], _ body: ([UnsafeRawBufferPointer]) -> T) -> T {
            func next(_ i: Int, _ done: [UnsafeRawBufferPointer]) -> T {
                guard i < arrays.count else { return body(done) }
                return arrays[i].withUnsafeBytes { next(i + 1, done + [$0]) }
            }
            return next(0, [])
        }

        /// The search index of the state, as saved; nil when it does not read back.
        public func searchIndex() -> SearchIndex? {
            guard let customers = listLayout(section: 0), let bytes = bytes(sections[CRMState.archiveSections]) else { return nil }
            return bytes.withUnsafeBytes { raw in
                var r = ArchiveReader(raw)
                guard let index = try? SearchIndex(from: &r, recordCount: seal.recordCount, customers: customers.count), r.atEnd else {
                    return nil
                }
                return index
            }
        }

        /// The customers numbered `ids`, reading only the chunks that hold
        /// them; nil when they do not read back.
        public func customers(_ ids: [CustomerID]) -> [Customer]? {
            guard let list = listLayout(section: 0), ids.allSatisfy({ $0.number >= 1 && Int($0.number) <= list.count }) else { return nil }
            var chunks: [Int: [Customer]] = [:]
            for k in Set(ids.map { Int($0.number - 1) / Archiver.chunk }) {
                guard let bytes = bytes(list.chunks[k]) else { return nil }
                let first = k * Archiver.chunk
                let decoded = bytes.withUnsafeBytes { raw in
                    try? Unarchiver.chunk(raw, numbers: first + 1...min(first + Archiver.chunk, list.count), Unarchiver.customer)
                }
                guard let decoded else { return nil }
                chunks[k] = decoded
            }
            return ids.map { chunks[Int($0.number - 1) / Archiver.chunk]![Int($0.number - 1) % Archiver.chunk] }
        }

        /// How many elements the list at the start of section `k` holds, and where each chunk of it lies in the file.
        private func listLayout(section k: Int) -> (count: Int, chunks: [Range<Int>])? {
            let section = sections[k]
            var headerBytes = chunkSize
            while true {
                guard let head = bytes(section.lowerBound..<min(section.upperBound, section.lowerBound + headerBytes)) else { return nil }
                let layout = head.withUnsafeBytes { raw -> (Int, [Range<Int>])? in
                    var r = ArchiveReader(raw)
                    return try? Unarchiver.listLayout(&r, within: section.count)
                }
                if let (count, chunks) = layout {
                    return (count, chunks.map { ($0.lowerBound + section.lowerBound)..<($0.upperBound + section.lowerBound) })
                }
                guard headerBytes < section.count else { return nil }
                headerBytes *= 4
            }
        }
    }

    /// Closes a descriptor when the last reader lets go of it.
    private final class FileHandleOwner: @unchecked Sendable {
        let fd: Int32
        init(fd: Int32) { self.fd = fd }
        deinit { close(fd) }
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
}
