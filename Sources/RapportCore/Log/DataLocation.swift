/// Where the log lives and who is writing: resolved from options, the
/// environment and the user's account, in that order.
public enum DataLocation {
    /// The log path: `--data`, else `RAPPORT_DATA`, else
    /// `$XDG_DATA_HOME/rapport/rapport.log`, else `~/.local/share/rapport/rapport.log`.
    public static func logPath(option: String?, environment: [String: String], home: String?) -> String? {
        if let option, !option.isEmpty { return option }
        if let env = environment["RAPPORT_DATA"], !env.isEmpty { return env }
        // The XDG spec ignores a relative XDG_DATA_HOME.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/rapport/rapport.log" }
        guard let home = environment["HOME"].flatMap({ $0.isEmpty ? nil : $0 }) ?? home else { return nil }
        return home + "/.local/share/rapport/rapport.log"
    }

    /// The actor: `--actor`, else `RAPPORT_USER`, else the login name.
    public static func actor(option: String?, environment: [String: String], loginName: String?) -> String? {
        for candidate in [option, environment["RAPPORT_USER"], loginName, environment["USER"]] {
            if let c = candidate?.trimmingSpaces, !c.isEmpty { return c }
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
