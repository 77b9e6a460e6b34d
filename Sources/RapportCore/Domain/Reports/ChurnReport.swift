/// Customers at risk of leaving, each with its reasons in words, the most
/// value at risk first (revenue of the last 12 months plus the weighted
/// open pipeline).
enum ChurnReport {
    /// Why a customer who has bought may be about to leave; empty when nothing says so.
    static func reasons(_ c: Customer, _ s: CRMState, _ time: LocalTime) -> [String] {
        var out: [String] = []
        let t = c.temperature(at: time)
        if t < 25 {
            let since = c.lastTwoWayContact.map { say("reports.churn.noContact", time.daysSince($0)) } ?? say("reports.churn.never")
            out.append(say("reports.churn.shelfLife", t, since, c.relationship.word, Int(c.relationship.halfLifeDays)))
        }
        if let mood = c.mood, mood.mood == .falling, time.daysSince(mood.at) <= 30 { out.append(say("reports.churn.mood", time.day(of: mood.at))) }
        let surveys = s.surveys(of: c)
        if let latest = surveys.first {
            if let before = surveys.dropFirst().first, before.score - latest.score >= Survey.fall {
                out.append(say("reports.churn.satFalling", Describe.score(before.score), Describe.score(latest.score)))
            } else if latest.score < Survey.low {
                out.append(say("reports.churn.satLow", Describe.score(latest.score)))
            }
        }
        for k in s.complaints(of: c) where k.isOpen && time.daysSince(k.openedAt) >= 7 {
            out.append(say("reports.churn.complaint", k.id, time.daysSince(k.openedAt)))
        }
        let dates = s.purchases(of: c).map(\.date).filter { $0 <= time.today }.sorted()
        if dates.count >= 2, let first = dates.first, let last = dates.last {
            let usual = Double(last.number - first.number) / Double(dates.count - 1)
            let since = Int(time.today.number - last.number)
            if usual >= 1, Double(since) > usual * 1.5 { out.append(say("reports.churn.noPurchase", since, Int(usual.rounded()))) }
        }
        let big = c.size == .large || Dossier.isBigCustomer(contacts: s.contacts(of: c))
        if big, let last = c.lastTwoWayContact, time.daysSince(last) >= 30 {
            out.append(say("reports.churn.bigAccount", time.daysSince(last)))
        }
        return out
    }

    static func make(_ s: CRMState, _ time: LocalTime, _ o: ReportOptions) -> ManagerReport {
        let yearAgo = Day(number: time.today.number - 365)
        // Customers are read in place and kept by position: each is a large value.
        var atRisk: [(i: Int, value: Amounts, scalar: Double, reasons: [String])] = []
        for i in s.customers.indices where s.customers[i].newestPurchase > 0 && s.isLive(s.customers[i]) && o.owns(s.customers[i]) {
            let why = reasons(s.customers[i], s, time)
            guard !why.isEmpty else { continue }
            var value = Amounts()
            for b in s.purchases(of: s.customers[i]) where b.date >= yearAgo && b.date <= time.today { value.add(b.amount) }
            for d in s.deals(of: s.customers[i]) where d.isOpen { if let v = d.value { value.add(d.weightedCents, v.currency) } }
            atRisk.append((i, value, ReportValue.money(value).scalar, why))
        }
        atRisk.sort { ($0.scalar, $1.i) > ($1.scalar, $0.i) }
        let rows = atRisk.map { x in
            let c = s.customers[x.i]
            return ReportRow([.text(c.id.description), .text(c.name), .text(c.owner ?? ""), .money(x.value), .number(Double(x.reasons.count)),
                              .text(x.reasons.joined(separator: say("reports.churn.separator")))], drill: .customers([c.id]))
        }
        return ManagerReport(name: "churn", title: say("reports.churn.title"), scope: say("reports.churn.scope", time.format(time.now), rows.count),
                             tables: [ReportTable(key: "at-risk", title: say("reports.churn.atRisk"), columns: [
                                 ReportColumn("id", say("reports.col.id"), .text), ReportColumn("customer", say("reports.col.customer"), .text), ReportColumn("owner", say("reports.col.rep"), .text),
                                 ReportColumn("valueAtRisk", say("reports.col.valueAtRisk"), .money), ReportColumn("signs", say("reports.col.signs"), .count),
                                 ReportColumn("reasons", say("reports.col.why"), .text),
                             ], rows: rows, chart: .bars(column: 3))])
    }
}

extension Dossier {
    /// The buyer is not the user: one contact uses the product, another buys or decides (seed 003).
    static func isBigCustomer(contacts: [Contact]) -> Bool {
        let users = contacts.filter { $0.role == .user }.map(\.id)
        return !users.isEmpty && contacts.contains { ($0.role == .purchaser || $0.role == .decisionMaker) && !users.contains($0.id) }
    }
}
