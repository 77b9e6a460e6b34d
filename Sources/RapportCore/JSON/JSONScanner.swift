/// What went wrong while reading JSON, and where.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The byte offset into the scanned text.
    public let offset: Int
    /// What was expected: a catalogue key, and what fills it in (worded when read, in the language of the moment).
    let key: String, values: [String]

    /// What was expected, in words.
    public var reason: String { Catalogue.of(Language.reading).text(key, values) }
    public var description: String { say("log.json.at", reason, offset) }
}

/// A cursor over JSON bytes: parses values, or skips them and reports their span.
///
/// Works on borrowed memory; callers keep the bytes alive for the scan.
public struct JSONScanner {
    /// The bytes being read.
    public let bytes: UnsafeRawBufferPointer
    /// The next byte to read.
    public var position: Int

    /// A scanner at the start of `bytes`.
    public init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// Parses a complete document: one value and nothing but spaces after it.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSON {
        var s = JSONScanner(bytes)
        let value = try s.parseValue()
        s.skipSpace()
        guard s.position == bytes.count else { throw s.error("log.json.after") }
        return value
    }

    /// Parses a complete document from an array of bytes.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSON {
        do {
            return try bytes.withUnsafeBytes { raw in try parse(raw) }
        } catch let e as JSONSyntaxError {
            throw e
        } catch {
            throw JSONSyntaxError(offset: 0, key: "log.json.other", values: ["\(error)"])
        }
    }

    // MARK: - Primitives

    /// Moves past spaces, tabs and line breaks.
    public mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after spaces) or fails.
    public mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else {
            throw error("log.json.expected", "'\(Character(Unicode.Scalar(byte)))'")
        }
        position += 1
    }

    /// Consumes `byte` if it is next (after spaces).
    public mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        if position < bytes.count, bytes[position] == byte {
            position += 1
            return true
        }
        return false
    }

    /// An error at the current position.
    public func error(_ key: String, _ values: String...) -> JSONSyntaxError { JSONSyntaxError(offset: position, key: key, values: values) }

    // MARK: - Strings

    /// Reads a string; `raw` is the span between the quotes when it held no escapes.
    public mutating func scanString() throws(JSONSyntaxError) -> (raw: Range<Int>?, decoded: String?) {
        try expect(0x22)
        let start = position
        while position < bytes.count {
            let c = bytes[position]
            if c == 0x22 {
                position += 1
                return (start..<position - 1, nil)
            }
            if c == 0x5C { return (nil, try finishEscapedString(from: start)) }
            if c < 0x20 { throw error("log.json.control") }
            position += 1
        }
        throw error("log.json.unterminated")
    }

    /// Reads a string value.
    public mutating func parseString() throws(JSONSyntaxError) -> String {
        let (raw, decoded) = try scanString()
        if let decoded { return decoded }
        let r = raw ?? 0..<0
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    private mutating func finishEscapedString(from start: Int) throws(JSONSyntaxError) -> String {
        var out = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let c = bytes[position]
            position += 1
            switch c {
            case 0x22:
                return String(decoding: out, as: UTF8.self)
            case 0x5C:
                guard position < bytes.count else { break }
                let e = bytes[position]
                position += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard position + 1 < bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75 else {
                            throw error("log.json.loneSurrogate")
                        }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("log.json.surrogatePair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw error("log.json.loneSurrogate")
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error("log.json.unicodeEscape") }
                    out += Array(String(Character(u)).utf8)
                default:
                    throw error("log.json.escape")
                }
            default:
                if c < 0x20 { throw error("log.json.control") }
                out.append(c)
            }
        }
        throw error("log.json.unterminated")
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("log.json.shortEscape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[position]
            let d: UInt8
            switch c {
            case 48...57: d = c - 48
            case 65...70: d = c - 55
            case 97...102: d = c - 87
            default: throw error("log.json.hexDigit")
            }
            v = v << 4 | UInt32(d)
            position += 1
        }
        return v
    }

    // MARK: - Numbers

    /// Reads a number; whole numbers that fit come back as `.int`.
    public mutating func parseNumber() throws(JSONSyntaxError) -> JSON {
        skipSpace()
        let start = position
        var negative = false
        if position < bytes.count, bytes[position] == 0x2D {
            negative = true
            position += 1
        }
        var value: Int64 = 0
        var digits = 0
        var overflow = false
        while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(bytes[position] - 48))
            overflow = overflow || o1 || o2
            value = a
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw error("log.json.value") }
        guard !(digits > 1 && bytes[start + (negative ? 1 : 0)] == 48) else { throw error("log.json.leadingZero") }
        var isInteger = true
        if position < bytes.count, bytes[position] == 0x2E {
            isInteger = false
            position += 1
            let f = position
            while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 { position += 1 }
            guard position > f else { throw error("log.json.fraction") }
        }
        if position < bytes.count, bytes[position] == 0x65 || bytes[position] == 0x45 {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == 0x2B || bytes[position] == 0x2D { position += 1 }
            let f = position
            while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 { position += 1 }
            guard position > f else { throw error("log.json.exponent") }
        }
        if isInteger && !overflow { return .int(negative ? -value : value) }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let d = Double(text) else { throw error("log.json.number") }
        return .double(d)
    }

    // MARK: - Values

    /// Parses the next value.
    public mutating func parseValue(depth: Int = 0) throws(JSONSyntaxError) -> JSON {
        guard depth < 64 else { throw error("log.json.nesting") }
        skipSpace()
        guard position < bytes.count else { throw error("log.json.value") }
        switch bytes[position] {
        case 0x22:
            return .string(try parseString())
        case 0x7B:
            position += 1
            var members: [JSONObject.Member] = []
            if consume(0x7D) { return .object(JSONObject(members: members)) }
            repeat {
                skipSpace()
                let key = try parseString()
                try expect(0x3A)
                members.append(JSONObject.Member(key: key, value: try parseValue(depth: depth + 1)))
            } while consume(0x2C)
            try expect(0x7D)
            return .object(JSONObject(members: members))
        case 0x5B:
            position += 1
            var elements: [JSON] = []
            if consume(0x5D) { return .array(elements) }
            repeat {
                elements.append(try parseValue(depth: depth + 1))
            } while consume(0x2C)
            try expect(0x5D)
            return .array(elements)
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        default:
            return try parseNumber()
        }
    }

    /// Moves past the next value without building it; returns its span.
    public mutating func skipValue(depth: Int = 0) throws(JSONSyntaxError) -> Range<Int> {
        guard depth < 64 else { throw error("log.json.nesting") }
        skipSpace()
        let start = position
        guard position < bytes.count else { throw error("log.json.value") }
        switch bytes[position] {
        case 0x22:
            _ = try scanString()
        case 0x7B:
            position += 1
            if !consume(0x7D) {
                repeat {
                    skipSpace()
                    _ = try scanString()
                    try expect(0x3A)
                    _ = try skipValue(depth: depth + 1)
                } while consume(0x2C)
                try expect(0x7D)
            }
        case 0x5B:
            position += 1
            if !consume(0x5D) {
                repeat { _ = try skipValue(depth: depth + 1) } while consume(0x2C)
                try expect(0x5D)
            }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default: _ = try parseNumber()
        }
        return start..<position
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard position + n <= bytes.count else { throw error("log.json.expected", "\(word)") }
        let w = UnsafeRawBufferPointer(start: word.utf8Start, count: n)
        for i in 0..<n where bytes[position + i] != w[i] { throw error("log.json.expected", "\(word)") }
        position += n
    }
}
