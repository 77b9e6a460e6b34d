import ArgumentParser
import RapportCore

/// ArgumentParser's own words in its help and errors ("USAGE:", "Error:",
/// "Missing expected argument …"), in the language of the moment: the
/// parser knows English only, so its messages are reworded line by line.
enum ParserWords {
    /// `message` as ArgumentParser wrote it, in the language of the moment.
    static func reworded(_ message: String) -> String {
        guard Language.reading != .en else { return message }
        let patterns = Self.patterns
        return message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in patterns.reduce(String(line)) { reworded($0, $1.pattern, $1.key) } }
            .joined(separator: "\n")
    }

    /// `line` with what `pattern` matches worded by `key`, its captures filling `{0}`, `{1}` ….
    private static func reworded(_ line: String, _ pattern: Regex<AnyRegexOutput>, _ key: String) -> String {
        line.replacing(pattern) { match in
            Catalogue.of(Language.reading).text(key, (1..<match.output.count).map { match.output[$0].substring.map(String.init) ?? "" })
        }
    }

    /// What ArgumentParser writes (its English, matched, not shown) and the key that words it.
    private static var patterns: [(pattern: Regex<AnyRegexOutput>, key: String)] {
        [
            (#"^OVERVIEW:(?: |$)"#, "parser.overview"),   // catalogue: not text
            (#"^USAGE:(?: |$)"#, "parser.usage"),   // catalogue: not text
            (#"^ARGUMENTS:"#, "parser.arguments"),   // catalogue: not text
            (#"^OPTIONS:"#, "parser.options"),   // catalogue: not text
            (#"^SUBCOMMANDS:"#, "parser.subcommands"),   // catalogue: not text
            (#"^Error: "#, "parser.error"),   // catalogue: not text
            (#"^Usage: "#, "parser.usageLine"),   // catalogue: not text
            (#"^Help:  "#, "parser.helpLine"),   // catalogue: not text
            (#"<subcommand>"#, "parser.subcommandValue"),   // catalogue: not text
            (#"<options>"#, "parser.optionsValue"),   // catalogue: not text
            (#"Show help information\."#, "parser.showHelp"),   // catalogue: not text
            (#"Show the version\."#, "parser.showVersion"),   // catalogue: not text
            (#" ?\(default: (.*?)\)"#, "parser.default"),   // catalogue: not text
            (#"\(default\)$"#, "parser.defaultSubcommand"),   // catalogue: not text
            (#"See '(.+)' for detailed help\."#, "parser.seeDetailedHelp"),   // catalogue: not text
            (#"See '(.+)' for more information\."#, "parser.seeMore"),   // catalogue: not text
            (#"Missing expected argument '(.+)'"#, "parser.missingArgument"),   // catalogue: not text
            (#"Unknown option '(.+?)'\. Did you mean '(.+)'\?"#, "parser.unknownOptionDidYouMean"),   // catalogue: not text
            (#"Unknown option '(.+)'"#, "parser.unknownOption"),   // catalogue: not text
            (#"Unexpected argument '(.+)'"#, "parser.unexpectedArgument"),   // catalogue: not text
            (#"^(?:Error: )?([0-9]+) unexpected arguments: (.+)$"#, "parser.unexpectedArguments"),   // catalogue: not text
            (#"Missing value for '(.+)'"#, "parser.missingValue"),   // catalogue: not text
            (#"The value '(.*)' is invalid for '(.+?)'"#, "parser.invalidValue"),   // catalogue: not text
            (#"The option '(.+)' does not take any value, but '(.*)' was specified\."#, "parser.noValueTaken"),   // catalogue: not text
        ].map { (try! Regex($0.0), $0.1) }
    }
}
