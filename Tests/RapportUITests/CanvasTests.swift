import RapportCore
import Testing
@testable import RapportUI

/// Text on the grid by display width: CJK two cells, marks none, emoji two; truncation never splits.
@Suite struct CanvasTests {
    @Test func wideTextTakesTwoCellsAndTruncatesWhole() {
        var c = Canvas(width: 10, height: 1)
        #expect(c.put("张伟明Lumen", x: 0, y: 0, limit: 5) == 5)
        #expect(c.lines == ["张伟…"])
        #expect(c[1, 0].text == "")   // continuation of 张
        var d = Canvas(width: 5, height: 1)
        d.put("ab张伟", x: 0, y: 0, ellipsis: false)
        #expect(d.lines == ["ab张"])   // 伟 would cross the edge: left out whole
    }

    @Test func combiningMarksAndEmoji() {
        var c = Canvas(width: 12, height: 1)
        #expect(c.put("e\u{301}te\u{301}", x: 0, y: 0) == 3)
        #expect(c.put("😀👍🏽", x: 3, y: 0) == 4)
        #expect(c.lines == ["e\u{301}te\u{301}😀👍🏽"])
        #expect(TextWidth.of("👨‍👩‍👧") == 2)
    }

    @Test func columnsLineUpWithMixedScripts() {
        var c = Canvas(width: 30, height: 2)
        c.put(TextWidth.pad("张伟", to: 10) + "|", x: 0, y: 0)
        c.put(TextWidth.pad("Anna", to: 10) + "|", x: 0, y: 1)
        #expect(TextWidth.of(c.lines[0].prefix { $0 != "|" }) == TextWidth.of(c.lines[1].prefix { $0 != "|" }))
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var c = Canvas(width: 6, height: 1)
        c.put("张伟", x: 0, y: 0)
        c.put("x", x: 1, y: 0)
        #expect(c.lines == [" x伟"])
    }

    @Test func boxesAndBarsStayInside() {
        var c = Canvas(width: 20, height: 3)
        let inner = Box(title: "Dossier", summary: "张伟明 Zhang Weiming").draw(in: c.bounds, on: &c)
        #expect(inner == Rect(x: 1, y: 1, width: 18, height: 1))
        #expect(c.lines[0] == "┌─ Dossier ─ 张伟…─┐")
        c.put(Gauge.bar(45, of: 100, width: 10), x: 1, y: 1, limit: 18)
        #expect(c.lines[1] == "│█████░░░░░        │")
        c.put(Gauge.bar(100, of: 100, width: 18), x: 1, y: 1, limit: 18)
        #expect(c.lines[1] == "│██████████████████│")
    }
}
