import Foundation
import Testing
@testable import RapportUI

/// The shipped theme files, the parser's errors, and colour fallbacks.
@Suite struct ThemeTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes")

    @Test(arguments: ["default", "light", "high-contrast", "mono"])
    func everyShippedThemeParsesAndNamesEveryStyle(name: String) throws {
        let file = ThemeTests.themes.appendingPathComponent("\(name).theme")
        let text = try String(contentsOf: file, encoding: .utf8)
        let theme = try ThemeParser.parse(text, name: name, file: file.path)
        for style in Style.allCases {
            #expect(text.contains("\n\(style.rawValue) "), "\(name) does not name \(style.rawValue)")
        }
        #expect(theme.usesColor == (name != "mono"))
    }

    @Test func aBrokenFileNamesTheFileAndLine() {
        let text = "# mine\nnormal 252 default\nselection pinkish 24 bold\n"
        #expect(throws: ThemeParser.Problem(file: "/t/mine.theme", line: 3,
                                            message: "unknown colour \"pinkish\"; use default, 0–255, black, red, green, yellow, blue, magenta, cyan, white or bright-NAME")) {
            try ThemeParser.parse(text, name: "mine", file: "/t/mine.theme")
        }
        #expect(throws: ThemeParser.Problem.self) { try ThemeParser.parse("sparkle 1 2\n", name: "x", file: "x") }
        #expect(throws: ThemeParser.Problem.self) { try ThemeParser.parse("normal 1 2 blink\n", name: "x", file: "x") }
        #expect(throws: ThemeParser.Problem.self) { try ThemeParser.parse("normal 1\nnormal 2\n", name: "x", file: "x") }
    }

    @Test func stylesAFileLeavesOutKeepTheBuiltInLook() throws {
        let theme = try ThemeParser.parse("normal 252\n", name: "x", file: "x")
        #expect(theme.look(.normal).foreground == .index(252))
        #expect(theme.look(.selection).attributes == [.reverse])
        let attrsOnly = try ThemeParser.parse("title default bold,underline\n", name: "x", file: "x")
        #expect(attrsOnly.look(.title).attributes == [.bold, .underline])
    }

    @Test func eightColoursGetTheNearestBasicColour() throws {
        let theme = try ThemeParser.parse("normal 196 21\ntitle bright-green 231\n", name: "x", file: "x").limited(toColors: 8)
        #expect(theme.look(.normal) == Theme.Look(foreground: .index(1), background: .index(4)))
        #expect(theme.look(.title).foreground == .index(2))
        #expect(theme.look(.title).background == .index(7))
        #expect(theme.withoutColor.usesColor == false)
    }
}
