// catalogue: not yet moved (issue 16)
/// Each rep's business: customers, open pipeline (and per stage), deals won
/// and lost in the period, win rate, median sales cycle, interactions logged,
/// and overdue follow-ups.
enum RepsReport {
    static func make(_ s: CRMState, _ time: LocalTime, _ o: ReportOptions) -> ManagerReport {
        let period = o.period(time)
        struct Rep {
            var customers = 0, openDeals: [DealID] = [], weighted = Amounts(), won: [DealID] = [], lost: [DealID] = []
            var wonValue = Amounts(), lostValue = Amounts(), cycles: [Double] = [], interactions = 0, overdue = 0
            var byStage: [Stage: (deals: [DealID], weighted: Amounts)] = [:]
        }
        var reps: [String: Rep] = [:]
        func within(_ t: Timestamp?) -> Bool { t.map { period.contains(time.day(of: $0)) } ?? false }
        for c in s.customers where s.isLive(c) {
            guard let owner = c.owner, o.owner == nil || owner == o.owner else { continue }
            reps[owner, default: Rep()].customers += 1
        }
        // Changed in place (`reps[owner, default:]`): a rep taken out and put back would copy its lists each time.
        for d in s.deals where s.isLive(d) {
            guard let owner = d.owner, o.owns(d) else { continue }
            if reps[owner] == nil { reps[owner] = Rep() }
            if d.isOpen {
                reps[owner]!.openDeals.append(d.id)
                if let v = d.value {
                    reps[owner]!.weighted.add(d.weightedCents, v.currency)
                    reps[owner]!.byStage[d.stage, default: ([], Amounts())].weighted.add(d.weightedCents, v.currency)
                }
                reps[owner]!.byStage[d.stage, default: ([], Amounts())].deals.append(d.id)
            } else if within(d.closedAt), let outcome = d.outcome {
                if outcome == .won {
                    reps[owner]!.won.append(d.id)
                    reps[owner]!.wonValue.add(d.value)
                    reps[owner]!.cycles.append(Double(max(0, time.day(of: d.closedAt!).number - time.day(of: d.createdAt).number)))
                } else {
                    reps[owner]!.lost.append(d.id)
                    reps[owner]!.lostValue.add(d.value)
                }
            }
        }
        for x in s.interactions where within(x.at) && !x.withdrawn {
            guard let by = x.by, o.owner == nil || by == o.owner else { continue }
            reps[by, default: Rep()].interactions += 1
        }
        for f in s.followUps where f.isOpen && f.due < time.now && s.isLive(f) {
            guard let owner = f.owner, o.owner == nil || owner == o.owner else { continue }
            reps[owner, default: Rep()].overdue += 1
        }
        let names = reps.keys.sorted()
        let rows = names.map { name -> ReportRow in
            let r = reps[name]!
            return ReportRow([
                .text(name), .number(Double(r.customers)), .number(Double(r.openDeals.count)), .money(r.weighted),
                .number(Double(r.won.count)), .money(r.wonValue), .number(Double(r.lost.count)), .money(r.lostValue),
                .number(percent(r.won.count, r.won.count + r.lost.count)), .number(median(r.cycles)),
                .number(Double(r.interactions)), .number(Double(r.overdue)),
            ], drill: .deals(r.openDeals + r.won + r.lost))
        }
        let stageRows = names.flatMap { name in
            Stage.allCases.compactMap { stage -> ReportRow? in
                guard let cell = reps[name]!.byStage[stage] else { return nil }
                return ReportRow([.text(name), .text(stage.english), .number(Double(cell.deals.count)), .money(cell.weighted)], drill: .deals(cell.deals))
            }
        }
        let columns = [
            ReportColumn("owner", "rep", .text), ReportColumn("customers", "customers", .count), ReportColumn("openDeals", "open deals", .count),
            ReportColumn("weighted", "weighted pipeline", .money), ReportColumn("won", "won", .count), ReportColumn("wonValue", "won value", .money),
            ReportColumn("lost", "lost", .count), ReportColumn("lostValue", "lost value", .money), ReportColumn("winRate", "win rate", .percent),
            ReportColumn("medianCycleDays", "median cycle", .days), ReportColumn("interactions", "interactions", .count),
            ReportColumn("overdue", "overdue", .count),
        ]
        return ManagerReport(name: "reps", title: "Reps: pipeline, wins and losses, activity", scope: "\(period.lowerBound) to \(period.upperBound)",
                             tables: [
                                 ReportTable(key: "reps", title: "Per rep (won, lost, cycle and interactions in the period)", columns: columns, rows: rows,
                                             chart: .bars(column: 3)),
                                 ReportTable(key: "by-stage", title: "Open deals per rep and stage",
                                             columns: [ReportColumn("owner", "rep", .text), ReportColumn("stage", "stage", .text),
                                                       ReportColumn("deals", "deals", .count), ReportColumn("weighted", "weighted", .money)],
                                             rows: stageRows, chart: .bars(column: 3)),
                             ])
    }
}
