import RapportCore
import Testing
@testable import RapportUI

/// Keys in, state and effects out: no terminal involved.
@Suite struct UpdateTests {
    @Test func tabAndDigitsMoveBetweenPanes() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        #expect(f.app.focus == .funnel)
        f.press(.tab)
        #expect(f.app.focus == .dossier)
        f.press(.backTab, .backTab)
        #expect(f.app.focus == .followUps)
        f.press(.char("3"))
        #expect(f.app.focus == .mood)
        #expect(f.screen[0].contains("3 Personality & mood"))
    }

    @Test func selectingADealOrFollowUpShowsItsCustomer() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        f.press(.char("j"))
        let deal = try #require(f.app.selectedDeal)
        #expect(f.app.customer == deal.customer)
        #expect(!f.app.timeline.isEmpty)
        f.press(.char("4"), .down, .down)
        let item = try #require(f.app.selectedQueueItem)
        #expect(f.app.customer == item.customer)
        let name = f.workspace.state.customer(item.customer)!.name
        #expect(f.screen.contains { $0.contains("Dossier ─ \(item.customer) \(TextWidth.truncate(name, to: 40))") })
    }

    @Test func funnelListModeRunsAcrossStages() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        let columns = f.app.data.funnel.columns
        let first = f.app.funnel.stage
        for _ in 0..<columns[first].count { f.press(.down) }
        #expect(f.app.funnel.stage > first)
        #expect(f.app.funnel.row == 0)
        f.press(.up)
        #expect(f.app.funnel.stage == first)
        #expect(f.app.funnel.row == columns[first].count - 1)
    }

    @Test func searchJumpsToTheChosenCustomer() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        let target = try #require(f.workspace.state.customers.first { $0.phones.count > 0 })
        let digits = target.phones[0].filter(\.isNumber).suffix(8)
        f.press(.char("/"))
        f.type(String(digits))
        guard case .search(let s)? = f.app.overlay else { Issue.record("no search open"); return }
        #expect(s.hits.first == target.id)
        f.press(.enter)
        #expect(f.app.overlay == nil)
        #expect(f.app.focus == .dossier)
        #expect(f.app.customer == target.id)
        f.press(.char("/"), .char("z"), .backspace, .escape)
        #expect(f.app.overlay == nil)
    }

    @Test func commandLine() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        f.press(.char(":"))
        f.type("theme light")
        f.press(.enter)
        #expect(f.app.themeName == "light" && f.app.status?.text == "theme light")
        f.press(.char(":"))
        f.type("frobnicate")
        f.press(.enter)
        #expect(f.app.status == StatusNote(text: "unknown command \":frobnicate\"; use :theme NAME, :asof DATE, :asof now, :user NAME, :lang zh|en, :import FILE, :export FORMAT FILE, :help or :quit", isError: true))
        f.press(.char(":"))
        f.type("asof 2027-01-01")
        f.press(.enter)
        #expect(f.app.status?.text == ":asof: 2027-01-01 is in the future; as-of looks back, up to today")
        f.press(.char(":"))
        f.type("asof someday")
        f.press(.enter)
        #expect(f.app.status?.text.hasPrefix(":asof: bad date \"someday\"") == true)
        #expect(f.app.data.asOf == nil)
        f.press(.char(":"))
        f.type("asof yesterday")
        f.press(.enter)
        let endOfYesterday = Timestamp(milliseconds: f.workspace.time.startOfDay(f.workspace.time.today).milliseconds - 1)
        #expect(f.app.data.asOf == endOfYesterday)
        f.press(.char(":"))
        f.type("asof now")
        f.press(.enter)
        #expect(f.app.data.asOf == nil)
    }

    @Test func sOpensAndClosesTheSegmentViews() throws {
        let f = try ScreenFixture(width: 80, height: 24)
        f.press(.char("s"))
        #expect(f.app.views?.name == "segments" && f.app.shownReport != nil)
        f.press(.char("s"))
        #expect(f.app.views == nil)
    }

    @Test func welcomeOffersTheDemoAndQuitWorks() throws {
        let f = try ScreenFixture(customers: 0, width: 80, height: 24)
        #expect(f.text.contains("Welcome to Rapport"))
        f.press(.char("d"))
        #expect(f.app.data.customerCount == 300)
        #expect(f.app.status?.text.hasPrefix("wrote a demo business: 300 customers") == true)
        #expect(f.app.progress == nil && !f.quit)
        f.press(.char("q"))
        #expect(f.quit)
    }

    @Test func aLogChangeKeepsTheSelectedCustomer() throws {
        let f = try ScreenFixture(width: 160, height: 48)
        f.press(.char("j"))
        let shown = try #require(f.app.customer)
        try f.workspace.perform(.logInteraction(InteractionDraft(customer: shown), next: nil))
        f.send(.data(ScreenData(state: f.workspace.state, now: f.workspace.time)))
        #expect(f.app.customer == shown)
        #expect(f.app.timeline.first?.type == "interaction.logged")
    }
}
