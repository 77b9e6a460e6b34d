import Foundation
import RapportCore
import Testing
@testable import RapportUI

/// The manager's segment views on the screen: how they look, and the keys
/// that move between them, drill down and come back.
@Suite struct ViewsTests {
    @Test(arguments: [("1", "segments"), ("2", "reps"), ("7", "churn")])
    func aViewAt80x24And160x48(key: String, name: String) throws {
        for (w, h) in [(80, 24), (160, 48)] {
            let f = try ScreenFixture(width: w, height: h)
            f.press(.char("s"), .char(Character(key)))
            #expect(f.app.views?.name == name && f.app.shownReport?.name == name)
            expectSnapshot(f.canvas, "view-\(name)-\(w)x\(h)")
        }
    }

    @Test func viewsTablesDrillDownAndBack() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        f.press(.char("s"))
        #expect(f.text.contains("1 segments") && f.text.contains("Segments: size × value type"))
        #expect(f.text.contains("shaded by revenue 12 months"))
        f.press(.tab, .tab, .tab)   // forecast
        #expect(f.app.views?.name == "forecast")
        f.press(.right)
        #expect(f.app.views?.table == 1 && f.text.contains("▸ At each quarter's start"))
        // Segments: the matrix cell large × share, then the customers behind it.
        f.press(.char("1"), .enter)
        let drill = try #require(f.app.views?.drill)
        let report = try #require(f.app.shownReport)
        #expect(drill.lines.count == report.tables[0].rows[0].drill?.count)
        #expect(f.text.contains("large · share: \(drill.lines.count) customers"))
        f.press(.down, .enter)
        #expect(f.app.views == nil && f.app.focus == .dossier && f.app.customer == drill.lines[1].customer)
        // Back in: Esc closes a drill, then the views.
        f.press(.char("s"), .enter)
        #expect(f.app.views?.drill != nil)
        f.press(.escape)
        #expect(f.app.views?.drill == nil && f.app.views != nil)
        f.press(.escape)
        #expect(f.app.views == nil && f.text.contains("┌─ Funnel"))
        // Acting keys do not act in the views.
        f.press(.char("s"), .char("n"))
        #expect(f.app.overlay == nil && f.app.status?.text.contains("Esc returns to the panes") == true)
    }

    @Test func aSaveElsewhereRebuildsTheViewShown() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        f.press(.char("s"), .char("9"))
        let before = try #require(f.app.shownReport)
        #expect(before.name == "changes")
        try f.workspace.perform(.addCustomer(name: "New Co", fields: [:]))
        f.send(.data(ScreenData(state: f.workspace.state, now: f.workspace.time)))
        let after = try #require(f.app.shownReport)
        #expect(after.tables[0].rows[0].values[1].scalar == before.tables[0].rows[0].values[1].scalar + 1)   // customers added
    }
}
