import RapportCore
import Testing
@testable import RapportUI

/// Whole screens and single panes at 80×24 and 160×48, compared with reviewed snapshots.
@Suite struct ScreenSnapshotTests {
    @Test func allFourPanesAt160x48() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        expectSnapshot(f.canvas, "all-panes-160x48")
        // Chinese names, stale and flagged deals, won deals followed through, and (in everyone's queue) overdue follow-ups.
        #expect(f.text.contains("⚑") && f.text.contains("~") && f.text.contains("✓"))
        #expect(f.text.contains { ("\u{4E00}"..."\u{9FFF}").contains(String($0)) })
        f.press(.char("o"))
        #expect(f.text.contains("! "))
    }

    /// A stage with more deals than fit keeps a line of its own for "+N more",
    /// below its last deal's figures.
    @Test func aFullStageSaysHowManyMoreBelowItsLastDeal() throws {
        let f = try ScreenFixture(customers: 120, width: 160, height: 16)
        f.press(.char("1"))
        let mores = f.screen.flatMap { line in line.matches(of: /\+([0-9]+) more(.?.?)/).map { (Int($0.1)!, String($0.2)) } }
        #expect(!mores.isEmpty)
        for (_, after) in mores { #expect(after.allSatisfy { $0 == " " || $0 == "│" }, "\(after) drawn over \"more\"") }
    }

    @Test(arguments: [("1", "funnel"), ("2", "dossier"), ("3", "mood"), ("4", "followups")])
    func eachPaneAt80x24(key: String, name: String) throws {
        let f = try ScreenFixture(width: 80, height: 24)
        f.press(.char(Character(key)))
        expectSnapshot(f.canvas, "pane-\(name)-80x24")
    }

    @Test func queueReasonOnRequest() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        f.press(.char("4"), .down, .enter)
        expectSnapshot(f.canvas, "followups-reason-80x24")
        #expect(f.screen.contains { $0.contains("why: ") })
    }

    @Test func asOfShowsTheBannerAndThePast() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        f.press(.char(":"))
        f.type("asof 2026-06-30")
        f.press(.enter)
        #expect(f.screen[0].contains("AS OF 2026-06-30 23:59"))
        #expect(f.app.data.customerCount < f.workspace.state.customers.count)
        expectSnapshot(f.canvas, "asof-160x48")
        f.press(.escape)
        #expect(f.app.data.asOf == nil)
        #expect(!f.screen[0].contains("AS OF"))
    }

    @Test func searchOverlayWithAChineseName() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        let name = try #require(f.workspace.state.customers.first { $0.name.unicodeScalars.first!.value > 0x4E00 }).name
        f.press(.char("/"))
        f.type(String(name.prefix(2)))
        expectSnapshot(f.canvas, "search-160x48")
        #expect(f.screen.contains { $0.contains(name) })
    }

    @Test func helpListsEveryKey() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        f.press(.char("?"))
        expectSnapshot(f.canvas, "help-160x48")
        let help = Overlays.helpLines(f.app.keyMap, f.app.text).map { $0.map(\.text).joined() }.joined(separator: "\n")
        for action in KeyAction.allCases {
            #expect(help.contains(action.summary(f.app.text)), "help lacks \(action)")
        }
    }

    @Test func welcomeOnAnEmptyLog() throws {
        let f = try ScreenFixture(customers: 0, width: 80, height: 24)
        expectSnapshot(f.canvas, "welcome-80x24")
        #expect(f.text.contains("write a demo business"))
    }

    /// Snapshots carry styles: every named style needs a code of its own.
    @Test func everyStyleHasItsOwnSnapshotCode() {
        #expect(Set(Style.allCases) == Set(styleCodes.keys), "styles without a code: \(Set(Style.allCases).subtracting(styleCodes.keys))")
        #expect(Set(styleCodes.values).count == styleCodes.count)
    }

    @Test func tooSmallAndBack() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        f.send(.resize(width: 50, height: 12))
        expectSnapshot(f.canvas, "too-small-50x12")
        #expect(f.text.contains("Terminal too small: 50×12"))
        f.send(.resize(width: 80, height: 24))
        #expect(f.text.contains("Funnel"))
    }
}
