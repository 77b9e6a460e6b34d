import Foundation
import Testing

/// The screen started with a Chinese locale shows its frame in Chinese; `:lang en` switches it back.
@Suite(.serialized) struct ScreenLanguageTests {
    @Test func aChineseLocaleShowsTheScreenInChinese() throws {
        var cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--customers", "30").status == 0)
        cli.environment["LANG"] = "zh_CN.UTF-8"
        let screen = try TmuxScreen(cli, width: 100, height: 30)
        try screen.waitFor("1 销售漏斗  2 客户档案  3 性格与情绪  4 跟进")
        try screen.waitFor("30 位客户")
        try screen.press(":")
        try screen.type("lang en")
        try screen.press("Enter")
        try screen.waitFor("1 Funnel  2 Dossier")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
    }
}
