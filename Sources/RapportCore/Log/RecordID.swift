/// The unique id of a log record: 48 bits of milliseconds and 80 random bits
/// (a ULID), written as 26 Crockford base-32 characters that sort by creation.
///
/// Ids are assigned under the write lock and always exceed the previous
/// record's id, so they increase along the log even when the clock jumps back.
public struct RecordID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 128-bit value.
    public let value: UInt128

    /// An id from its raw value.
    public init(_ value: UInt128) { self.value = value }

    /// A fresh id for the moment `time`, greater than `previous`.
    public static func next(at time: Timestamp, after previous: RecordID?, random: UInt128) -> RecordID {
        let millis = UInt128(UInt64(max(0, time.milliseconds)) & 0xFFFF_FFFF_FFFF)
        let candidate = RecordID(millis << 80 | (random & ((1 << 80) - 1)))
        guard let previous, candidate <= previous else { return candidate }
        return RecordID(previous.value &+ 1)
    }

    /// The id's 26-character text.
    public var description: String {
        var chars = [UInt8](repeating: 0, count: 26)
        var v = value
        for i in stride(from: 25, through: 0, by: -1) {
            chars[i] = Self.alphabet[Int(v & 31)]
            v >>= 5
        }
        return String(decoding: chars, as: UTF8.self)
    }

    /// Parses the 26-character text; nil when it is not a valid id.
    public init?(text: UnsafeRawBufferPointer) {
        self.init(text: text, table: Self.decodeTable)
    }

    /// Parses the 26-character text with the decoding table at hand: the
    /// first 13 digits (63 bits), one digit, then the last 12 (60 bits).
    init?(text: UnsafeRawBufferPointer, table: UnsafePointer<UInt8>) {
        guard text.count == 26 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        var bad: UInt8 = table[Int(text[0])] > 7 ? 0xFF : 0
        for i in 0..<13 {
            let d = table[Int(text[i])]
            bad |= d
            high = high << 5 | UInt64(d & 31)
        }
        let middle = table[Int(text[13])]
        bad |= middle
        for i in 14..<26 {
            let d = table[Int(text[i])]
            bad |= d
            low = low << 5 | UInt64(d & 31)
        }
        guard bad & 0xE0 == 0 else { return nil }   // a non-digit is 0xFF
        value = UInt128(high) << 65 | UInt128(middle) << 60 | UInt128(low)
    }

    /// Parses the 26-character text; nil when it is not a valid id.
    public init?(_ text: String) {
        guard let id = Array(text.utf8).withUnsafeBytes({ RecordID(text: $0) }) else { return nil }
        self = id
    }

    /// The millisecond time the id was minted at.
    public var time: Timestamp { Timestamp(milliseconds: Int64(value >> 80)) }

    public static func < (a: RecordID, b: RecordID) -> Bool { a.value < b.value }

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)   // catalogue: not text
    /// Base-32 digit values by byte (0xFF: not a digit); built once, never freed.
    nonisolated(unsafe) static let decodeTable: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        t.initialize(repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return UnsafePointer(t)
    }()
}
