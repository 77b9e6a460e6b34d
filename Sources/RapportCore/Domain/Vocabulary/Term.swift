/// A word of the domain vocabulary: a stage, a mood, a buying role … stored in
/// the log as its raw value, shown in English or Chinese.
public protocol Term: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// What the term names, for messages: "stage", "mood".
    static var noun: String { get }
    /// The English and Chinese labels.
    var labels: (english: String, chinese: String) { get }
}

extension Term {
    /// The English label.
    public var english: String { labels.english }
    /// The Chinese label.
    public var chinese: String { labels.chinese }

    /// The term inside a message: its code in English (as messages always
    /// gave it, and as it is typed), its label in Chinese.
    public var codeWord: String { Language.reading == .en ? rawValue : chinese }

    /// The raw values, comma-separated, for "use one of …" messages.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// What may be typed, for "use one of …" messages in the language of the
    /// moment: the raw values, or in Chinese the Chinese labels.
    public static var choicesWord: String {
        Language.reading == .zh ? allCases.map(\.chinese).joined(separator: "、") : choices
    }

    /// The choices for a command's help: `a, b or c`, or in Chinese the
    /// labels with the codes: `借口（excuse）、价格（price）或…`.
    public static var helpChoices: String {
        let words = Language.reading == .zh ? allCases.map { "\($0.chinese)（\($0.rawValue)）" } : allCases.map(\.rawValue)
        guard words.count > 1 else { return words.joined() }
        return words.dropLast().joined(separator: Language.reading == .zh ? "、" : ", ") + say("term.or") + words.last!
    }

    /// What the term names, in the language of the moment: "stage", 阶段.
    public static var nounWord: String { say(nounKey(noun)) }

    /// Reads a term from user input: its raw value, English or Chinese label
    /// (any case, spaces or underscores for hyphens), a unique prefix, or a
    /// part of the Chinese label that no other label has.
    public static func parse(_ text: String) -> Self? {
        let key = Self.normalize(text)
        guard !key.isEmpty else { return nil }
        if let exact = allCases.first(where: {
            $0.rawValue == key || normalize($0.english) == key || $0.chinese == text.trimmingSpaces
        }) {
            return exact
        }
        let prefixed = allCases.filter { $0.rawValue.hasPrefix(key) || normalize($0.english).hasPrefix(key) }
        if prefixed.count == 1 { return prefixed[0] }
        // Chinese as people say it: part of the label (成交 for 达成交易), when only one label holds it.
        let chinese = text.trimmingSpaces
        guard chinese.unicodeScalars.contains(where: { $0.properties.isIdeographic }) else { return nil }
        let holding = allCases.filter { $0.chinese.contains(chinese) }
        return holding.count == 1 ? holding[0] : nil
    }

    /// Reads a term or fails with a message listing the valid ones.
    public static func parsing(_ text: String) throws(InputError) -> Self {
        guard let term = parse(text) else {
            throw InputError(say("term.unknown", nounWord, text, choicesWord))
        }
        return term
    }

    private static func normalize(_ s: String) -> String {
        String(s.trimmingSpaces.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
    }
}

/// The catalogue key of a term's noun: `term.noun.personalityType` for "personality type".
func nounKey(_ noun: String) -> String {
    let words = noun.split(whereSeparator: { $0 == " " || $0 == "-" })
    return "term.noun." + words.enumerated().map { $0 == 0 ? $1.lowercased() : $1.prefix(1).uppercased() + $1.dropFirst() }.joined()
}

/// Bad input from a person or a script, in one line that says what was
/// wrong and what is accepted. It names no command: the command line and the
/// screen each add their own `hint` in their own words.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    /// The input it is about (`name`, `due`, `value`), so that a form can show
    /// the message beside that field; nil for the action as a whole.
    public let field: String?
    /// A way forward the person may not know of.
    public let hint: Hint?

    /// What the person can do about it.
    public enum Hint: Equatable, Sendable {
        /// Undo the earlier action (a deal closed by mistake).
        case undo
        /// Clear the customer's do-not-contact flag first.
        case clearDoNotContact(CustomerID)
        /// Search for the text, which matched no one exactly.
        case search(String)
    }

    /// An error with its message, the field it is about, and a hint.
    public init(_ description: String, field: String? = nil, hint: Hint? = nil) {
        self.description = description
        self.field = field
        self.hint = hint
    }
}
