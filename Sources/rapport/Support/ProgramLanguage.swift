// catalogue: not yet moved (issue 16)
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
        let home = env["HOME"] ?? getpwuid(geteuid()).map { String(cString: $0.pointee.pw_dir) }
        return Language.resolve(option: option(in: Array(CommandLine.arguments.dropFirst())),
                                config: ScreenConfig(environment: env, home: home).lang, environment: env)
    }

    /// The value of the last `--lang X` or `--lang=X` before any `--`.
    static func option(in arguments: [String]) -> String? {
        var found: String?
        var rest = arguments[...]
        while let argument = rest.popFirst(), argument != "--" {
            if argument == "--lang" { found = rest.popFirst() ?? found }
            if argument.hasPrefix("--lang=") { found = String(argument.dropFirst("--lang=".count)) }
        }
        return found
    }
}
