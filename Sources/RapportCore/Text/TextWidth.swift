/// How many terminal cells text takes: East Asian wide and fullwidth
/// characters (CJK) take two, combining marks and zero-width characters none,
/// emoji shown as emoji two; measured per grapheme cluster, so an emoji
/// joined from several code points counts once.
public enum TextWidth {
    /// The cells taken by `s`.
    public static func of(_ s: some StringProtocol) -> Int {
        var total = 0
        for ch in s { total += of(ch) }
        return total
    }

    /// The cells taken by one character (grapheme cluster): 0, 1 or 2.
    public static func of(_ ch: Character) -> Int {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value >= 0x20 ? 1 : 0 }   // ASCII fast path
        if scalars.count > 1 {
            // Emoji sequences: presentation selector, ZWJ sequences, flags, keycaps.
            if scalars.contains(where: { $0.value == 0xFE0F }) || scalars.contains(where: { $0.value == 0x200D }) {
                return 2
            }
            if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        }
        return of(first)
    }

    /// The cells taken by one code point: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }   // C1 controls
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }   // zero-width space, Hangul medial vowels
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    /// East Asian Wide (W) or Fullwidth (F), after Unicode's EastAsianWidth.txt.
    static func isWide(_ v: UInt32) -> Bool {
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.0 { hi = mid - 1 } else if v > r.1 { lo = mid + 1 } else { return true }
        }
        return false
    }

    private static let wideRanges: [(UInt32, UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0),
        (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F),
        (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5),
        (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
        (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728),
        (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x2FF0, 0x2FFB), (0x3000, 0x303E),
        (0x3041, 0x3096), (0x3099, 0x30FF), (0x3105, 0x312F), (0x3131, 0x318E), (0x3190, 0x31E3),
        (0x31F0, 0x321E), (0x3220, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA48C), (0xA490, 0xA4C6),
        (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE52),
        (0xFE54, 0xFE66), (0xFE68, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x16FE4),
        (0x16FF0, 0x16FF1), (0x17000, 0x187F7), (0x18800, 0x18CD5), (0x18D00, 0x18D08), (0x1AFF0, 0x1AFFE),
        (0x1B000, 0x1B122), (0x1B150, 0x1B152), (0x1B164, 0x1B167), (0x1B170, 0x1B2FB), (0x1F004, 0x1F004),
        (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F202), (0x1F210, 0x1F23B),
        (0x1F240, 0x1F248), (0x1F250, 0x1F251), (0x1F260, 0x1F265), (0x1F300, 0x1F320), (0x1F32D, 0x1F335),
        (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0),
        (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D),
        (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4),
        (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7),
        (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0),
        (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FA7C), (0x1FA80, 0x1FA88),
        (0x1FA90, 0x1FABD), (0x1FABF, 0x1FAC5), (0x1FACE, 0x1FADB), (0x1FAE0, 0x1FAE8), (0x1FAF0, 0x1FAF8),
        (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ]

    // MARK: - Fitting text into cells

    /// `s` cut to at most `width` cells, ending in `…` when cut; never splits
    /// a character (a wide one that does not fit is left out whole). Reads
    /// only as far as the cut, however long `s` is.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var cut: String.Index?      // where the text must end to leave room for "…"
        var i = s.startIndex
        while i < s.endIndex {
            let w = of(s[i])
            if cut == nil, used + w > width - 1 { cut = i }
            used += w
            if used > width { return String(s[..<cut!]) + "…" }
            i = s.index(after: i)
        }
        return s
    }

    /// `s` truncated or padded with spaces to exactly `width` cells.
    public static func pad(_ s: String, to width: Int) -> String {
        let t = truncate(s, to: width)
        return t + String(repeating: " ", count: max(0, width - of(t)))
    }

    /// `s` right-aligned in exactly `width` cells.
    public static func padLeft(_ s: String, to width: Int) -> String {
        let t = truncate(s, to: width)
        return String(repeating: " ", count: max(0, width - of(t))) + t
    }

    /// The full-width marks that may not begin a line.
    static let closingMarks: Set<Character> = ["。", "，", "、", "；", "：", "？", "！", "）", "」", "』", "】", "》", "〉", "”", "’", "％"]

    /// `s` broken into lines of at most `width` cells, at spaces where it can
    /// be, anywhere between CJK characters but never before a closing mark
    /// (。，）…), and mid-word only when a word is longer than a line. Stops
    /// after `maxLines` lines: the work is linear in what is returned, not in
    /// the length of `s`.
    public static func wrap(_ s: String, to width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines: [String] = []
        var line = "", lineWidth = 0
        var word = "", wordWidth = 0
        func breakLine() {
            while line.last == " " { line.removeLast() }
            lines.append(line)
            line = ""
            lineWidth = 0
        }
        /// Puts the word on the line, breaking the line first if it does not fit.
        func flushWord() {
            if lineWidth + wordWidth > width, !line.isEmpty {
                breakLine()
                if word.first == " " {
                    word.removeFirst()
                    wordWidth -= 1
                }
            }
            line += word
            lineWidth += wordWidth
            word = ""
            wordWidth = 0
        }
        /// A word longer than a line goes out in pieces of a whole line each.
        func cutLongWord() {
            if !line.isEmpty { breakLine() }
            if word.first == " " {
                word.removeFirst()
                wordWidth -= 1
            }
            var piece = "", pieceWidth = 0
            for ch in word {
                let w = of(ch)
                if pieceWidth + w > width, !piece.isEmpty {
                    lines.append(piece)
                    piece = ""
                    pieceWidth = 0
                }
                piece.append(ch)
                pieceWidth += w
            }
            word = piece
            wordWidth = pieceWidth
        }
        for ch in s {
            if lines.count >= maxLines { break }
            switch ch {
            case "\n":
                flushWord()
                breakLine()
            case " ":
                flushWord()
                word = " "
                wordWidth = 1
            default:
                let w = of(ch)
                if w == 2 {   // wide characters break anywhere
                    flushWord()
                    if closingMarks.contains(ch), lineWidth + 2 > width, line.count > 1, width >= 4, let last = line.last, of(last) == 2 {
                        // A closing mark never starts a line: the character before it goes down with it.
                        line.removeLast()
                        breakLine()
                        line = String(last)
                        lineWidth = 2
                    }
                    word = String(ch)
                    wordWidth = 2
                    flushWord()
                } else {
                    word.append(ch)
                    wordWidth += w
                    if wordWidth > width { cutLongWord() }
                }
            }
        }
        if lines.count < maxLines {
            flushWord()
            lines.append(line)
        }
        return lines.count > maxLines ? Array(lines.prefix(maxLines)) : lines
    }
}
