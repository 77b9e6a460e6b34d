import Foundation
import Testing

/// The subcommands (customer, contact, deal, call, note, followup) in Chinese:
/// vocabulary typed in Chinese, their tables, mistakes and help in Chinese by
/// `--lang zh` or the locale, and English unchanged otherwise.
@Suite struct ChineseCommandTests {
    /// A business with a little of everything, typed in Chinese.
    func business() throws -> CLI {
        let cli = CLI()
        #expect(try cli.run("customer", "add", "张伟", "--company", "联合公司", "--size", "大", "--value-type", "利润",
                            "--need", "是", "--owner", "li").line == "c1")
        #expect(try cli.run("deal", "add", "c1", "ERP", "--value", "120000").line == "d1")
        #expect(try cli.run("deal", "move", "d1", "成交").status == 0)   // part of 达成交易
        #expect(try cli.run("note", "mood", "c1", "上升").line == "m1")
        #expect(try cli.run("call", "log", "c1", "--outcome", "已接通").line == "i1")
        #expect(try cli.run("followup", "add", "c1", "tomorrow", "--tactic", "提交方案", "--note", "发报价").line == "f1")
        #expect(try cli.run("followup", "add", "c1", "+2d").line == "f2")
        #expect(try cli.run("followup", "snooze", "f2", "+3d").status == 0)
        return cli
    }

    /// Runs of three Latin letters or more in `text`, but for those `allowed`.
    func english(_ text: String, allowing allowed: Set<String> = []) -> [String] {
        text.matches(of: /[A-Za-z]{3,}/).map { String(text[$0.range]) }.filter { !allowed.contains($0) }
    }

    /// A line's width in terminal cells (CJK and full-width marks take two).
    func cells(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ((0x2E80...0xFFEF).contains($1.value) && $1.value != 0x2026 ? 2 : 1) }
    }

    /// What an action says, its mistakes and the dossier, in Chinese; with
    /// --json the same in English, whatever the language.
    @Test func actionsMistakesAndTheDossierInChinese() throws {
        var cli = try business()
        defer { cli.remove() }
        cli.environment["LANG"] = "zh_CN.UTF-8"
        let edit = try cli.run("deal", "edit", "d1", "--probability", "70")
        #expect(edit.status == 0 && edit.out == "已修改 d1 ERP 的概率\n")
        let again = try cli.run("deal", "move", "d1", "成交")
        #expect(again.status == 64 && again.err == "rapport: d1 已经在“达成交易”阶段\n")
        let wrongMood = try cli.run("note", "mood", "c1", "开心")
        #expect(wrongMood.status == 64 && wrongMood.err == "rapport: 未知的情绪“开心”；可用：上升、下降、平静、自满\n")
        let json = try cli.run("deal", "edit", "d1", "--probability", "60", "--json").out
        #expect(json.contains(#""summary":"changed probability of d1 ERP""#))
        let show = try cli.run("customer", "show", "c1").out
        #expect(show.contains("规模 大") && show.contains("\n交易\n") && show.contains("\n待办跟进\n") && show.contains("时间线（最近"))
        #expect(english(show, allowing: ["ERP", "CNY", "AIDMAS", "rapport", "history"]) == [])
        #expect(try cli.run("customer", "show", "c1", "--json").out.contains(#""size":"large""#))
    }

    @Test func vocabularyTypedInChineseTakesEffect() throws {
        let cli = try business()
        defer { cli.remove() }
        #expect(try cli.run("note", "personality", "c1", "驾驭型").status == 0)
        #expect(try cli.run("note", "aidmas", "c1", "想要").status == 0)
        var show = try cli.run("customer", "show", "c1", "--json").out
        #expect(show.contains(#""size":"large""#) && show.contains(#""valueType":"profit""#) && show.contains(#""need":true"#))
        #expect(show.contains(#""mood":"rising""#) && show.contains(#""personality":"driver""#) && show.contains(#""aidmas":"desire""#))
        // 无 clears, as none does; 否 is no.
        #expect(try cli.run("note", "aidmas", "c1", "无").status == 0)
        #expect(try cli.run("customer", "edit", "c1", "--need", "否").status == 0)
        show = try cli.run("customer", "show", "c1", "--json").out
        #expect(show.contains(#""aidmas":null"#) && show.contains(#""need":false"#))
        let deals = try cli.run("deal", "list", "--json").out
        #expect(deals.contains(#""stage":"closing""#))
        let followUps = try cli.run("followup", "list", "--json").out
        #expect(followUps.contains(#""tactic":"proposal""#))
        let history = try cli.run("history", "c1", "--json").out
        #expect(history.contains("reached"))
    }

    @Test func tablesAndMistakesInChineseByOptionOrLocale() throws {
        var cli = try business()
        defer { cli.remove() }
        for chinese in [["--lang", "zh"], []] {
            if chinese.isEmpty { cli.environment["LANG"] = "zh_CN.UTF-8" }
            let customers = try cli.run(["customer", "list"] + chinese).out
            #expect(customers == """
                编号  姓名  公司      规模  价值  负责人  情绪  温度
                c1    张伟  联合公司  大    利润  li      上升   100

                """)
            let deals = try cli.run(["deal", "list"] + chinese).out
            #expect(deals.hasPrefix("编号  客户  名称  阶段      概率"))
            #expect(deals.contains("达成交易") && deals.contains("客户未合格 · 跳过：寻找客户、接触准备、正式接触、展示产品"))
            #expect(english(deals, allowing: ["ERP", "CNY"]) == [])
            let followUps = try cli.run(["followup", "list"] + chinese).out
            #expect(followUps.hasPrefix("编号  到期") && followUps.contains("提交方案  发报价  待办") && followUps.contains("已推迟"))
            #expect(english(followUps) == [])
            #expect(try cli.run(["customer", "search", "张"] + chinese).line == "c1  张伟  联合公司    姓名")
            #expect(try cli.run(["customer", "search", "无此人"] + chinese).line == "没有客户匹配“无此人”")

            let edit = try cli.run(["deal", "edit", "d1"] + chinese)
            #expect(edit.status == 64 && edit.err == "rapport: 请说明要修改什么（见 `rapport deal edit --help`）\n")
            let yesNo = try cli.run(["customer", "add", "王芳", "--need", "也许"] + chinese)
            #expect(yesNo.status == 64 && yesNo.err == "rapport: --need：应为 yes 或 no（是或否），收到“也许”\n")
            let stage = try cli.run(["deal", "move", "d1", "nowhere"] + chinese)
            #expect(stage.status == 64 && stage.err.hasPrefix("rapport: 未知阶段“nowhere”；可用：prospecting,"))
            let last = try cli.run(["followup", "done", "f9"] + chinese)
            #expect(last.status == 64 && last.err == "rapport: 没有跟进 f9\n")
            let wallet = try cli.run(["customer", "edit", "c1", "--wallet-share", "120"] + chinese)
            #expect(wallet.err == "rapport: --wallet-share：应为 0 到 100 的百分比，收到“120”\n")
        }
        // JSON stays the same in every language.
        #expect(try cli.run("deal", "list", "--json").out == cli.run("deal", "list", "--json", "--lang", "en").out)
    }

    @Test func theSameInEnglishUnchanged() throws {
        var cli = try business()
        defer { cli.remove() }
        for english in [[], ["--lang", "en"]] {
            if !english.isEmpty { cli.environment["LANG"] = "zh_CN.UTF-8" }   // --lang en wins over the locale
            #expect(try cli.run(["customer", "list"] + english).out == """
                id  name  company   size   value   owner  mood    temp
                c1  张伟  联合公司  large  profit  li     rising   100

                """)
            let deals = try cli.run(["deal", "list"] + english).out
            #expect(deals.hasPrefix("id  customer  title  stage    prob        value  days"))
            #expect(deals.contains("d1  张伟      ERP    Closing   80%  120,000 CNY     0  unqualified · skipped Prospecting, Preparation, Approach, Presentation"))
            let followUps = try cli.run(["followup", "list"] + english).out
            #expect(followUps.contains("written proposal  发报价  open") && followUps.contains("snoozed"))
            #expect(try cli.run(["customer", "search", "无此人"] + english).line == "no customer matches \"无此人\"")
            #expect(try cli.run(["deal", "edit", "d1"] + english).err == "rapport: say what to change (see `rapport deal edit --help`)\n")
            #expect(try cli.run(["customer", "add", "王芳", "--need", "也许"] + english).err == "rapport: --need: expected yes or no, got \"也许\"\n")
        }
    }

    @Test func helpInChineseByOptionOrLocaleAndEnglishOtherwise() throws {
        var cli = CLI()
        defer { cli.remove() }
        for chinese in [["--lang", "zh"], []] {
            if chinese.isEmpty { cli.environment["LANG"] = "zh_CN.UTF-8" }
            let move = try cli.run(["deal", "move", "--help"] + chinese).out
            #expect(move.contains("概述：把交易推进到另一阶段，并记录该阶段的内容。") && move.contains("选项：") && !move.contains("OPTIONS:"))
            #expect(move.contains("每个阶段记录各自的内容：") && move.contains("示例：rapport deal move d3 approach"))
            #expect(move.contains("<deal>                  交易编号，例如 d3。"))
            #expect(move.contains("--closing <closing>     达成交易：被动策略（passive）、试探（trial）、假设"))
            #expect(move.contains("--json                  输出 JSON 对象。"))
            let deal = try cli.run(["deal", "--help"] + chinese).out
            #expect(deal.contains("  win                     标记交易成交：客户承诺购买，并记录这笔购买；随后进\n"))
            let add = try cli.run(["customer", "add", "--help"] + chinese).out
            #expect(add.contains("--size <size>           大（large）、中（medium）、小（small）或个体\n                          （individual）。"))
            #expect(add.contains("--json                  输出 JSON 对象，而不是编号。"))
            // Broken into lines by cells: every line of Chinese fits 80 columns.
            for text in [move, deal, add, try cli.run(["followup", "add", "--help"] + chinese).out,
                         try cli.run(["customer", "merge", "--help"] + chinese).out, try cli.run(["contact", "--help"] + chinese).out] {
                for line in text.split(separator: "\n") where line.unicodeScalars.contains(where: { $0.value >= 0x4E00 }) {
                    #expect(cells(line) <= 80, "too wide: \(line)")
                }
            }
            let follow = try cli.run(["followup", "list", "--help"] + chinese).out
            #expect(follow.hasPrefix("概述：按到期时间列出待办的跟进（`report queue` 会为它们\n排序）。\n"))
            #expect(!follow.contains("Only this customer") && follow.contains("只看这位客户的。"))
            // The argument parser's own words too, and its mistakes.
            #expect(move.contains("-h, --help              显示帮助信息。"))
            let missing = try cli.run(["deal", "add"] + chinese)
            #expect(missing.status == 64 && missing.err.hasPrefix("错误：缺少参数 <customer>\n帮助：<customer>  客户。\n用法：rapport deal add "))
            #expect(missing.err.hasSuffix("  更多信息见 `rapport deal add --help`。\n"))
            #expect(try cli.run(["customer", "list", "--bogus"] + chinese).err.hasPrefix("错误：没有选项 --bogus\n"))
        }
        cli.environment["LANG"] = "C.UTF-8"
        let move = try cli.run("deal", "move", "--help").out
        #expect(move.hasPrefix("OVERVIEW: Move a deal to another stage, with what that stage records.\n\nEach stage records its own: "))
        #expect(move.contains("<deal>                  The deal id, e.g. d3.") && !move.contains("交易"))
        let add = try cli.run("customer", "add", "--help", "--lang", "en").out
        #expect(add.contains("--size <size>           large, medium, small or individual."))
        #expect(try cli.run("deal", "--help").out.contains("  win                     Mark a deal won: the commitment to buy, with its\n"))
        #expect(try cli.run("deal", "add").err.hasPrefix("Error: Missing expected argument '<customer>'\nHelp:  <customer>  The customer.\n"))
    }
}
