import Foundation
import RapportApp
import RapportCore

/// The language of this run, known before the arguments are parsed so that
/// the help and the parser's own errors are worded in it too.
enum ProgramLanguage {
    /// `--lang` as the arguments give it (a bad value is left to the parser
    /// to refuse), else the config file's `lang`, else the locale.
    static var resolved: Language {
        let env = ProcessInfo.processInfo.environment
        let home = env["HOME"] ?? getpwuid(geteuid()).map { String(cString: $0.pointee.pw_dir) }   // catalogue: not text (names of settings)
        return Language.resolve(option: option(in: Array(CommandLine.arguments.dropFirst())),
                                config: ScreenConfig(environment: env, home: home).lang, environment: env)
    }

    /// The value of the last `--lang X` or `--lang=X` before any `--`.
    static func option(in arguments: [String]) -> String? {
        var found: String?
        var rest = arguments[...]
        while let argument = rest.popFirst(), argument != "--" {   // catalogue: not text (names of settings)
            if argument == "--lang" { found = rest.popFirst() ?? found }   // catalogue: not text (names of settings)
            if argument.hasPrefix("--lang=") { found = String(argument.dropFirst("--lang=".count)) }   // catalogue: not text (names of settings)
        }
        return found
    }
}
