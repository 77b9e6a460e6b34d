import Foundation
import Testing
@testable import RapportCore
@testable import RapportUI

/// The message catalogues: every key in both languages, every key the code
/// asks for present, and the files translated so far free of English.
@Suite struct CatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func everyKeyIsInBothLanguagesWithTheSamePlaceholders() {
        let en = Catalogue.of(.en).texts, zh = Catalogue.of(.zh).texts
        #expect(en.count > 100)
        #expect(Set(en.keys).subtracting(zh.keys).sorted() == [], "missing in zh.txt")
        #expect(Set(zh.keys).subtracting(en.keys).sorted() == [], "missing in en.txt")
        func placeholders(_ s: String) -> Set<String> {
            Set(s.matches(of: /\{[0-9]\}/).map { String(s[$0.range]) })
        }
        for (key, text) in en {
            #expect(placeholders(text) == placeholders(zh[key] ?? ""), "\(key): the placeholders differ")
            #expect(!text.isEmpty && zh[key]?.isEmpty == false, "\(key) is empty")
        }
    }

    /// Every `text("key"…)`, `t("key"…)`, `words("key"…)`, `say("key"…)` and
    /// `sayCount("key"…)` in the code, and every term's noun, names a key of the catalogue.
    @Test func everyKeyTheCodeAsksForExists() throws {
        let en = Catalogue.of(.en).texts
        var asked: Set<String> = []
        for file in try swiftFiles() {
            let code = try String(contentsOf: file, encoding: .utf8)
            for m in code.matches(of: /(?:text|\bt|words|say)\("([a-zA-Z]+\.[a-zA-Z.]+)"/) { asked.insert(String(m.1)) }
            for m in code.matches(of: /sayCount\("([a-zA-Z]+\.[a-zA-Z.]+)"/) { asked.formUnion([String(m.1) + ".one", String(m.1) + ".many"]) }
            // A term's noun is worded by a key made from it: "personality type" by term.noun.personalityType.
            for m in code.matches(of: /static let noun = "([^"]+)"/) { asked.insert(nounKey(String(m.1))) }
        }
        #expect(asked.count > 40)
        // Keys made from a name: a pane, a key's action, a queue bucket, a funnel tier.
        let made = Pane.allCases.map { "pane.\($0)" } + KeyAction.allCases.map { "key.\($0.rawValue)" } + FollowUpQueue.Bucket.allCases.map { "bucket.\($0)" }
            + FunnelTier.allCases.map { "funnel.tier.\($0.rawValue)" }
        asked.formUnion(made)
        #expect(asked.subtracting(en.keys).sorted() == [], "keys the code uses but the catalogue lacks")
    }

    /// `say` words a text in the language of the moment: the task's, else the program's.
    @Test func sayWordsInTheLanguageOfTheMoment() {
        #expect(Language.$override.withValue(.zh) { say("pane.funnel") } == "销售漏斗")
        #expect(Language.$override.withValue(.en) { say("pane.funnel") } == "Funnel")
        #expect(Language.$override.withValue(.zh) { Stage.closing.word } == Stage.closing.chinese)
    }

    /// No key is given twice across the files of one language.
    @Test func noKeyIsGivenTwice() {
        #expect(Catalogue.of(.en).duplicates == [])
        #expect(Catalogue.of(.zh).duplicates == [])
    }

    /// A string literal with English words in it, in the code of the screen,
    /// the command line and the core, is a text that bypasses the catalogue;
    /// unless its line says `// catalogue: not text` (a format, a file name).
    @Test func noTextBypassesTheCatalogue() throws {
        // Not words for people: the program's name, commands to type, key names.
        let allowed: Set<String> = ["Rapport", "rapport customer add NAME", ":theme NAME", ":asof DATE", ":asof now", ":user NAME",
                                    ":lang zh|en", ":import FILE", ":export", ":quit", "AIDMAS ", ": low"]
        for file in try swiftFiles() {
            let path = String(file.path.dropFirst(Self.sources.path.count + 1))
            guard !Self.exempt.contains(where: { path.hasPrefix($0) }) else { continue }
            let source = try String(contentsOf: file, encoding: .utf8)
            for line in Self.withoutInterpolations(source).split(separator: "\n", omittingEmptySubsequences: false)
            where !line.contains("// catalogue: not text") {
                let code = line.replacing(/\/\/[^\n]*/, with: "")   // comments are for us
                for m in code.matches(of: /"((?:[^"\\\n]|\\.)*)"/) {
                    let literal = String(m.1)
                    // A catalogue key ("pane.funnel"), a field's key ("objection"), a raw value ("first-contact") is not text.
                    guard literal.contains(/[A-Za-z]{3,}/),
                          !literal.contains(/^[a-zA-Z]+(\.[a-zA-Z0-9]+)+\.?$|^[a-zA-Z]+\.$|^[a-z][a-zA-Z0-9]*$|^[a-z0-9]+(-[a-z0-9]+)+$/),
                          !allowed.contains(literal) else { continue }
                    Issue.record("\(path): \"\(literal)\" bypasses the catalogue")
                }
            }
        }
    }

    /// Code with no text for people: the benchmarks, the demo's own data
    /// (names and notes, the log's content), the catalogue itself; and the
    /// vocabulary, whose every label and piece of advice is written in both
    /// languages side by side (a `Term`'s `labels`), checked by `VocabularyTests`.
    static let exempt = ["RapportBench/", "measure-child/", "ChildProcess/", "RapportCore/Domain/Demo/DemoContent.swift",
                         "RapportCore/Text/Catalogue.swift"]
        + ["ActivityTerms", "CustomerTerms", "PeopleTerms", "SalesTerms", "StageTerms", "ValueTerms", "Guidance"]
        .map { "RapportCore/Domain/Vocabulary/\($0).swift" }

    @Test func theLanguageComesFromTheOptionThenTheConfigThenTheLocale() {
        #expect(Language.resolve(option: "zh", config: "en", environment: ["LANG": "en_GB.UTF-8"]) == .zh)
        #expect(Language.resolve(option: nil, config: "中文", environment: [:]) == .zh)
        #expect(Language.resolve(option: nil, config: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.resolve(option: nil, config: nil, environment: ["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.resolve(option: nil, config: nil, environment: ["LC_MESSAGES": "zh_TW.UTF-8", "LANG": "C"]) == .zh)
        #expect(Language.resolve(option: nil, config: nil, environment: [:]) == .en)
        #expect(Language.parse("fr") == nil)
    }

    /// The code with every `\\(…)` in its strings taken out (what is interpolated is code, not text).
    static func withoutInterpolations(_ code: String) -> String {
        var out = "", depth = 0
        var chars = code.makeIterator(), previous: Character = " "
        while let c = chars.next() {
            if depth > 0 {
                if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            } else if previous == "\\", c == "(" {
                out.removeLast()
                depth = 1
            } else {
                out.append(c)
            }
            previous = c
        }
        return out
    }

    func swiftFiles() throws -> [URL] {
        let e = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)
        return (e?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }
}
