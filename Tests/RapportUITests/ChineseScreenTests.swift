import RapportCore
import Testing
@testable import RapportUI

/// The screen in Chinese (`:lang zh`, or the setting at start): the parts
/// translated so far, as snapshots at both sizes; English unchanged.
@Suite struct ChineseScreenTests {
    @Test(arguments: [(160, 48), (80, 24)])
    func theBoardAndTheQueueInChinese(width: Int, height: Int) throws {
        let f = try ScreenFixture(width: width, height: height)
        f.press(.char(":"))
        f.type("lang zh")
        f.press(.enter)
        #expect(f.app.language == .zh && f.screen.last?.contains("屏幕现在是中文") == true)
        #expect(f.text.contains("销售漏斗") && f.text.contains("客户档案") && !f.text.contains("Funnel"))
        expectSnapshot(f.canvas, "zh-board-\(width)x\(height)")
        f.press(.char("4"))
        expectSnapshot(f.canvas, "zh-followups-\(width)x\(height)")
        f.press(.char("3"))
        expectSnapshot(f.canvas, "zh-mood-\(width)x\(height)")
        f.press(.char("2"))
        expectSnapshot(f.canvas, "zh-dossier-\(width)x\(height)")
        f.press(.char("?"))
        expectSnapshot(f.canvas, "zh-help-\(width)x\(height)")
        f.press(.escape, .char("1"), .char("c"))
        expectSnapshot(f.canvas, "zh-form-call-\(width)x\(height)")
        #expect(f.text.contains("Tab 下一项 · Ctrl-S 保存 · Esc 取消") && f.text.contains("结果"))
        f.press(.escape)
        f.press(.char(":"))
        f.type("lang en")
        f.press(.enter)
        #expect(f.text.contains("Funnel") && !f.text.contains("销售漏斗"))
    }

    @Test func everyonesQueueWithSuggestionsAndAReason() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        f.press(.char(":"))
        f.type("lang zh")
        f.press(.enter, .char("4"), .char("o"), .enter)
        expectSnapshot(f.canvas, "zh-followups-everyone-160x48")
        #expect(f.text.contains("原因：") && f.text.contains("全部 (o)"))
        #expect(!f.text.contains("resolve complaint") && !f.text.contains("relationship cooling"))
    }

    @Test func datesTheChineseWay() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        let time = f.app.data.time
        let moment = try When.parse("2026-11-23 10:05", at: time).moment(time, hour: 9)
        #expect(FormView.full(moment, time, .of(.zh)) == "2026年11月23日 周一 10:05")
        #expect(FormView.full(moment, time, .of(.en)) == "Mon 2026-11-23 10:05")
    }

    @Test func amountsInWanAndYi() {
        #expect(Money.compact(467_000_00, .zh) == "46.7万" && Money.compact(1_236_200_00, .zh) == "124万")
        #expect(Money.compact(250_000_000_00, .zh) == "2.5亿" && Money.compact(5_900_00, .zh) == "5900")
        #expect(Money.compact(467_000_00, .en) == "467k")
    }

    @Test func anUnknownLanguageIsRefusedOnTheStatusLine() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        f.press(.char(":"))
        f.type("lang fr")
        f.press(.enter)
        #expect(f.app.status == StatusNote(text: "usage: :lang zh or :lang en", isError: true) && f.app.language == .en)
    }
}
