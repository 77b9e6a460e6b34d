/// Where the revenue comes from: the Pareto curve, recency / frequency /
/// monetary tiers, contribution types, and the customer–value matrix.
enum ValueReport {
    /// A tier's name in words (the tier itself is the English code).
    static func tierWord(_ t: String) -> String {
        switch t {
        case "champions": say("reports.tier.champions")   // catalogue: not text
        case "loyal": say("reports.tier.loyal")
        case "big spenders": say("reports.tier.bigSpenders")   // catalogue: not text
        case "new": say("reports.tier.new")
        case "at risk": say("reports.tier.atRisk")   // catalogue: not text
        case "hibernating": say("reports.tier.hibernating")   // catalogue: not text
        default: say("reports.tier.others")
        }
    }

    static func make(_ s: CRMState, _ time: LocalTime, _ o: ReportOptions) -> ManagerReport {
        struct Buyer { let id: CustomerID; let revenue: Double; let amounts: Amounts; let recency: Int; let frequency: Int }
        var buyers: [Buyer] = []
        // Positions of the customers shown; each is read in place (a large value).
        let customers = s.customers.indices.filter { s.isLive(s.customers[$0]) && o.owns(s.customers[$0]) }
        for i in customers where s.customers[i].newestPurchase > 0 {
            let c = s.customers[i]
            let bought = s.purchases(of: c).filter { $0.date <= time.today }
            guard let last = bought.map(\.date).max() else { continue }
            var total = Amounts()
            for b in bought { total.add(b.amount) }
            buyers.append(Buyer(id: c.id, revenue: ReportValue.money(total).scalar, amounts: total,
                                recency: Int(time.today.number - last.number), frequency: bought.count))
        }
        let all = buyers.reduce(0) { $0 + $1.revenue }
        // Pareto: cumulative share of revenue by tenths of the customers, best first.
        let ranked = buyers.sorted { ($0.revenue, $1.id) > ($1.revenue, $0.id) }
        var paretoRows: [ReportRow] = [], curve: [Double] = []
        for tenth in 1...10 where !ranked.isEmpty {
            let n = max(1, Int((Double(ranked.count) * Double(tenth) / 10).rounded()))
            let share = all == 0 ? 0 : ranked.prefix(n).reduce(0) { $0 + $1.revenue } * 100 / all
            curve.append(share)
            paretoRows.append(ReportRow([.text(say("reports.value.top", tenth * 10)), .number(Double(n)), .number(share)], drill: .customers(ranked.prefix(n).map(\.id))))
        }
        // RFM: each measure in thirds (3 best), then named tiers.
        func thirds(_ values: [Double], higherIsBetter: Bool) -> (Double) -> Int {
            let s = values.sorted()
            guard !s.isEmpty else { return { _ in 2 } }
            let low = s[s.count / 3], high = s[min(s.count - 1, s.count * 2 / 3)]
            return { v in higherIsBetter ? (v >= high ? 3 : v >= low ? 2 : 1) : (v <= low ? 3 : v <= high ? 2 : 1) }
        }
        let r = thirds(buyers.map { Double($0.recency) }, higherIsBetter: false)
        let f = thirds(buyers.map { Double($0.frequency) }, higherIsBetter: true)
        let m = thirds(buyers.map(\.revenue), higherIsBetter: true)
        let tiers = ["champions", "loyal", "big spenders", "new", "at risk", "hibernating", "others"]   // catalogue: not text
        var byTier: [String: (ids: [CustomerID], revenue: Amounts)] = [:]
        for b in buyers {
            let (rs, fs, ms) = (r(Double(b.recency)), f(Double(b.frequency)), m(b.revenue))
            let tier = rs == 3 && fs == 3 ? "champions" : fs == 3 ? "loyal" : ms == 3 ? "big spenders" : b.frequency == 1 && rs == 3 ? "new"   // catalogue: not text
                : rs == 1 && (fs >= 2 || ms >= 2) ? "at risk" : rs == 1 ? "hibernating" : "others"   // catalogue: not text
            byTier[tier, default: ([], Amounts())].ids.append(b.id)
            byTier[tier, default: ([], Amounts())].revenue.add(b.amounts)
        }
        let rfmRows = tiers.compactMap { t -> ReportRow? in
            guard let x = byTier[t] else { return nil }
            let share = all == 0 ? 0 : ReportValue.money(x.revenue).scalar * 100 / all
            return ReportRow([.text(tierWord(t)), .number(Double(x.ids.count)), .money(x.revenue), .number(share)], drill: .customers(x.ids))
        }
        let revenue = Dictionary(uniqueKeysWithValues: buyers.map { ($0.id, $0.amounts) })
        let contributionRows = (Contribution.allCases.map(Optional.some) + [nil]).map { kind -> ReportRow in
            let ids = customers.filter { i in kind.map(s.customers[i].contributions.contains) ?? s.customers[i].contributions.isEmpty }
                .map { s.customers[$0].id }
            var total = Amounts()
            for id in ids { if let a = revenue[id] { total.add(a) } }
            return ReportRow([.text(kind?.word ?? say("reports.noneRecorded")), .number(Double(ids.count)), .money(total)], drill: .customers(ids))
        }
        let horizons: [Horizon?] = [.short, .long, nil], barriers: [SwitchingBarrier?] = [.low, .high, nil]
        var matrixRows: [ReportRow] = []
        for h in horizons {
            for b in barriers {
                let ids = customers.filter { s.customers[$0].horizon == h && s.customers[$0].barrier == b }.map { s.customers[$0].id }
                let position = h.flatMap { h in b.map { ValueMatrixPosition(h, $0).word } } ?? "—"
                matrixRows.append(ReportRow([.text(h?.word ?? say("reports.notSet")), .text(b?.word ?? say("reports.notSet")), .text(position),
                                             .number(Double(ids.count))], drill: .customers(ids)))
            }
        }
        let top20 = curve.count >= 2 ? curve[1] : nil
        return ManagerReport(name: "value", title: say("reports.value.title"), scope: say("reports.value.scope", time.today)
                                 + (top20.map { say("reports.value.topShare", Int($0.rounded())) } ?? ""),
                             tables: [
                                 ReportTable(key: "pareto", title: say("reports.value.pareto"), columns: [
                                     ReportColumn("top", say("reports.col.customers"), .text), ReportColumn("count", say("reports.col.howMany"), .count),
                                     ReportColumn("share", say("reports.col.shareOfRevenue"), .percent),
                                 ], rows: paretoRows, chart: .sparkline(label: say("reports.value.cumulative"), values: curve)),
                                 ReportTable(key: "rfm", title: say("reports.value.rfm"), columns: [
                                     ReportColumn("tier", say("reports.col.tier"), .text), ReportColumn("customers", say("reports.col.customers"), .count),
                                     ReportColumn("revenue", say("reports.col.revenue"), .money), ReportColumn("share", say("reports.col.share"), .percent),
                                 ], rows: rfmRows, chart: .bars(column: 2)),
                                 ReportTable(key: "contribution", title: say("reports.value.contribution"), columns: [
                                     ReportColumn("contribution", say("reports.col.contribution"), .text), ReportColumn("customers", say("reports.col.customers"), .count),
                                     ReportColumn("revenue", say("reports.col.revenue"), .money),
                                 ], rows: contributionRows, chart: .bars(column: 1)),
                                 ReportTable(key: "matrix", title: say("reports.value.matrix"), columns: [
                                     ReportColumn("horizon", say("reports.col.horizon"), .text), ReportColumn("barrier", say("reports.col.barrier"), .text),
                                     ReportColumn("position", say("reports.col.position"), .text), ReportColumn("customers", say("reports.col.customers"), .count),
                                 ], rows: matrixRows, chart: .matrix(rows: horizons.map { $0?.word ?? say("reports.notSet") },
                                                                     columns: barriers.map { $0?.word ?? say("reports.notSet") }, column: 3)),
                             ])
    }
}
