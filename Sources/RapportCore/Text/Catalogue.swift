import Foundation

/// The texts people read, by key, from plain files per language
/// (`Catalogue/en.txt`, `Catalogue/zh.txt`, and `en-AREA.txt`, `zh-AREA.txt`
/// beside them for one area of the program: `key = text` lines, `#`
/// comments, `{0}` `{1}` … for what is filled in), so that a translator edits
/// a file, not the code.
public struct Catalogue: Sendable {
    public let language: Language
    /// The texts by key, as the files have them.
    public let texts: [String: String]
    /// Keys given more than once (a test fails on any).
    public let duplicates: [String]

    /// The catalogue of `language`, read once.
    public static func of(_ language: Language) -> Catalogue { language == .zh ? chinese : english }

    private static let english = Catalogue(language: .en)
    private static let chinese = Catalogue(language: .zh)

    init(language: Language) {
        self.language = language
        let folder = Self.folders().first { FileManager.default.fileExists(atPath: "\($0)/\(language.rawValue).txt") } ?? ""
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0 == "\(language.rawValue).txt" || ($0.hasPrefix("\(language.rawValue)-") && $0.hasSuffix(".txt")) }.sorted()
        var texts: [String: String] = [:], duplicates: [String] = []
        for name in names {
            let text = (try? String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)) ?? ""
            for (key, value) in Self.parse(text) {
                if texts[key] != nil { duplicates.append(key) }
                texts[key] = value
            }
        }
        self.texts = texts
        self.duplicates = duplicates
    }

    /// Where the files may be: in the resource bundle beside the program (as
    /// SwiftPM builds it), else in the sources it was built from. Not through
    /// `Bundle.module`, which stops the program when its bundle is missing.
    static func folders() -> [String] {
        let program = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent().path
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
        return ["\(program)/Rapport_RapportCore.resources/Catalogue", "\(sources)/Catalogue"]
    }

    /// `key = text` lines, in order; `\n` in a text is a newline, `\s` a
    /// space (for one at either end, which an editor would drop).
    static func parse(_ text: String) -> [(String, String)] {
        var out: [(String, String)] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let eq = line.range(of: " = ") else { continue }
            let value = String(line[eq.upperBound...]).replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\s", with: " ")
            out.append((String(line[..<eq.lowerBound]).trimmingSpaces, value))
        }
        return out
    }

    /// The text of `key` with `{0}`, `{1}` … replaced by `values`; the English
    /// text when this language lacks it, the key itself when both do (a test
    /// fails on either).
    public func callAsFunction(_ key: String, _ values: CustomStringConvertible...) -> String { text(key, values) }

    /// The same, with the values in an array.
    public func text(_ key: String, _ values: [CustomStringConvertible]) -> String {
        var text = texts[key] ?? (language == .en ? nil : Self.english.texts[key]) ?? key
        for (i, value) in values.enumerated() { text = text.replacingOccurrences(of: "{\(i)}", with: value.description) }
        return text
    }
}

/// The text of `key` in the language of the moment (`Language.reading`),
/// with `{0}`, `{1}` … replaced by `values`: how the core and the command line
/// word what they tell people.
public func say(_ key: String, _ values: CustomStringConvertible...) -> String {
    Catalogue.of(Language.reading).text(key, values)
}

/// A count in words in the language of the moment: the text of `key.one`
/// when `n` is 1, else of `key.many`, with `n` (grouped: 1,204) as `{0}` and
/// `values` after it, so that English can say "1 note", "2 notes".
public func sayCount(_ key: String, _ n: Int, _ values: CustomStringConvertible...) -> String {
    Catalogue.of(Language.reading).text(key + (n == 1 ? ".one" : ".many"), [Format.grouped(n)] + values)
}

/// Words written in both languages side by side (a seed's advice, a type's
/// axes), in the language of the moment.
public func say(_ words: (english: String, chinese: String)) -> String {
    Language.reading == .zh ? words.chinese : words.english
}
