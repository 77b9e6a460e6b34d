// catalogue: not yet moved (issue 16)
import Foundation
import RapportCore
import RapportUI

/// Finds and reads theme files: the user's own first, then the shipped ones.
public struct ThemeFiles {
    /// Folders searched in order.
    public let folders: [String]

    public init(environment env: [String: String], home: String?) {
        var folders: [String] = []
        if let config = ScreenConfig.folder(environment: env, home: home) { folders.append(config + "/themes") }
        if let custom = env["RAPPORT_THEMES"], !custom.isEmpty { folders.append(custom) }
        // Next to the binary, for `make run` in a checkout: .build/release/rapport → themes/.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            folders.append(dir.appendingPathComponent("themes").path)
            dir = dir.deletingLastPathComponent()
        }
        folders += ["/usr/local/share/rapport/themes", "/usr/share/rapport/themes"]
        self.folders = folders
    }

    /// The theme `name` (or a file path), or why it cannot be used.
    public func load(_ name: String) -> Result<Theme, ThemeError> {
        let candidates = name.contains("/") ? [name] : folders.map { "\($0)/\(name).theme" }
        guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            return .failure(ThemeError(text: "no theme \"\(name)\" (looked for \(name).theme in \(folders.prefix(2).joined(separator: ", ")) and the shipped themes)"))
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return .failure(ThemeError(text: "\(path): cannot be read as UTF-8 text"))
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
            if name != "default", case .success(let theme) = load("default") { return (theme, "\(e.text); using default") }
            return (Theme.builtIn, "\(e.text); using the built-in look")
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
        if let x = env["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/rapport" }
        return home.map { $0 + "/.config/rapport" }
    }

    public init(environment env: [String: String], home: String?) {
        guard let folder = ScreenConfig.folder(environment: env, home: home),
              let data = FileManager.default.contents(atPath: folder + "/config"),
              let text = String(data: data, encoding: .utf8) else { return }
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(in: .whitespaces) ?? ""
            guard !line.isEmpty else { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "theme", !parts[1].isEmpty {
                theme = parts[1]
            } else if parts.count == 2, parts[0] == "lang", Language.parse(parts[1]) != nil {
                lang = parts[1]
            } else if problem == nil {
                problem = "\(folder)/config:\(n + 1): expected `theme = NAME` or `lang = zh|en`"
            }
        }
    }
}
