import Foundation

/// The texts people read, by key, from one plain file per language
/// (`Catalogue/en.txt`, `Catalogue/zh.txt`: `key = text` lines, `#` comments,
/// `{0}` `{1}` … for what is filled in), so that a translator edits a file,
/// not the code.
public struct Catalogue: Sendable {
    public let language: Language
    /// The texts by key, as the file has them.
    public let texts: [String: String]

    /// The catalogue of `language`, read once.
    public static func of(_ language: Language) -> Catalogue { language == .zh ? chinese : english }

    private static let english = Catalogue(language: .en, file: "en")
    private static let chinese = Catalogue(language: .zh, file: "zh")

    init(language: Language, file: String) {
        self.language = language
        let text = Self.places(of: file).lazy.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.first ?? ""
        texts = Self.parse(text)
    }

    /// Where the file may be: in the resource bundle beside the program (as
    /// SwiftPM builds it), else in the sources it was built from. Not through
    /// `Bundle.module`, which stops the program when its bundle is missing.
    static func places(of file: String) -> [String] {
        let program = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent().path
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
        return ["\(program)/Rapport_RapportCore.resources/Catalogue/\(file).txt", "\(sources)/Catalogue/\(file).txt"]
    }

    /// `key = text` lines; `\n` in a text is a newline.
    static func parse(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let eq = line.range(of: " = ") else { continue }
            out[String(line[..<eq.lowerBound]).trimmingSpaces] = String(line[eq.upperBound...]).replacingOccurrences(of: "\\n", with: "\n")
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
