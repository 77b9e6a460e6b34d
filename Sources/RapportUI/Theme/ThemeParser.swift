import RapportCore
/// Reads a theme file: one style per line, `name  foreground  [background]  [attributes]`.
///
/// Colours are `default`, a name (`black`, `red`, … `white`, `bright-red` …) or
/// a number 0–255; attributes are a comma-separated list (`bold,underline`) or
/// `-`. `#` starts a comment. Styles a file does not name keep the built-in look.
public enum ThemeParser {
    /// What is wrong with a theme file, and where.
    public struct Problem: Error, Equatable, CustomStringConvertible, Sendable {
        public let file: String, line: Int, message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static func parse(_ text: String, name: String, file: String) throws(Problem) -> Theme {
        var looks: [Style: Theme.Look] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !fields.isEmpty else { continue }
            func fail(_ message: String) -> Problem { Problem(file: file, line: n + 1, message: message) }
            guard let style = Style(rawValue: fields[0]) else {
                throw fail(say("screen.theme.unknownStyle", fields[0], Style.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            guard (2...4).contains(fields.count) else {
                throw fail(say("screen.theme.expected", fields[0], fields.count - 1))
            }
            guard looks[style] == nil else { throw fail(say("screen.theme.twice", fields[0])) }
            var look = Theme.Look()
            guard let fg = color(fields[1]) else { throw fail(badColor(fields[1])) }
            look.foreground = fg
            if fields.count > 2 {
                if let bg = color(fields[2]) {
                    look.background = bg
                } else if fields.count == 3, let attrs = attributes(fields[2]) {
                    look.attributes = attrs   // `name fg attrs` with the background left out
                } else {
                    throw fail(badColor(fields[2]))
                }
            }
            if fields.count == 4 {
                guard let attrs = attributes(fields[3]) else {
                    throw fail(say("screen.theme.unknownAttribute", fields[3], Theme.Attribute.allCases.map(\.rawValue).joined(separator: ", ")))
                }
                look.attributes = attrs
            }
            looks[style] = look
        }
        return Theme(name: name, looks: looks)
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]   // catalogue: not text

    private static func color(_ s: String) -> Theme.Color? {
        if s == "default" || s == "-" { return .terminalDefault }   // catalogue: not text
        if let n = Int(s), (0...255).contains(n) { return .index(n) }
        if let i = colorNames.firstIndex(of: s) { return .index(i) }
        if s.hasPrefix("bright-"), let i = colorNames.firstIndex(of: String(s.dropFirst(7))) { return .index(i + 8) }   // catalogue: not text (a colour name in the file format)
        return nil
    }

    private static func badColor(_ s: String) -> String {
        say("screen.theme.unknownColour", s, colorNames.joined(separator: ", "))
    }

    private static func attributes(_ s: String) -> Set<Theme.Attribute>? {
        if s == "-" { return [] }
        var set: Set<Theme.Attribute> = []
        for part in s.split(separator: ",") {
            guard let a = Theme.Attribute(rawValue: String(part)) else { return nil }
            set.insert(a)
        }
        return set.isEmpty ? nil : set
    }
}
