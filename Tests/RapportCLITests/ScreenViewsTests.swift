import Foundation
import Testing

/// The manager at the real screen, in tmux: the segment views, a drill-down
/// from a matrix cell to its customers, a view as of a past date, and back.
@Suite struct ScreenViewsTests {
    @Test func theManagersViews() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("demo", "--customers", "120")
        let screen = try TmuxScreen(cli, width: 160, height: 48)
        try screen.waitFor("120 customers")
        try screen.press("s")
        try screen.waitFor("Segments: size × value type")
        try screen.waitFor("shaded by revenue 12 months")
        try screen.press("7")
        try screen.waitFor("Churn risk: who may leave, and why")
        try screen.press("Tab")
        try screen.waitFor("Complaints: what is open")
        // From the matrix's first cell (large × share) to the customers behind it.
        try screen.press("1", "Enter")
        let drilled = try screen.waitFor("large · share") { $0.contains("Enter opens the customer") }
        #expect(drilled.contains("large · share:"))
        try screen.press("Escape")
        // The same view as it was at the end of June: a banner, and the scope.
        try screen.press(":")
        try screen.type("asof 2026-06-30")
        try screen.press("Enter")
        try screen.waitFor("AS OF 2026-06-30")
        try screen.waitFor("as of 2026-06-30 23:59")
        try screen.press("Escape")   // leaves the views
        try screen.waitFor("┌─ Funnel")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
    }
}
