import Testing
@testable import RapportCore

@Suite struct TextWidthTests {
    @Test func widthComesFromTheCharacter() {
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("张伟") == 4)
        #expect(TextWidth.of("Zhang 张") == 8)
        #expect(TextWidth.of("ｆｕｌｌ") == 8)                        // fullwidth Latin
        #expect(TextWidth.of("한국") == 4)
        #expect(TextWidth.of("e\u{301}") == 1)                       // e + combining acute
        #expect(TextWidth.of("Zoë André") == 9)
        #expect(TextWidth.of("😀") == 2)
        #expect(TextWidth.of("👩‍💻") == 2)                             // one grapheme, joined by ZWJ
        #expect(TextWidth.of("🇨🇳") == 2)
        #expect(TextWidth.of("❤️") == 2)                              // text heart + emoji presentation
        #expect(TextWidth.of("a\u{200B}b") == 2)                     // zero-width space
        #expect(TextWidth.of("\t\n") == 0)
    }

    @Test func truncationAddsAnEllipsisAndNeverSplitsACharacter() {
        #expect(TextWidth.truncate("张伟明", to: 6) == "张伟明")
        #expect(TextWidth.truncate("张伟明", to: 5) == "张伟…")
        #expect(TextWidth.truncate("张伟明", to: 4) == "张…")          // 张 + … = 3 cells; 伟 would not fit
        #expect(TextWidth.truncate("Anna Schmidt", to: 6) == "Anna …")
        #expect(TextWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
        #expect(TextWidth.truncate("😀😀", to: 3) == "😀…")
        #expect(TextWidth.truncate("abc", to: 0) == "")
        for width in 1...12 {
            for s in ["张伟 Zhang Wei", "👩‍💻 coder", "Zoë 李雷", "ｆｕｌｌ"] {
                #expect(TextWidth.of(TextWidth.truncate(s, to: width)) <= width)
                #expect(TextWidth.of(TextWidth.pad(s, to: width)) == width)
            }
        }
    }

    @Test func columnsLineUpWithMixedScripts() {
        let rows = ["张伟", "Anna", "李雷明", "Zoë"].map { TextWidth.pad($0, to: 8) + "|" }
        #expect(rows.allSatisfy { TextWidth.of($0) == 9 })
        #expect(TextWidth.padLeft("张", to: 4) == "  张")
    }

    @Test func wrappingBreaksAtSpacesAndBetweenCJKCharacters() {
        #expect(TextWidth.wrap("the quick brown fox", to: 10) == ["the quick", "brown fox"])
        #expect(TextWidth.wrap("客户对价格有疑虑需要折扣", to: 10) == ["客户对价格", "有疑虑需要", "折扣"])
        #expect(TextWidth.wrap("call 张伟 about the 报价单", to: 12) == ["call 张伟", "about the 报", "价单"])
        #expect(TextWidth.wrap("supercalifragilistic", to: 8) == ["supercal", "ifragili", "stic"])
        #expect(TextWidth.wrap("a\nb", to: 5) == ["a", "b"])
        for line in TextWidth.wrap("混合 mixed 文字 text with 很多很多的中文字符 and words", to: 9) {
            #expect(TextWidth.of(line) <= 9)
        }
    }

    @Test func aClosingMarkNeverBeginsALine() {
        #expect(TextWidth.wrap("主动提供信息。客户有变化", to: 12) == ["主动提供信", "息。客户有变", "化"])
        #expect(TextWidth.wrap("先问教练（再行动），好", to: 8) == ["先问教练", "（再行", "动），好"])
        #expect(TextWidth.wrap("ab。", to: 2) == ["ab", "。"])   // nothing wide to take along
    }
}
