/// What changed between two moments: customers added, deals opened, moved,
/// won and lost, complaints opened and resolved, purchases; and the pipeline
/// per stage then and now. Read from the history the state keeps (when each
/// thing was created, moved, closed), as of the later moment.
enum ChangesReport {
    static func make(_ s: CRMState, _ time: LocalTime, _ o: ReportOptions) -> ManagerReport {
        let until = time.now, since = o.since ?? until.adding(seconds: -7 * 86_400)
        func within(_ t: Timestamp?) -> Bool { t.map { $0 > since && $0 <= until } ?? false }
        let customers = s.customers.filter { s.isLive($0) && o.owns($0) }
        let deals = s.deals.filter { s.isLive($0) && o.owns($0) }
        let added = customers.filter { within($0.createdAt) }
        let opened = deals.filter { within($0.createdAt) }
        let moved = deals.filter { d in d.path.dropFirst().contains { within($0.at) && $0.stage != .followThrough } }
        let won = deals.filter { $0.outcome == .won && within($0.closedAt) }, lost = deals.filter { $0.outcome == .lost && within($0.closedAt) }
        let owned = Set(customers.map(\.id))
        let complaints = s.complaints.filter { s.isLive($0) && owned.contains($0.customer) }
        let openedK = complaints.filter { within($0.openedAt) }, resolvedK = complaints.filter { within($0.resolvedAt) }
        let sinceDay = time.day(of: since)
        // Purchases carry a day, not a moment: those of the first day count.
        let bought = s.purchases.filter { s.isLive($0) && owned.contains($0.customer) && $0.date >= sinceDay && $0.date <= time.day(of: until) }
        func value(_ ds: [Deal]) -> Amounts {
            var a = Amounts()
            for d in ds { a.add(d.value) }
            return a
        }
        var revenue = Amounts()
        for b in bought { revenue.add(b.amount) }
        func row(_ what: String, _ n: Int, _ v: Amounts?, _ drill: Drill) -> ReportRow {
            ReportRow([.text(what), .number(Double(n)), v.map(ReportValue.money) ?? .text("")], drill: drill)
        }
        let summary = [
            row("customers added", added.count, nil, .customers(added.map(\.id))),
            row("deals opened", opened.count, value(opened), .deals(opened.map(\.id))),
            row("deals moved", moved.count, value(moved), .deals(moved.map(\.id))),
            row("deals won", won.count, value(won), .deals(won.map(\.id))),
            row("deals lost", lost.count, value(lost), .deals(lost.map(\.id))),
            row("complaints opened", openedK.count, nil, .customers(openedK.map(\.customer))),
            row("complaints resolved", resolvedK.count, nil, .customers(resolvedK.map(\.customer))),
            row("purchases", bought.count, revenue, .customers(bought.map(\.customer))),
        ]
        let pipeline = Stage.allCases.map { stage -> ReportRow in
            let then = deals.filter { $0.wasOpen(at: since) && $0.stage(at: since) == stage }
            let now = deals.filter { ($0.isOpen && $0.stage == stage) || (stage == .followThrough && $0.followingThrough) }
            return ReportRow([.text(stage.english), .number(Double(then.count)), .money(value(then)), .number(Double(now.count)), .money(value(now)),
                              .number(Double(now.count - then.count))], drill: .deals(now.map(\.id)))
        }
        return ManagerReport(name: "changes", title: "What changed", scope: "from \(time.format(since)) to \(time.format(until))",
                             tables: [
                                 ReportTable(key: "summary", title: "What happened", columns: [
                                     ReportColumn("what", "what", .text), ReportColumn("count", "how many", .count), ReportColumn("value", "value", .money),
                                 ], rows: summary, chart: .bars(column: 1)),
                                 ReportTable(key: "pipeline", title: "Pipeline per stage, then and now", columns: [
                                     ReportColumn("stage", "stage", .text), ReportColumn("dealsThen", "deals then", .count),
                                     ReportColumn("valueThen", "value then", .money), ReportColumn("dealsNow", "deals now", .count),
                                     ReportColumn("valueNow", "value now", .money), ReportColumn("change", "change", .count),
                                 ], rows: pipeline, chart: .bars(column: 4)),
                             ])
    }
}
