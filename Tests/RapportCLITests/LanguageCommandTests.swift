import Foundation
import Testing

/// The command line in both languages: the setting's order, reports, and vocabulary typed in Chinese.
@Suite struct LanguageCommandTests {
    @Test func reportsInChineseByOptionConfigOrLocaleAndEnglishOtherwise() throws {
        var cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("customer", "add", "张伟").status == 0)
        #expect(try cli.run("deal", "add", "c1", "ERP", "--stage", "寻找").status == 0)   // part of 寻找客户
        let english = try cli.run("report", "funnel")
        #expect(english.out.hasPrefix("stage ") && english.out.contains("1 Prospecting 寻找客户") && english.out.hasSuffix("won 0 · lost 0\n"))
        let chinese = try cli.run("report", "funnel", "--lang", "zh")
        #expect(chinese.out.hasPrefix("阶段 ") && chinese.out.contains("1 寻找客户") && !chinese.out.contains("Prospecting"))
        #expect(chinese.out.hasSuffix("成交 0 · 失败 0\n"))
        cli.environment["LANG"] = "zh_CN.UTF-8"
        #expect(try cli.run("report", "queue").out.hasPrefix("逾期 0 · 今天 0 · 队列中"))
        #expect(try cli.run("report", "queue", "--lang", "en").out.hasPrefix("0 overdue · 0 today"))
        cli.environment["LANG"] = "C.UTF-8"
        try FileManager.default.createDirectory(atPath: cli.dir + "/.config/rapport", withIntermediateDirectories: true)
        try "lang = zh\n".write(toFile: cli.dir + "/.config/rapport/config", atomically: true, encoding: .utf8)
        #expect(try cli.run("report", "funnel").out.hasPrefix("阶段 "))
        let refused = try cli.run("report", "funnel", "--lang", "fr")
        #expect(refused.status == 64 && refused.err == "rapport: --lang：“fr”不是 zh 或 en\n")   // in the config file's language
    }

    @Test func vocabularyTypedInChinese() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("customer", "add", "张伟", "--size", "大", "--source", "展会").status == 0)
        #expect(try cli.run("deal", "add", "c1", "ERP").line == "d1")
        #expect(try cli.run("deal", "move", "d1", "成交").out.hasPrefix("moved d1 ERP: Prospecting → Closing"))
        #expect(try cli.run("note", "mood", "c1", "上升").status == 0)
        #expect(try cli.run("call", "log", "c1", "--outcome", "已接通").line == "i1")
        let show = try cli.run("customer", "show", "c1", "--json").out
        #expect(show.contains(#""size":"large""#) && show.contains(#""source":"trade-show""#) && show.contains(#""mood":"rising""#))
        // Two labels hold 交易 (达成交易, 交易跟进): refused, not guessed.
        #expect(try cli.run("deal", "move", "d1", "交易").status == 64)
    }
}
