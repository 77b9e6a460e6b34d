import Foundation

/// Where the log lives and who is writing: resolved from options, the
/// environment and the user's account, in that order.
public enum DataLocation {
    /// The log path: `--data`, else `RAPPORT_DATA`, else
    /// `$XDG_DATA_HOME/rapport/rapport.log`, else `~/.local/share/rapport/rapport.log`.
    /// An empty `--data` or `RAPPORT_DATA` is refused: a script with an unset
    /// variable must not write into the user's real log. Nil when nothing
    /// says where home is.
    public static func logPath(option: String?, environment: [String: String], home: String?) throws(InputError) -> String? {
        if let option {
            guard !option.isEmpty else { throw InputError(say("log.data.emptyOption")) }
            return option
        }
        if let env = environment["RAPPORT_DATA"] {   // catalogue: not text
            guard !env.isEmpty else {
                throw InputError(say("log.data.emptyEnv"))
            }
            return env
        }
        // The XDG spec ignores a relative XDG_DATA_HOME.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/rapport/rapport.log" }   // catalogue: not text
        guard let home = environment["HOME"].flatMap({ $0.isEmpty ? nil : $0 }) ?? home else { return nil }   // catalogue: not text
        return home + "/.local/share/rapport/rapport.log"   // catalogue: not text
    }

    /// The actor: `--actor`, else `RAPPORT_USER`, else the login name. An
    /// empty `--actor` is refused; a name with control characters too.
    public static func actor(option: String?, environment: [String: String], loginName: String?) throws(InputError) -> String? {
        if let option {
            let name = option.trimmingSpaces
            guard !name.isEmpty else { throw InputError(say("log.data.emptyActor")) }
            return try checked(name, "--actor")   // catalogue: not text
        }
        for (candidate, source) in [(environment["RAPPORT_USER"], "RAPPORT_USER"), (loginName, say("log.data.loginName")),   // catalogue: not text
                                    (environment["USER"], "USER")] {   // catalogue: not text
            if let c = candidate?.trimmingSpaces, !c.isEmpty { return try checked(c, source) }
        }
        return nil
    }

    private static func checked(_ name: String, _ source: String) throws(InputError) -> String {
        if let problem = TerminalText.problemAsLine(name) { throw InputError("\(source) \(problem)") }
        return name
    }

    /// A warning when other users could tamper with the log: its folder or
    /// the log itself is writable by others (a planted link could redirect
    /// what rapport writes there). Nil when all is private.
    public static func exposure(ofLog path: String) -> String? {
        let folder = LogStore.directory(of: path)
        var st = stat()
        if stat(folder, &st) == 0, st.st_mode & S_IWOTH != 0 {
            return say("log.data.folderExposed", folder)
        }
        if lstat(path, &st) == 0, st.st_mode & (S_IWOTH | S_IWGRP) != 0 {
            return say("log.data.logExposed", path)
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
