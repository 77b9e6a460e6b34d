import RapportCore
import Testing
@testable import RapportUI

/// Keys in, state and effects out: no terminal involved.
@Suite struct UpdateTests {
    @Test func tabAndDigitsMoveBetweenPanes() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        #expect(f.app.focus == .funnel)
        try f.press(.tab)
        #expect(f.app.focus == .dossier)
        try f.press(.backTab, .backTab)
        #expect(f.app.focus == .followUps)
        try f.press(.char("3"))
        #expect(f.app.focus == .mood)
        #expect(f.screen[0].contains("3 Personality & mood"))
    }

    @Test func selectingADealOrFollowUpShowsItsCustomer() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        try f.press(.char("j"))
        let deal = try #require(f.app.selectedDeal)
        #expect(f.app.customer == deal.customer)
        #expect(!f.app.timeline.isEmpty)
        try f.press(.char("4"), .down, .down)
        let item = try #require(f.app.selectedQueueItem)
        #expect(f.app.customer == item.customer)
        let name = f.workspace.state.customer(item.customer)!.name
        #expect(f.screen.contains { $0.contains("Dossier ─ \(item.customer) \(TextWidth.truncate(name, to: 40))") })
    }

    @Test func funnelListModeRunsAcrossStages() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        let columns = f.app.data.funnel.columns
        let first = f.app.funnelStage
        for _ in 0..<columns[first].count { try f.press(.down) }
        #expect(f.app.funnelStage > first)
        #expect(f.app.funnelRow == 0)
        try f.press(.up)
        #expect(f.app.funnelStage == first)
        #expect(f.app.funnelRow == columns[first].count - 1)
    }

    @Test func searchJumpsToTheChosenCustomer() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        let target = try #require(f.workspace.state.customers.first { $0.phones.count > 0 })
        let digits = target.phones[0].filter(\.isNumber).suffix(8)
        try f.press(.char("/"))
        try f.type(String(digits))
        guard case .search(let s)? = f.app.overlay else { Issue.record("no search open"); return }
        #expect(s.hits.first == target.id)
        try f.press(.enter)
        #expect(f.app.overlay == nil)
        #expect(f.app.focus == .dossier)
        #expect(f.app.customer == target.id)
        try f.press(.char("/"), .char("z"), .backspace, .escape)
        #expect(f.app.overlay == nil)
    }

    @Test func commandLine() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        try f.press(.char(":"))
        try f.type("theme light")
        try f.press(.enter)
        #expect(f.unhandled == [.loadTheme("light")])
        try f.press(.char(":"))
        try f.type("frobnicate")
        try f.press(.enter)
        #expect(f.app.status == StatusNote(text: "unknown command \":frobnicate\"; use :theme NAME, :asof DATE, :asof now, :help or :quit", isError: true))
        try f.press(.char(":"))
        try f.type("asof 2027-01-01")
        try f.press(.enter)
        #expect(f.app.status?.text == ":asof 2027-01-01 23:59 is in the future")
        try f.press(.char(":"))
        try f.type("asof someday")
        try f.press(.enter)
        #expect(f.app.status?.text.hasPrefix(":asof: bad date \"someday\"") == true)
        #expect(f.app.data.asOf == nil)
        try f.press(.char(":"))
        try f.type("asof yesterday")
        try f.press(.enter)
        let endOfYesterday = Timestamp(milliseconds: f.workspace.time.startOfDay(f.workspace.time.today).milliseconds - 1)
        #expect(f.app.data.asOf == endOfYesterday)
        try f.press(.char(":"))
        try f.type("asof now")
        try f.press(.enter)
        #expect(f.app.data.asOf == nil)
    }

    @Test func keysOfLaterIssuesSaySo() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        try f.press(.char("c"))
        #expect(f.app.status?.text == "c (log a call) comes with a later version; for now use `rapport call log`")
        #expect(f.screen.last!.contains("comes with a later version"))
        try f.press(.char("j"))
        #expect(f.app.status == nil)
    }

    @Test func welcomeOffersTheDemoAndQuitWorks() throws {
        let f = try ScreenFixture(customers: 0, width: 80, height: 24)
        try f.press(.char("d"))
        #expect(f.unhandled == [.writeDemo])
        #expect(f.text.contains("Writing the demo business"))
        try f.press(.char("q"))
        #expect(f.unhandled == [.writeDemo, .quit])
    }

    @Test func aLogChangeKeepsTheSelectedCustomer() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        try f.press(.char("j"))
        let shown = try #require(f.app.customer)
        try f.workspace.perform(.logInteraction(InteractionDraft(customer: shown), next: nil))
        try f.send(.data(ScreenData(state: f.workspace.state, now: f.workspace.time)))
        #expect(f.app.customer == shown)
        #expect(f.app.timeline.first?.type == "interaction.logged")
    }
}
