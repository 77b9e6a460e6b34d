import Foundation
import Testing
@testable import RapportCore

/// Every manager's view, on a small business whose figures were worked out by
/// hand, now (Monday 2026-11-23) and as of 2026-06-30.
@Suite struct ManagerReportTests {
    /// The business: twelve customers (li has c1–c6, wang c7–c12), six deals
    /// that move, win and lose on known days, purchases, two complaints.
    static func business() throws -> TestBusiness {
        let b = try TestBusiness()
        let now = b.time.now
        func on(_ day: String) { b.at(b.time.moment(Day(day)!, hour: 10)) }
        on("2026-01-05")
        let kinds: [(String, String)] = [("large", "profit"), ("large", "share"), ("medium", "profit"), ("small", "brand"),
                                         ("individual", "potential"), ("individual", "potential")]
        for i in 1...12 {
            let (size, value) = kinds[(i - 1) % 6]
            try b.customer("C\(i)", [.size: .string(size), .valueType: .string(value), .owner: .string(i <= 6 ? "li" : "wang")])
        }
        on("2026-01-06")
        let d1 = try b.deal(CustomerID(1), "D1", value: "100000", [.owner: "li"])
        let d2 = try b.deal(CustomerID(2), "D2", value: "50000", [.owner: "li"])
        let d3 = try b.deal(CustomerID(7), "D3", value: "20000", [.owner: "wang"])
        let d4 = try b.deal(CustomerID(8), "D4", value: "10000", [.owner: "wang"])
        on("2026-02-02")
        for d in [d1, d2, d3] { try b.perform(.moveDeal(d, to: .preparation)) }
        on("2026-03-02")
        for d in [d1, d2] { try b.perform(.moveDeal(d, to: .approach)) }
        on("2026-03-16")
        try b.perform(.moveDeal(d1, to: .presentation))
        try b.perform(.closeDeal(d2, .lost, reason: "price too high: went elsewhere"))
        try b.perform(.closeDeal(d4, .lost, reason: "no budget"))
        on("2026-04-06")
        try b.perform(.moveDeal(d1, to: .closing))
        on("2026-04-20")
        try b.perform(.winDeal(d1, WinDraft()))
        on("2026-05-04")
        let d5 = try b.deal(CustomerID(3), "D5", stage: .closing, value: "30000", [.owner: "wang"])
        on("2026-06-01")
        try b.perform(.winDeal(d5, WinDraft()))
        on("2026-06-15")
        let k1 = ComplaintID(try b.perform(.openComplaint(CustomerID(1), summary: "late", deal: d1)).created!.number)
        on("2026-06-25")
        try b.perform(.resolveComplaint(k1, resolution: "redelivered"))
        on("2026-09-01")
        try b.perform(.openComplaint(CustomerID(3), summary: "wrong invoice", deal: nil))
        on("2026-10-05")
        let d6 = try b.deal(CustomerID(4), "D6", stage: .presentation, value: "40000", [.owner: "li"])
        try b.perform(.moveDeal(d3, to: .approach))
        on("2026-11-16")
        try b.perform(.moveDeal(d6, to: .objections))
        try b.perform(.recordPurchase(CustomerID(2), amount: Money(cents: 500_000), date: nil, note: nil))
        try b.call(CustomerID(2))
        b.at(now)
        return b
    }

    static func report(_ name: String, _ s: CRMState, _ t: LocalTime, _ o: ReportOptions = ReportOptions()) throws -> ManagerReport {
        try ManagerReport.make(name, s, at: t, o)
    }

    /// The row whose text cells start with `labels`.
    static func row(_ r: ManagerReport, _ table: Int = 0, _ labels: String...) throws -> [ReportValue] {
        try #require(r.tables[table].rows.first { row in
            labels.enumerated().allSatisfy { i, l in row.values[i] == .text(l) }
        }, "no row \(labels) in \(r.name)").values
    }

    static func cny(_ units: Int64) -> ReportValue {
        var a = Amounts()
        a.add(units * 100, "CNY")
        return .money(a)
    }

    static let none = ReportValue.money(Amounts())

    /// The state and clock at the end of 2026-06-30.
    static func june(_ b: TestBusiness) throws -> (CRMState, LocalTime) {
        let end = b.time.startOfDay(Day("2026-07-01")!).adding(seconds: -1)
        var t = b.time
        t.now = end
        return (try b.workspace.state(asOf: end), t)
    }

    @Test func segments() throws {
        let b = try Self.business()
        defer { b.remove() }
        let r = try Self.report("segments", b.state, b.time)
        #expect(r.tables[0].rows.count == 16)
        // size, value, customers, pipeline, weighted, revenue 12 months, open complaints, temperature
        // C1 (li) and C7 (wang, D3 in approach: 20 %).
        #expect(try Self.row(r, 0, "large", "profit") == [.text("large"), .text("profit"), .number(2), Self.cny(20000), Self.cny(4000),
                                                           Self.cny(100_000), .number(0), .number(0)])
        #expect(try Self.row(r, 0, "large", "share")[5] == Self.cny(5000))
        #expect(try Self.row(r, 0, "large", "share")[7] == .number(71.0 / 2))   // C2 called a week ago: 71; C8 never
        #expect(try Self.row(r, 0, "medium", "profit")[5...6] == [Self.cny(30000), .number(1)])
        #expect(try Self.row(r, 0, "small", "brand")[3...4] == [Self.cny(40000), Self.cny(20000)])   // D6 in objections: 50 %
        #expect(try Self.row(r, 0, "individual", "potential")[2] == .number(4))
        #expect(try Self.row(r, 0, "large", "brand")[2] == .number(0))
        let (june, t) = try Self.june(b)
        let then = try Self.report("segments", june, t)
        #expect(try Self.row(then, 0, "medium", "profit")[5...6] == [Self.cny(30000), .number(0)])   // k2 not yet opened
        #expect(try Self.row(then, 0, "large", "share")[5] == Self.none)
        #expect(try Self.row(then, 0, "large", "profit")[3...4] == [Self.cny(20000), Self.cny(3000)])   // D3 in preparation: 15 %
    }

    @Test func reps() throws {
        let b = try Self.business()
        defer { b.remove() }
        // This quarter: nothing won or lost; open pipeline; li's call.
        let now = try Self.report("reps", b.state, b.time)
        #expect(now.scope == "2026-10-01 to 2026-12-31")
        #expect(try Self.row(now, 0, "li") == [.text("li"), .number(6), .number(1), Self.cny(20000), .number(0), Self.none, .number(0), Self.none,
                                               .number(nil), .number(nil), .number(1), .number(0)])
        #expect(try Self.row(now, 0, "wang")[2...3] == [.number(1), Self.cny(4000)])
        #expect(try Self.row(now, 1, "wang", "Approach")[2...3] == [.number(1), Self.cny(4000)])
        // The first half year: li won D1 (104 days) and lost D2; wang won D5 (28 days) and lost D4.
        let h1 = try Self.report("reps", b.state, b.time, ReportOptions(from: Day("2026-01-01"), to: Day("2026-06-30")))
        #expect(try Self.row(h1, 0, "li")[4...9] == [.number(1), Self.cny(100_000), .number(1), Self.cny(50000), .number(50), .number(104)])
        #expect(try Self.row(h1, 0, "wang")[4...9] == [.number(1), Self.cny(30000), .number(1), Self.cny(10000), .number(50), .number(28)])
        let liOnly = try Self.report("reps", b.state, b.time, ReportOptions(owner: "li"))
        #expect(liOnly.tables[0].rows.count == 1)
    }

    @Test func conversion() throws {
        let b = try Self.business()
        defer { b.remove() }
        let r = try Self.report("conversion", b.state, b.time)
        // stage, entered, reached next, to next %, won, lost, learned %, configured %, median days
        #expect(try Self.row(r, 0, "Prospecting")[1...7] == [.number(4), .number(3), .number(75), .number(1), .number(2), .number(100.0 / 3), .number(10)])
        #expect(try Self.row(r, 0, "Preparation")[1...8] == [.number(3), .number(3), .number(100), .number(1), .number(1), .number(50), .number(15),
                                                              .number(28)])
        #expect(try Self.row(r, 0, "Approach")[1...8] == [.number(3), .number(1), .number(100.0 / 3), .number(1), .number(1), .number(50),
                                                           .number(20), .number(14)])
        #expect(try Self.row(r, 0, "Presentation")[1...8] == [.number(2), .number(1), .number(50), .number(1), .number(0), .number(100),
                                                               .number(40), .number(31.5)])
        #expect(try Self.row(r, 0, "Objections")[6] == .number(nil))
        #expect(try Self.row(r, 0, "Closing")[1...8] == [.number(2), .number(2), .number(100), .number(2), .number(0), .number(100), .number(80),
                                                          .number(21)])
        let (june, t) = try Self.june(b)
        let then = try Self.report("conversion", june, t)
        #expect(try Self.row(then, 0, "Preparation")[1...2] == [.number(3), .number(2)])   // D3 reached approach only in October
        #expect(try Self.row(then, 0, "Presentation")[1] == .number(1))
    }

    @Test func forecast() throws {
        let b = try Self.business()
        defer { b.remove() }
        let r = try Self.report("forecast", b.state, b.time)
        // D3 (approach, learned 50 %) and D6 (objections, nothing closed: the configured 50 %), no close dates.
        #expect(try Self.row(r, 0, "no date") == [.text("no date"), .number(2), Self.cny(60000), Self.cny(24000), Self.cny(30000)])
        // quarter, open at start, configured, learned, won of them, won in all, errors
        #expect(try Self.row(r, 1, "2026 Q2")[1...5] == [.number(2), Self.cny(43000), Self.cny(40000), Self.cny(100_000), Self.cny(130_000)])
        #expect(try Self.row(r, 1, "2026 Q2")[6] == .number(-57))
        #expect(try Self.row(r, 1, "2026 Q3")[1...5] == [.number(1), Self.cny(3000), Self.cny(10000), Self.none, Self.none])
        #expect(try Self.row(r, 1, "2026 Q1")[1] == .number(0))
        #expect(r.tables[1].rows.count == 4)
    }

    @Test func winLoss() throws {
        let b = try Self.business()
        defer { b.remove() }
        let r = try Self.report("winloss", b.state, b.time)
        // reason, won, won value, lost, lost value, win rate
        #expect(try Self.row(r, 0, "price too high") == [.text("price too high"), .number(0), Self.none, .number(1), Self.cny(50000), .number(0)])
        #expect(try Self.row(r, 0, "no budget")[3...4] == [.number(1), Self.cny(10000)])
        #expect(try Self.row(r, 0, "won, no reason given")[1...2] == [.number(2), Self.cny(130_000)])
        #expect(try Self.row(r, 1, "Closing")[1...5] == [.number(2), Self.cny(130_000), .number(0), Self.none, .number(100)])
        #expect(try Self.row(r, 1, "Approach")[3] == .number(1))
        #expect(try Self.row(r, 1, "Prospecting")[3] == .number(1))
        #expect(try Self.row(r, 2, "not recorded")[1...3] == [.number(2), Self.cny(130_000), .number(2)])
        #expect(try Self.row(r, 3, "none recorded")[5] == .number(50))
    }

    @Test func value() throws {
        let b = try Self.business()
        defer { b.remove() }
        let r = try Self.report("value", b.state, b.time)
        // Three buyers: C1 100,000, C3 30,000, C2 5,000; the best third brings 74 %.
        #expect(try Self.row(r, 0, "top 20%") == [.text("top 20%"), .number(1), .number(100_000.0 * 100 / 135_000)])
        #expect(try Self.row(r, 0, "top 100%")[1...2] == [.number(3), .number(100)])
        #expect(r.scope.hasSuffix("the top 20% of buyers bring 74% of the revenue"))
        #expect(r.tables[1].rows.reduce(0) { $0 + $1.values[1].scalar } == 3)
        #expect(try Self.row(r, 2, "none recorded")[1] == .number(12))
        #expect(try Self.row(r, 3, "not set", "not set")[3] == .number(12))
    }

    @Test func churn() throws {
        let b = try Self.business()
        defer { b.remove() }
        let r = try Self.report("churn", b.state, b.time)
        // C1 and C3 bought and were never in touch both ways; C3 has had a complaint open since 1 September. C2 was called last week.
        #expect(r.tables[0].rows.map { $0.values[0] } == [.text("c1"), .text("c3")])
        #expect(try Self.row(r, 0, "c1")[3] == Self.cny(100_000))
        #expect(try Self.row(r, 0, "c3")[5] == .text("relationship past its shelf life: temperature 0, never in touch both ways (ordinary: half-life 14 days); "
            + "complaint k2 open for 83 days"))
        let (june, t) = try Self.june(b)
        #expect(try Self.report("churn", june, t).tables[0].rows.map { $0.values[0] } == [.text("c1"), .text("c3")])
    }

    @Test func complaints() throws {
        let b = try Self.business()
        defer { b.remove() }
        let r = try Self.report("complaints", b.state, b.time)
        #expect(r.tables[0].rows.count == 1)
        #expect(try Self.row(r, 0, "k2")[4] == .number(83))
        #expect(try Self.row(r, 1, "2026-06") == [.text("2026-06"), .number(1), .number(10)])
        let (june, t) = try Self.june(b)
        #expect(try Self.report("complaints", june, t).tables[0].rows.isEmpty)
    }

    @Test func changesSinceLastMonday() throws {
        let b = try Self.business()
        defer { b.remove() }
        let r = try Self.report("changes", b.state, b.time)   // the last seven days
        #expect(try Self.row(r, 0, "deals moved")[1...2] == [.number(1), Self.cny(40000)])
        #expect(try Self.row(r, 0, "purchases")[1...2] == [.number(1), Self.cny(5000)])
        #expect(try Self.row(r, 0, "deals opened")[1] == .number(0))
        #expect(try Self.row(r, 1, "Presentation")[1...5] == [.number(1), Self.cny(40000), .number(0), Self.none, .number(-1)])
        #expect(try Self.row(r, 1, "Objections")[3...5] == [.number(1), Self.cny(40000), .number(1)])
        let year = try Self.report("changes", b.state, b.time, ReportOptions(since: b.time.moment(Day("2026-01-01")!)))
        #expect(try Self.row(year, 0, "customers added")[1] == .number(12))
        #expect(try Self.row(year, 0, "deals won")[1...2] == [.number(2), Self.cny(130_000)])
        #expect(try Self.row(year, 0, "complaints opened")[1] == .number(2))
        #expect(try Self.row(year, 0, "complaints resolved")[1] == .number(1))
    }

    @Test func chartsAreText() throws {
        let b = try Self.business()
        defer { b.remove() }
        let seg = try Self.report("segments", b.state, b.time)
        let matrix = ReportText.chart(seg.tables[0], width: 70, selected: 1)
        #expect(matrix.count == 6)
        #expect(matrix[1].contains("▸██"), "\(matrix.joined(separator: "\n"))")   // large × profit brings the most revenue
        let churn = try Self.report("churn", b.state, b.time)
        #expect(ReportText.chart(churn.tables[0], width: 70).first?.hasSuffix("100k CNY") == true)
    }
}
