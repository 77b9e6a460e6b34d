/// What changed between two moments: customers added, deals opened, moved,
/// won and lost, complaints opened and resolved, purchases; and the pipeline
/// per stage then and now. Read from the history the state keeps (when each
/// thing was created, moved, closed), as of the later moment.
enum ChangesReport {
    static func make(_ s: CRMState, _ time: LocalTime, _ o: ReportOptions) -> ManagerReport {
        let until = time.now, since = o.since ?? until.adding(seconds: -7 * 86_400)
        func within(_ t: Timestamp?) -> Bool { t.map { $0 > since && $0 <= until } ?? false }
        // Read in place and kept by id: customers and deals are large values.
        var owned = Set<CustomerID>(), added: [CustomerID] = []
        for i in s.customers.indices where s.isLive(s.customers[i]) && o.owns(s.customers[i]) {
            owned.insert(s.customers[i].id)
            if within(s.customers[i].createdAt) { added.append(s.customers[i].id) }
        }
        struct Tally { var ids: [DealID] = [], value = Amounts() }
        var opened = Tally(), moved = Tally(), won = Tally(), lost = Tally()
        var then = [Tally](repeating: Tally(), count: Stage.allCases.count), now = then
        for i in s.deals.indices where s.isLive(s.deals[i]) && o.owns(s.deals[i]) {
            let id = s.deals[i].id, value = s.deals[i].value
            func add(_ t: inout Tally) { t.ids.append(id); t.value.add(value) }
            if within(s.deals[i].createdAt) { add(&opened) }
            if s.deals[i].path.dropFirst().contains(where: { within($0.at) && $0.stage != .followThrough }) { add(&moved) }
            if within(s.deals[i].closedAt) { s.deals[i].outcome == .won ? add(&won) : add(&lost) }
            if s.deals[i].wasOpen(at: since), let stage = s.deals[i].stage(at: since) { add(&then[stage.number - 1]) }
            if s.deals[i].isOpen || s.deals[i].followingThrough { add(&now[s.deals[i].stage.number - 1]) }
        }
        var openedK: [CustomerID] = [], resolvedK: [CustomerID] = []
        for k in s.complaints where owned.contains(k.customer) && s.isLive(k) {
            if within(k.openedAt) { openedK.append(k.customer) }
            if within(k.resolvedAt) { resolvedK.append(k.customer) }
        }
        // Purchases carry a day, not a moment: those of the first day count.
        let sinceDay = time.day(of: since), untilDay = time.day(of: until)
        var bought: [CustomerID] = [], revenue = Amounts()
        for b in s.purchases where b.date >= sinceDay && b.date <= untilDay && owned.contains(b.customer) && s.isLive(b) {
            bought.append(b.customer)
            revenue.add(b.amount)
        }
        func row(_ what: String, _ n: Int, _ v: Amounts?, _ drill: Drill) -> ReportRow {
            ReportRow([.text(what), .number(Double(n)), v.map(ReportValue.money) ?? .text("")], drill: drill)
        }
        let summary = [
            row(say("reports.changes.customersAdded"), added.count, nil, .customers(added)),
            row(say("reports.changes.dealsOpened"), opened.ids.count, opened.value, .deals(opened.ids)),
            row(say("reports.changes.dealsMoved"), moved.ids.count, moved.value, .deals(moved.ids)),
            row(say("reports.changes.dealsWon"), won.ids.count, won.value, .deals(won.ids)),
            row(say("reports.changes.dealsLost"), lost.ids.count, lost.value, .deals(lost.ids)),
            row(say("reports.changes.complaintsOpened"), openedK.count, nil, .customers(openedK)),
            row(say("reports.changes.complaintsResolved"), resolvedK.count, nil, .customers(resolvedK)),
            row(say("reports.changes.purchases"), bought.count, revenue, .customers(bought)),
        ]
        let pipeline = Stage.allCases.map { stage -> ReportRow in
            let t = then[stage.number - 1], n = now[stage.number - 1]
            return ReportRow([.text(stage.word), .number(Double(t.ids.count)), .money(t.value), .number(Double(n.ids.count)), .money(n.value),
                              .number(Double(n.ids.count - t.ids.count))], drill: .deals(n.ids))
        }
        return ManagerReport(name: "changes", title: say("reports.changes.title"), scope: say("reports.changes.scope", time.format(since), time.format(until)),
                             tables: [
                                 ReportTable(key: "summary", title: say("reports.changes.summary"), columns: [
                                     ReportColumn("what", say("reports.col.what"), .text), ReportColumn("count", say("reports.col.howMany"), .count), ReportColumn("value", say("reports.col.value"), .money),
                                 ], rows: summary, chart: .bars(column: 1)),
                                 ReportTable(key: "pipeline", title: say("reports.changes.pipeline"), columns: [
                                     ReportColumn("stage", say("reports.col.stage"), .text), ReportColumn("dealsThen", say("reports.col.dealsThen"), .count),
                                     ReportColumn("valueThen", say("reports.col.valueThen"), .money), ReportColumn("dealsNow", say("reports.col.dealsNow"), .count),
                                     ReportColumn("valueNow", say("reports.col.valueNow"), .money), ReportColumn("change", say("reports.col.change"), .count),
                                 ], rows: pipeline, chart: .bars(column: 4)),
                             ])
    }
}
