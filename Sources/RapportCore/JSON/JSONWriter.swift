/// Writes JSON as compact UTF-8: no spaces, members in the order given,
/// non-ASCII text kept as is (readable by `grep` and `jq`).
public struct JSONWriter {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// An empty writer.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The compact text of `value`.
    public static func encode(_ value: JSON) -> [UInt8] {
        var w = JSONWriter()
        w.write(value)
        return w.bytes
    }

    /// The compact text of `value`, as a String.
    public static func string(_ value: JSON) -> String { String(decoding: encode(value), as: UTF8.self) }

    /// Appends `value`.
    public mutating func write(_ value: JSON) {
        switch value {
        case .null: bytes += [0x6E, 0x75, 0x6C, 0x6C]
        case .bool(let b): bytes += b ? Array("true".utf8) : Array("false".utf8)
        case .int(let i): write(integer: i)
        case .double(let d):
            if d.isFinite {
                if d.rounded() == d, abs(d) < 1e15 { write(integer: Int64(d)) } else { bytes += Array("\(d)".utf8) }
            } else {
                bytes += [0x6E, 0x75, 0x6C, 0x6C]
            }
        case .string(let s): write(string: s)
        case .array(let a):
            bytes.append(0x5B)
            for (i, e) in a.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                write(e)
            }
            bytes.append(0x5D)
        case .object(let o):
            bytes.append(0x7B)
            for (i, m) in o.members.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                write(string: m.key)
                bytes.append(0x3A)
                write(m.value)
            }
            bytes.append(0x7D)
        }
    }

    /// Appends a whole number.
    public mutating func write(integer i: Int64) {
        if i == 0 {
            bytes.append(48)
            return
        }
        var digits: [UInt8] = []
        var v = i.magnitude
        while v > 0 {
            digits.append(UInt8(48 + v % 10))
            v /= 10
        }
        if i < 0 { bytes.append(0x2D) }
        bytes += digits.reversed()
    }

    /// Appends a quoted, escaped string. Besides what JSON requires, DEL,
    /// the C1 controls and the direction overrides are escaped too, so that
    /// the text is harmless when printed to a terminal.
    public mutating func write(string s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            let hex = Array("0123456789abcdef".utf8)   // catalogue: not text
            var runStart = 0, i = 0
            let n = utf8.count
            while i < n {
                let c = utf8[i]
                var escaped: UInt32?, length = 1
                if c < 0x20 || c == 0x22 || c == 0x5C || c == 0x7F {
                    escaped = UInt32(c)
                } else if c == 0xC2, i + 1 < n, utf8[i + 1] >= 0x80, utf8[i + 1] < 0xA0 {
                    escaped = UInt32(utf8[i + 1])
                    length = 2
                } else if c == 0xE2, i + 2 < n, utf8[i + 1] & 0xC0 == 0x80 {
                    let v = 0x2000 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    if TerminalText.isBidiControl(v) {
                        escaped = v
                        length = 3
                    }
                }
                guard let v = escaped else {
                    i += 1
                    continue
                }
                bytes += UnsafeBufferPointer(rebasing: utf8[runStart..<i])
                switch v {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                default:
                    bytes += [0x5C, 0x75] + [12, 8, 4, 0].map { hex[Int((v >> UInt32($0)) & 15)] }
                }
                i += length
                runStart = i
            }
            bytes += UnsafeBufferPointer(rebasing: utf8[runStart...])
        }
        bytes.append(0x22)
    }
}
