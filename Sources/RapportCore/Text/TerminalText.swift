/// Text from the log made safe to show on a terminal, and text from people
/// checked before it goes into the log.
///
/// Names and notes come from other people and programs (imports, telephony
/// hooks). A control character written raw to a terminal is a command to it:
/// `ESC [ 2 J` clears the screen, `ESC ] 0 ;` retitles the window, `U+202E`
/// reverses the text after it. Shown, each becomes a visible stand-in instead.
public enum TerminalText {
    /// `s` with every control character shown visibly: C0 controls as their
    /// Unicode control pictures (`ESC` as `␛`), DEL as `␡`, C1 controls and the
    /// bidirectional overrides as `<U+0085>`. With `multiline`, newlines and
    /// tabs stay as they are.
    public static func safe(_ s: String, multiline: Bool = false) -> String {
        guard needsEscaping(s, multiline: multiline) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if multiline, scalar == "\n" || scalar == "\t" {
                out.append(scalar)
            } else if let shown = standIn(for: scalar) {
                out.append(contentsOf: shown.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// What shows in place of `scalar`, or nil when it is safe as it is.
    public static func standIn(for scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        switch v {
        case 0..<0x20: return String(Unicode.Scalar(0x2400 + v)!)
        case 0x7F: return "\u{2421}"
        case 0x80..<0xA0: return "<U+\(hex(v))>"
        default: return isBidiControl(v) ? "<U+\(hex(v))>" : nil
        }
    }

    /// Whether `s` holds anything `safe` would change: a quick look at the
    /// UTF-8 bytes, so that plain text costs one pass and no allocation.
    static func needsEscaping(_ s: String, multiline: Bool) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x20 {
                    if !(multiline && (b == 0x0A || b == 0x09)) { return true }
                } else if b == 0x7F {
                    return true
                } else if b == 0xC2, i + 1 < n, bytes[i + 1] >= 0x80, bytes[i + 1] < 0xA0 {
                    return true   // a C1 control, U+0080 to U+009F
                } else if b == 0xE2, i + 2 < n {
                    let v = 0x2000 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    if bytes[i + 1] & 0xC0 == 0x80, isBidiControl(v) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The explicit direction marks, embeddings, overrides and isolates,
    /// which can make text read in another order than it is stored.
    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: - Checking input

    /// Most characters a one-line field (a name, a title, a phone) may hold.
    public static let maximumLineCharacters = 1000
    /// Most bytes (UTF-8) a note may hold: about 21,000 Chinese characters.
    public static let maximumNoteBytes = 65_536

    /// Why `s` cannot be a one-line field, or nil when it can: no control
    /// characters at all (no newline, no tab, no escape), no direction
    /// overrides, and at most `maximumLineCharacters`.
    public static func problemAsLine(_ s: String) -> String? {
        if let bad = s.unicodeScalars.first(where: { standIn(for: $0) != nil || $0 == "\n" || $0 == "\t" }) {
            return say("log.text.lineControl", describe(bad))
        }
        let count = s.count
        if count > maximumLineCharacters {
            return say("log.text.lineLong", Format.grouped(count), Format.grouped(maximumLineCharacters))
        }
        return nil
    }

    /// Why `s` cannot be a note, or nil when it can: newlines and tabs are
    /// fine, other control characters are not, and at most `maximumNoteBytes`.
    public static func problemAsNote(_ s: String) -> String? {
        if let bad = s.unicodeScalars.first(where: { $0 != "\n" && $0 != "\t" && standIn(for: $0) != nil }) {
            return say("log.text.noteControl", describe(bad))
        }
        let bytes = s.utf8.count
        if bytes > maximumNoteBytes {
            return say("log.text.noteLong", Format.grouped(bytes), Format.grouped(maximumNoteBytes))
        }
        return nil
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{1B}": say("log.text.escape")
        case "\n": say("log.text.newline")
        case "\t": say("log.text.tab")
        case "\r": say("log.text.carriageReturn")
        default: "U+\(hex(scalar.value))"
        }
    }
}
