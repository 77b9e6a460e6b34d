/// A compact binary encoding for checkpoints: little-endian, variable-length
/// integers, length-prefixed UTF-8 strings.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []
    /// Strings already written, by their number: a repeat is written as a reference.
    private var written: [String: Int] = [:]

    init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// A signed integer, zig-zag encoded.
    mutating func int(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
    mutating func int(_ v: Int32) { int(Int64(v)) }

    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }

    /// A string: `0` and its bytes the first time, else `n + 1` for the
    /// n-th distinct string written (owners, currencies, titles repeat a lot).
    mutating func string(_ s: String) {
        if let n = written[s] {
            varint(UInt64(n + 1))
            return
        }
        written[s] = written.count
        varint(0)
        var s = s
        s.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes += utf8
        }
    }

    mutating func optionalString(_ s: String?) {
        if let s {
            bool(true)
            string(s)
        } else {
            bool(false)
        }
    }

    mutating func strings(_ a: [String]) {
        varint(UInt64(a.count))
        for s in a { string(s) }
    }

    mutating func time(_ t: Timestamp) { int(t.milliseconds) }
    mutating func optionalTime(_ t: Timestamp?) {
        if let t {
            bool(true)
            time(t)
        } else {
            bool(false)
        }
    }

    /// A term as its position among its cases (`cases` is `Array(T.allCases)`).
    mutating func term<T: Term>(_ t: T, _ cases: [T]) { u8(UInt8(cases.firstIndex(of: t)!)) }
    /// An optional term: 0 for none, else its position + 1.
    mutating func optionalTerm<T: Term>(_ t: T?, _ cases: [T]) { u8(t.map { UInt8(cases.firstIndex(of: $0)! + 1) } ?? 0) }
    /// An optional truth value: 0 none, 1 false, 2 true.
    mutating func optionalBool(_ b: Bool?) { u8(b.map { $0 ? 2 : 1 } ?? 0) }

    mutating func raw(_ b: [UInt8]) { bytes += b }

    /// The same for an array.
    mutating func plain<T: FixedWidthInteger>(_ values: [T]) { plain(ChunkedArray(values)) }

    /// A whole array of plain numbers, as its bytes (read back by one copy).
    mutating func plain<T: FixedWidthInteger>(_ values: ChunkedArray<T>) {
        varint(UInt64(values.count))
        var pad = (MemoryLayout<T>.alignment - bytes.count % MemoryLayout<T>.alignment) % MemoryLayout<T>.alignment
        while pad > 0 { bytes.append(0); pad -= 1 }
        for chunk in values.chunks { chunk.withUnsafeBytes { bytes += $0 } }
    }
}

/// Why a checkpoint could not be read. Never shown to people (a checkpoint
/// that does not read is ignored, and the log is read whole): its
/// descriptions are for tests and debugging, not in the catalogue.
struct ArchiveError: Error, CustomStringConvertible {
    let description: String
}

/// Reads what `ArchiveWriter` wrote, checking every bound.
struct ArchiveReader {
    let bytes: UnsafeRawBufferPointer
    var position: Int
    /// The distinct strings read so far, for references to them.
    private var seen: [String] = []

    init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var atEnd: Bool { position >= bytes.count }

    private func need(_ n: Int) throws(ArchiveError) {
        guard position + n <= bytes.count else { throw ArchiveError(description: "the checkpoint is cut short") }   // catalogue: not text
    }

    mutating func u8() throws(ArchiveError) -> UInt8 {
        try need(1)
        defer { position += 1 }
        return bytes[position]
    }

    mutating func bool() throws(ArchiveError) -> Bool { try u8() != 0 }

    mutating func varint() throws(ArchiveError) -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try u8()
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
            guard shift < 64 else { throw ArchiveError(description: "a number in the checkpoint is too long") }   // catalogue: not text
        }
    }

    mutating func int() throws(ArchiveError) -> Int64 {
        let z = try varint()
        return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
    }

    mutating func int32() throws(ArchiveError) -> Int32 {
        let v = try int()
        guard let i = Int32(exactly: v) else { throw ArchiveError(description: "a number in the checkpoint is out of range") }   // catalogue: not text
        return i
    }

    /// A length of something that lies beyond these bytes, at most `limit`.
    mutating func length(within limit: Int) throws(ArchiveError) -> Int {
        let n = try varint()
        guard n <= UInt64(max(0, limit)) else { throw ArchiveError(description: "a length in the checkpoint is too large") }   // catalogue: not text
        return Int(n)
    }

    mutating func count() throws(ArchiveError) -> Int {
        let n = try varint()
        guard n <= UInt64(bytes.count - position) else { throw ArchiveError(description: "a length in the checkpoint is too large") }   // catalogue: not text
        return Int(n)
    }

    mutating func u32() throws(ArchiveError) -> UInt32 {
        try need(4)
        defer { position += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    mutating func u64() throws(ArchiveError) -> UInt64 {
        try need(8)
        defer { position += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    mutating func string() throws(ArchiveError) -> String {
        let reference = try varint()
        if reference > 0 {
            guard reference <= UInt64(seen.count) else { throw ArchiveError(description: "a string reference in the checkpoint is out of range") }   // catalogue: not text
            return seen[Int(reference) - 1]
        }
        let n = try count()
        defer { position += n }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + n]), as: UTF8.self)
        seen.append(s)
        return s
    }

    mutating func optionalString() throws(ArchiveError) -> String? { try bool() ? try string() : nil }

    mutating func strings() throws(ArchiveError) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    mutating func time() throws(ArchiveError) -> Timestamp { Timestamp(milliseconds: try int()) }
    mutating func optionalTime() throws(ArchiveError) -> Timestamp? { try bool() ? try time() : nil }

    mutating func term<T>(_ cases: [T]) throws(ArchiveError) -> T {
        let i = Int(try u8())
        guard i < cases.count else { throw ArchiveError(description: "an unknown \(T.self) in the checkpoint") }   // catalogue: not text
        return cases[i]
    }

    mutating func optionalTerm<T>(_ cases: [T]) throws(ArchiveError) -> T? {
        let i = Int(try u8())
        guard i <= cases.count else { throw ArchiveError(description: "an unknown \(T.self) in the checkpoint") }   // catalogue: not text
        return i == 0 ? nil : cases[i - 1]
    }

    /// An array written by `ArchiveWriter.plain`.
    mutating func plain<T: FixedWidthInteger>(_: T.Type) throws(ArchiveError) -> [T] {
        let n = try count()
        let size = MemoryLayout<T>.stride
        position += (MemoryLayout<T>.alignment - position % MemoryLayout<T>.alignment) % MemoryLayout<T>.alignment
        try need(n * size)
        defer { position += n * size }
        return [T](unsafeUninitializedCapacity: n) { out, initialized in
            UnsafeMutableRawBufferPointer(out).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[position..<position + n * size]))
            initialized = n
        }
    }

    mutating func optionalBool() throws(ArchiveError) -> Bool? {
        switch try u8() {
        case 0: nil
        case 1: false
        default: true
        }
    }
}
