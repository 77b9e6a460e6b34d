import Foundation

/// Decodes and verifies lines of the log. One per scanning thread: it keeps
/// the lookup tables at hand and shares Strings for repeated actors and types.
struct RecordDecoder {
    private let crcTable = CRC32C.table
    private let base32 = RecordID.decodeTable
    private let hex = Hex.digits
    private var interner = Interner()
    private var days = Timestamp.DayCache()

    /// Decodes and verifies one line (without its newline) found at `offset`.
    mutating func decode(line: UnsafeRawBufferPointer, offset: Int64) -> Result<Record, RecordDefect> {
        let n = line.count
        if n > 0, line[n - 1] == 0x0D { return .failure(.carriageReturn) }
        let t = n - RecordCodec.trailerLength
        guard t > 2, line.matches(#","crc":""#, at: t), line[n - 2] == 0x22, line[n - 1] == 0x7D,
              let crc = Hex.parse8(line, at: t + 8, digits: hex)
        else { return .failure(.notARecord) }
        let covered = UnsafeRawBufferPointer(rebasing: line[0..<t])
        guard CRC32C.update(0, covered, table: crcTable) == crc else { return .failure(.checksumMismatch) }
        let fields = decodeAsWritten(covered) ?? decodeAnyOrder(covered)
        return fields.map { f in
            Record(id: f.id, time: f.time, actor: f.actor, type: f.type, version: f.version,
                   batchIndex: f.batchIndex, batchCount: f.batchCount, checksum: crc, previousChecksum: f.prev,
                   offset: offset, length: Int32(n + 1),
                   payloadStart: Int32(f.payload.lowerBound), payloadLength: Int32(f.payload.count))
        }
    }

    /// The envelope's fields.
    private struct Fields {
        var id: RecordID, time: Timestamp, actor: String, type: String, version: Int
        var batchIndex: Int32 = 1, batchCount: Int32 = 1, prev: UInt32, payload: Range<Int>
    }

    // MARK: - The layout rapport writes

    /// Reads the members in the order `RecordCodec.encode` writes them, with
    /// the payload last; nil if the line is laid out any other way.
    private mutating func decodeAsWritten(_ b: UnsafeRawBufferPointer) -> Result<Fields, RecordDefect>? {
        var p = 0
        func literal(_ s: StaticString) -> Bool {
            guard b.matches(s, at: p) else { return false }
            p += s.utf8CodeUnitCount
            return true
        }
        func number() -> Int64? {
            var v: Int64 = 0
            let start = p
            while p < b.count, b[p] >= 48, b[p] <= 57, p - start < 10 {
                v = v * 10 + Int64(b[p] - 48)
                p += 1
            }
            return p > start ? v : nil
        }
        guard literal(#"{"id":""#), p + 26 <= b.count,
              let id = RecordID(text: UnsafeRawBufferPointer(rebasing: b[p..<p + 26]), table: base32)
        else { return nil }
        p += 26
        guard literal(#"","time":""#), p + 24 <= b.count,
              let time = Timestamp(rfc3339: UnsafeRawBufferPointer(rebasing: b[p..<p + 24]), cache: &days)
        else { return nil }
        p += 24
        guard literal(#"","actor":""#), let actor = plainString(b, &p),
              literal(#","type":""#), let type = plainString(b, &p),
              literal(#","v":"#), let version = number()
        else { return nil }
        var fields = Fields(id: id, time: time, actor: actor, type: type, version: Int(version), prev: 0, payload: 0..<0)
        if literal(#","batch":["#) {
            guard let i = number(), literal(","), let c = number(), literal("]") else { return nil }
            fields.batchIndex = Int32(i)
            fields.batchCount = Int32(c)
        }
        guard literal(#","prev":""#), let prev = Hex.parse8(b, at: p, digits: hex) else { return nil }
        p += 8
        // The payload runs to the checksum; the domain parses it fully.
        guard literal(#"","data":"#), p < b.count, b[p] == 0x7B, b[b.count - 1] == 0x7D else { return nil }
        fields.prev = prev
        fields.payload = p..<b.count
        return validate(fields)
    }

    /// Reads a string with no escapes up to its closing quote.
    private mutating func plainString(_ b: UnsafeRawBufferPointer, _ p: inout Int) -> String? {
        let start = p
        while p < b.count {
            switch b[p] {
            case 0x22:
                p += 1
                return interner.string(UnsafeRawBufferPointer(rebasing: b[start..<p - 1]))
            case 0x5C, 0..<0x20:
                return nil
            default:
                p += 1
            }
        }
        return nil
    }

    // MARK: - Any member order

    /// Reads the members in any order (the checksum still last), as another
    /// JSON writer may lay them out.
    private mutating func decodeAnyOrder(_ b: UnsafeRawBufferPointer) -> Result<Fields, RecordDefect> {
        var s = JSONScanner(b)
        var id: RecordID?, time: Timestamp?, actor: String?, type: String?, version: Int?
        var batch = (Int32(1), Int32(1)), prev: UInt32?, payload: Range<Int>?
        do {
            try s.expect(0x7B)
            repeat {
                s.skipSpace()
                guard let key = try s.scanString().raw else { return .failure(.envelope("log.envelope.escapedKey")) }
                try s.expect(0x3A)
                s.skipSpace()
                switch EnvelopeKey(UnsafeRawBufferPointer(rebasing: b[key])) {
                case .id:
                    guard let r = try s.scanString().raw, let v = RecordID(text: UnsafeRawBufferPointer(rebasing: b[r]), table: base32)
                    else { return .failure(.envelope("log.envelope.id")) }
                    id = v
                case .time:
                    guard let r = try s.scanString().raw, let v = Timestamp(rfc3339: UnsafeRawBufferPointer(rebasing: b[r]))
                    else { return .failure(.envelope("log.envelope.time")) }
                    time = v
                case .actor:
                    actor = try s.parseString()
                case .type:
                    type = try s.parseString()
                case .version:
                    guard case .int(let v) = try s.parseNumber() else { return .failure(.envelope("log.envelope.version")) }
                    version = Int(clamping: v)
                case .batch:
                    guard case .array(let a) = try s.parseValue(), a.count == 2, let i = a[0].int, let c = a[1].int,
                          c < Int32.max, i < Int32.max
                    else { return .failure(.envelope("log.envelope.batch")) }
                    batch = (Int32(i), Int32(c))
                case .prev:
                    guard let r = try s.scanString().raw, r.count == 8, let v = Hex.parse8(b, at: r.lowerBound, digits: hex)
                    else { return .failure(.envelope("log.envelope.prev")) }
                    prev = v
                case .data:
                    guard s.position < b.count, b[s.position] == 0x7B else {
                        return .failure(.envelope("log.envelope.data"))
                    }
                    payload = try s.skipValue()
                case .other:
                    _ = try s.skipValue()
                }
            } while s.consume(0x2C)
        } catch {
            return .failure(.syntax(error))
        }
        s.skipSpace()
        // The object's closing brace follows the checksum member, outside `b`.
        guard s.position == b.count else { return .failure(.envelope("log.envelope.beforeChecksum")) }
        guard let id, let time, let actor, let type, let version, let prev, let payload else {
            return .failure(.envelope("log.envelope.missingField"))
        }
        return validate(Fields(id: id, time: time, actor: actor, type: type, version: version,
                               batchIndex: batch.0, batchCount: batch.1, prev: prev, payload: payload)) ?? .failure(.notARecord)
    }

    private func validate(_ f: Fields) -> Result<Fields, RecordDefect>? {
        guard f.version >= 1, f.version < 1 << 16 else { return .failure(.envelope("log.envelope.version")) }
        guard f.batchCount >= 1, f.batchIndex >= 1, f.batchIndex <= f.batchCount,
              f.batchCount > 1 || f.batchIndex == 1
        else { return .failure(.envelope("log.envelope.batch")) }
        return .success(f)
    }
}

/// Lowercase hexadecimal, eight digits at a time.
enum Hex {
    /// Parses eight lowercase hex digits at `i`, with the digit table at hand.
    static func parse8(_ b: UnsafeRawBufferPointer, at i: Int, digits: UnsafePointer<UInt8>) -> UInt32? {
        guard i + 8 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in i..<i + 8 {
            let d = digits[Int(b[k])]
            guard d != 0xFF else { return nil }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// Digit values by byte (0xFF: not a lowercase hex digit). Written only by
    /// its initialiser, never freed: safe to share.
    nonisolated(unsafe) static let digits: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for c in 0..<256 {
            switch c {
            case 48...57: t[c] = UInt8(c - 48)
            case 97...102: t[c] = UInt8(c - 87)
            default: t[c] = 0xFF
            }
        }
        return UnsafePointer(t)
    }()
}

/// The members of a record's envelope, told apart without allocating.
private enum EnvelopeKey {
    case id, time, actor, type, version, batch, prev, data, other

    init(_ key: UnsafeRawBufferPointer) {
        switch key.count {
        case 1: self = key[0] == 0x76 ? .version : .other
        case 2: self = key.matches("id", at: 0) ? .id : .other
        case 4:
            self = key.matches("time", at: 0) ? .time : key.matches("type", at: 0) ? .type
                : key.matches("prev", at: 0) ? .prev : key.matches("data", at: 0) ? .data : .other
        case 5: self = key.matches("actor", at: 0) ? .actor : key.matches("batch", at: 0) ? .batch : .other
        default: self = .other
        }
    }
}

/// Why a line is not a valid record.
enum RecordDefect: Error, Equatable, CustomStringConvertible {
    case notARecord
    case checksumMismatch
    /// A member of the envelope wrong or missing: the catalogue key saying which.
    case envelope(String)
    /// The line is not JSON.
    case syntax(JSONSyntaxError)
    /// An empty line: harmless between batches.
    case blankLine
    /// A line ending in CR LF, as an editor that changed the line endings saves it.
    case carriageReturn

    var description: String {
        switch self {
        case .blankLine: say("log.defect.blankLine")
        case .carriageReturn: say("log.defect.carriageReturn")
        case .notARecord: say("log.defect.notARecord")
        case .checksumMismatch: say("log.defect.checksum")
        case .envelope(let key): say("log.defect.malformed", say(key))
        case .syntax(let error): say("log.defect.malformed", error.reason)
        }
    }
}

/// Shares one String per distinct actor and event type across a scan:
/// a small open-addressing table keyed by an FNV-1a hash of the bytes.
struct Interner {
    private var slots: [(hash: UInt64, bytes: [UInt8], string: String)?] = Array(repeating: nil, count: 64)
    private var used = 0

    /// The String for `bytes`, reusing an earlier equal one.
    mutating func string(_ bytes: UnsafeRawBufferPointer) -> String {
        let h = Self.hash(bytes)
        let mask = slots.count - 1
        var i = Int(h & UInt64(mask))
        while let slot = slots[i] {
            if slot.hash == h, slot.bytes.count == bytes.count,
               slot.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return slot.string
            }
            i = (i + 1) & mask
        }
        let s = String(decoding: bytes, as: UTF8.self)
        slots[i] = (h, Array(bytes), s)
        used += 1
        if used * 4 > slots.count * 3 { grow() }
        return s
    }

    /// A quick hash of the length and the first and last eight bytes; equal
    /// hashes are confirmed byte by byte.
    private static func hash(_ b: UnsafeRawBufferPointer) -> UInt64 {
        var h = UInt64(b.count) &* 0x9E37_79B9_7F4A_7C15
        if b.count >= 8 {
            h ^= b.loadUnaligned(as: UInt64.self) &* 0xBF58_476D_1CE4_E5B9
            h ^= b.loadUnaligned(fromByteOffset: b.count - 8, as: UInt64.self) &* 0x94D0_49BB_1331_11EB
        } else {
            for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01B3 }
        }
        return h ^ (h >> 29)
    }

    private mutating func grow() {
        let old = slots.compactMap { $0 }
        slots = Array(repeating: nil, count: slots.count * 2)
        let mask = slots.count - 1
        for e in old {
            var i = Int(e.hash & UInt64(mask))
            while slots[i] != nil { i = (i + 1) & mask }
            slots[i] = e
        }
    }
}

extension UnsafeRawBufferPointer {
    /// Whether the bytes at `offset` are `literal`, compared a word at a time.
    @inline(__always)
    func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard offset >= 0, offset + n <= count, let base = baseAddress else { return false }
        let l = UnsafeRawPointer(literal.utf8Start), b = base + offset
        var i = 0
        while i + 8 <= n {
            guard b.loadUnaligned(fromByteOffset: i, as: UInt64.self) == l.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            else { return false }
            i += 8
        }
        if i < n, n >= 8 {   // the last, overlapping word
            return b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == l.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
        while i < n {
            guard b.load(fromByteOffset: i, as: UInt8.self) == l.load(fromByteOffset: i, as: UInt8.self) else { return false }
            i += 1
        }
        return true
    }
}
