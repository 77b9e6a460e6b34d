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
                return ReportRow([.text(name), .text(stage.word), .number(Double(cell.deals.count)), .money(cell.weighted)], drill: .deals(cell.deals))
            }
        }
        let columns = [
            ReportColumn("owner", say("reports.col.rep"), .text), ReportColumn("customers", say("reports.col.customers"), .count), ReportColumn("openDeals", say("reports.col.openDeals"), .count),
            ReportColumn("weighted", say("reports.col.weightedPipeline"), .money), ReportColumn("won", say("reports.col.won"), .count), ReportColumn("wonValue", say("reports.col.wonValue"), .money),
            ReportColumn("lost", say("reports.col.lost"), .count), ReportColumn("lostValue", say("reports.col.lostValue"), .money), ReportColumn("winRate", say("reports.col.winRate"), .percent),
            ReportColumn("medianCycleDays", say("reports.col.medianCycle"), .days), ReportColumn("interactions", say("reports.col.interactions"), .count),
            ReportColumn("overdue", say("reports.col.overdue"), .count),
        ]
        return ManagerReport(name: "reps", title: say("reports.reps.title"), scope: say("reports.fromTo", period.lowerBound, period.upperBound),
                             tables: [
                                 ReportTable(key: "reps", title: say("reports.reps.perRep"), columns: columns, rows: rows,
                                             chart: .bars(column: 3)),
                                 ReportTable(key: "by-stage", title: say("reports.reps.byStage"),
                                             columns: [ReportColumn("owner", say("reports.col.rep"), .text), ReportColumn("stage", say("reports.col.stage"), .text),
                                                       ReportColumn("deals", say("reports.col.deals"), .count), ReportColumn("weighted", say("reports.col.weighted"), .money)],
                                             rows: stageRows, chart: .bars(column: 3)),
                             ])
    }
}
