/// From each deal's path through the stages: how many entered each stage,
/// how many reached the next, how many were won and lost, the median days
/// spent in it, and the win probability learned beside the configured one.
enum ConversionReport {
    /// What the deals that entered a stage came to.
    struct StageFacts {
        var entered: [DealID] = [], reachedNext = 0, won = 0, lost = 0, days: [Double] = []

        /// Won among those that entered and were closed, in percent.
        var learned: Double? { percent(won, won + lost) }
    }

    /// The facts of every stage, from the deals `include` keeps, as the log
    /// stood at `moment` (only what had happened by then).
    static func facts(_ s: CRMState, upTo moment: Timestamp, include: (Deal) -> Bool) -> [Stage: StageFacts] {
        // Mutated in place, by stage number: a fact taken out of a dictionary
        // and put back would copy its growing list each time.
        var out = [StageFacts](repeating: StageFacts(), count: Stage.allCases.count)
        for i in s.deals.indices where s.isLive(s.deals[i]) && s.deals[i].createdAt <= moment && include(s.deals[i]) {
            let path = s.deals[i].path, closedAt = s.deals[i].closedAt, id = s.deals[i].id
            let closed = closedAt.map { $0 <= moment } ?? false
            let won = closed && s.deals[i].outcome == .won, lost = closed && s.deals[i].outcome == .lost
            let completed = s.deals[i].completedAt.map { $0 <= moment } ?? false
            let count = path.firstIndex { $0.at > moment } ?? path.count
            var seen: UInt8 = 0
            for v in 0..<count {
                let visit = path[v], k = visit.stage.number - 1
                if seen & (1 << k) == 0 {
                    seen |= 1 << k
                    out[k].entered.append(id)
                    let next = visit.stage.next
                    if path[(v + 1)..<count].contains(where: { $0.stage == next }) || (visit.stage == .followThrough && completed) {
                        out[k].reachedNext += 1
                    }
                    if won { out[k].won += 1 }
                    if lost { out[k].lost += 1 }
                }
                let end = v + 1 < count ? path[v + 1].at : (closed && visit.stage != .followThrough ? closedAt : nil)
                if let end { out[k].days.append(Double(end.milliseconds - visit.at.milliseconds) / 86_400_000) }
            }
        }
        var facts: [Stage: StageFacts] = [:]
        for stage in Stage.allCases { facts[stage] = out[stage.number - 1] }
        return facts
    }

    /// The learned chance of winning a deal in each stage (the configured one
    /// where nothing has been closed yet), in percent.
    static func learnedProbabilities(_ s: CRMState, upTo moment: Timestamp, include: (Deal) -> Bool) -> [Stage: Double] {
        let f = facts(s, upTo: moment, include: include)
        var out: [Stage: Double] = [:]
        for stage in Stage.allCases { out[stage] = f[stage]?.learned ?? Double(stage.defaultProbability) }
        return out
    }

    static func make(_ s: CRMState, _ time: LocalTime, _ o: ReportOptions) -> ManagerReport {
        let explicit = o.from != nil || o.to != nil
        let period = o.period(time)
        let f = facts(s, upTo: time.now) { d in o.owns(d) && (!explicit || period.contains(time.day(of: d.createdAt))) }
        let rows = Stage.allCases.map { stage -> ReportRow in
            let x = f[stage] ?? StageFacts()
            return ReportRow([
                .text(stage.word), .number(Double(x.entered.count)), .number(Double(x.reachedNext)),
                .number(percent(x.reachedNext, x.entered.count)), .number(Double(x.won)), .number(Double(x.lost)),
                .number(x.learned), .number(Double(stage.defaultProbability)), .number(median(x.days)),
            ], drill: .deals(x.entered))
        }
        let columns = [
            ReportColumn("stage", say("reports.col.stage"), .text), ReportColumn("entered", say("reports.col.entered"), .count), ReportColumn("reachedNext", say("reports.col.reachedNext"), .count),
            ReportColumn("conversion", say("reports.col.toNext"), .percent), ReportColumn("won", say("reports.col.won"), .count), ReportColumn("lost", say("reports.col.lost"), .count),
            ReportColumn("learnedWinRate", say("reports.col.learnedWin"), .percent), ReportColumn("configuredWinRate", say("reports.col.configured"), .percent),
            ReportColumn("medianDays", say("reports.col.medianDays"), .days),
        ]
        return ManagerReport(name: "conversion", title: say("reports.conversion.title"),
                             scope: explicit ? say("reports.conversion.opened", period.lowerBound, period.upperBound) : say("reports.conversion.every", time.format(time.now)),
                             tables: [ReportTable(key: "stages", title: say("reports.conversion.stages"), columns: columns, rows: rows, chart: .bars(column: 1))])
    }
}
