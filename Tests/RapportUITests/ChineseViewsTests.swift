import RapportCore
import Testing
@testable import RapportUI

/// The manager's views on the screen in Chinese (`:lang zh`): snapshots at
/// both sizes, and no English word of the views left.
@Suite struct ChineseViewsTests {
    /// Words of three ASCII letters or more on the screen, except those a Chinese screen keeps.
    static func englishWords(_ text: String) -> Set<String> {
        let kept: Set<String> = ["Enter", "Esc", "Tab", "CNY", "RFM"]
        return Set(text.split(whereSeparator: { !$0.isASCII || !$0.isLetter }).map(String.init).filter { $0.count >= 3 && !kept.contains($0) })
    }

    /// The words of the views that must not be left in English.
    static let viewWords = ["segments", "reps", "conversion", "forecast", "winloss", "value", "churn", "complaints", "changes", "Segments",
                            "customers", "not", "set", "weighted", "temperature", "shaded", "tables", "none", "recorded", "rep", "why", "signs",
                            "overdue", "date", "stage", "deals", "won", "lost", "building", "view", "nothing"]

    @Test(arguments: [("1", "segments"), ("2", "reps"), ("4", "forecast"), ("7", "churn")])
    func aViewInChineseAt80x24And160x48(key: String, name: String) throws {
        for (w, h) in [(80, 24), (160, 48)] {
            let f = try ScreenFixture(width: w, height: h)
            f.press(.char(":"))
            f.type("lang zh")
            f.press(.enter, .char("s"), .char(Character(key)))
            #expect(f.app.views?.name == name && f.app.shownReport?.name == name && f.app.shownReport?.language == .zh)
            let words = Self.englishWords(f.text)
            for word in Self.viewWords { #expect(!words.contains(word), "\(name) \(w)x\(h): \(word)") }
            #expect(f.text.contains("1 分群") && f.text.contains("7 流失"))
            expectSnapshot(f.canvas, "zh-view-\(name)-\(w)x\(h)")
        }
    }

    @Test func tablesDrillDownAndBackInChinese() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        f.press(.char(":"))
        f.type("lang zh")
        f.press(.enter, .char("s"))
        #expect(f.text.contains("客户分群：规模 × 价值类型") && f.text.contains("按近12月收入着色"))
        f.press(.char("4"), .right)
        #expect(f.text.contains("▸ 每季度初") && f.text.contains("← → 共 2 张表") && f.text.contains("年Q"))
        f.press(.char("1"), .enter)
        let drill = try #require(f.app.views?.drill)
        #expect(f.text.contains("：\(drill.lines.count) 位客户") && f.text.contains("Enter 打开客户 · Esc 返回") && f.text.contains("温度"))
        expectSnapshot(f.canvas, "zh-view-drill-160x48")
        f.press(.escape, .char("c"))
        #expect(f.text.contains("分群视图只供查看"))
        // Back to English: the view is worded again.
        f.press(.char(":"))
        f.type("lang en")
        f.press(.enter)
        #expect(!f.text.contains("客户分群"), "a view worded in Chinese is not shown on an English screen")
        f.press(.char("1"))
        #expect(f.text.contains("Segments: size × value type") && f.text.contains("1 segments"))
    }
}
