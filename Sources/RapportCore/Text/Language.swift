import Foundation
import Synchronization

/// The language people read the program in. The log and `--json` stay
/// language-neutral whatever it is.
public enum Language: String, CaseIterable, Sendable {
    case en, zh

    /// Reads `zh`, `en`, `中文`, `english`, `zh_CN` …; nil for anything else.
    public static func parse(_ text: String) -> Language? {
        let t = text.trimmingSpaces.lowercased()
        if t == "中文" || t == "chinese" || t.hasPrefix("zh") { return .zh }
        if t == "english" || t == "英文" || t.hasPrefix("en") { return .en }
        return nil
    }

    /// The language the locale asks for (LC_ALL, then LC_MESSAGES, then LANG,
    /// the first set): Chinese for one starting with `zh`, else nil.
    public static func fromLocale(_ environment: [String: String]) -> Language? {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {   // catalogue: not text
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : nil
        }
        return nil
    }

    /// The setting in force: `--lang`, else the config file's `lang`, else the locale, else English.
    public static func resolve(option: String?, config: String?, environment: [String: String]) -> Language {
        option.flatMap(parse) ?? config.flatMap(parse) ?? fromLocale(environment) ?? .en
    }
}

extension Term {
    /// The term's label in `language`.
    public func label(_ language: Language) -> String { language == .zh ? chinese : english }
}

extension Language {
    /// The language a piece of work renders in, when it says so (a test, the
    /// screen's drawing of one frame); nil leaves the program's choice.
    @TaskLocal public static var override: Language?
    private static let chosen = Mutex<Language>(.en)

    /// The language messages are worded in now: the task's override, else
    /// the program's choice (English until the edge chooses).
    public static var reading: Language { override ?? chosen.withLock { $0 } }

    /// Sets the program's language: the command line once at start, the
    /// screen whenever `:lang` changes it.
    public static func choose(_ language: Language) { chosen.withLock { $0 = language } }
}

extension Term {
    /// The term's label in the language of the moment (`Language.reading`).
    public var word: String { label(Language.reading) }
}
