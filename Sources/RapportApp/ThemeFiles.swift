import Foundation
import RapportCore
import RapportUI

/// Finds and reads theme files: the user's own first, then the shipped ones.
public struct ThemeFiles {
    /// Folders searched in order.
    public let folders: [String]

    public init(environment env: [String: String], home: String?) {
        var folders: [String] = []
        if let config = ScreenConfig.folder(environment: env, home: home) { folders.append(config + "/themes") }   // catalogue: not text
        if let custom = env["RAPPORT_THEMES"], !custom.isEmpty { folders.append(custom) } // catalogue: not text
        // Next to the binary, for `make run` in a checkout: .build/release/rapport → themes/.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            folders.append(dir.appendingPathComponent("themes").path)   // catalogue: not text
            dir = dir.deletingLastPathComponent()
        }
        folders += ["/usr/local/share/rapport/themes", "/usr/share/rapport/themes"]   // catalogue: not text
        self.folders = folders
    }

    /// The theme `name` (or a file path), or why it cannot be used.
    public func load(_ name: String) -> Result<Theme, ThemeError> {
        let candidates = name.contains("/") ? [name] : folders.map { "\($0)/\(name).theme" }   // catalogue: not text
        guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            return .failure(ThemeError(text: say("screen.theme.none", name, folders.prefix(2).joined(separator: ", "))))
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return .failure(ThemeError(text: say("screen.theme.notUTF", path)))
        }
        do {
            return .success(try ThemeParser.parse(text, name: name, file: path))
        } catch {
            return .failure(ThemeError(text: error.description))
        }
    }

    /// The theme `name`, else `default`, else the built-in attributes; with what went wrong.
    public func loadOrFallBack(_ name: String) -> (Theme, problem: String?) {
        switch load(name) {
        case .success(let theme): return (theme, nil)
        case .failure(let e):
            if name != "default", case .success(let theme) = load("default") { return (theme, say("screen.theme.usingDefault", e.text)) }   // catalogue: not text
            return (Theme.builtIn, say("screen.theme.usingBuiltIn", e.text))
        }
    }
}

/// Why a theme cannot be used, in one line.
public struct ThemeError: Error {
    public let text: String
}

/// `~/.config/rapport/config`: `theme = light`; `#` comments.
public struct ScreenConfig {
    public var theme: String?
    /// `lang = zh` or `lang = en`.
    public var lang: String?
    public var problem: String?

    public static func folder(environment env: [String: String], home: String?) -> String? {
        if let x = env["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/rapport" }   // catalogue: not text
        return home.map { $0 + "/.config/rapport" }   // catalogue: not text
    }

    public init(environment env: [String: String], home: String?) {
        guard let folder = ScreenConfig.folder(environment: env, home: home),
              let data = FileManager.default.contents(atPath: folder + "/config"),   // catalogue: not text
              let text = String(data: data, encoding: .utf8) else { return }
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(in: .whitespaces) ?? ""
            guard !line.isEmpty else { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "theme", !parts[1].isEmpty {   // catalogue: not text
                theme = parts[1]
            } else if parts.count == 2, parts[0] == "lang", Language.parse(parts[1]) != nil {
                lang = parts[1]
            } else if problem == nil {
                problem = say("screen.config.expected", folder, n + 1)
            }
        }
    }
}
