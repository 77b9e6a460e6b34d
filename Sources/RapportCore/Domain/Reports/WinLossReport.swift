/// Deals won and lost: by reason, by the stage they ended in, by how the
/// customer was found, and by the objections raised on the way.
enum WinLossReport {
    static func make(_ s: CRMState, _ time: LocalTime, _ o: ReportOptions) -> ManagerReport {
        let explicit = o.from != nil || o.to != nil
        let period = o.period(time)
        let closed = s.deals.filter { d in
            s.isLive(d) && d.outcome != nil && o.owns(d) && (!explicit || d.closedAt.map { period.contains(time.day(of: $0)) } ?? false)
        }
        var objections: [DealID: Set<ObjectionType>] = [:]
        for x in s.interactions where !x.withdrawn {
            if let deal = x.deal, let objection = x.objection { objections[deal, default: []].insert(objection) }
        }
        func table(_ key: String, _ title: String, _ heading: String, _ groups: (Deal) -> [String]) -> ReportTable {
            struct Tally { var won: [DealID] = [], lost: [DealID] = [], wonValue = Amounts(), lostValue = Amounts() }
            var tallies: [String: Tally] = [:]
            for d in closed {
                for g in groups(d) {   // changed in place, never copied out and back
                    if d.outcome == .won {
                        tallies[g, default: Tally()].won.append(d.id)
                        tallies[g, default: Tally()].wonValue.add(d.value)
                    } else {
                        tallies[g, default: Tally()].lost.append(d.id)
                        tallies[g, default: Tally()].lostValue.add(d.value)
                    }
                }
            }
            let rows = tallies.sorted { ($0.value.won.count + $0.value.lost.count, $1.key) > ($1.value.won.count + $1.value.lost.count, $0.key) }
                .map { g, t in
                    ReportRow([.text(g), .number(Double(t.won.count)), .money(t.wonValue), .number(Double(t.lost.count)), .money(t.lostValue),
                               .number(percent(t.won.count, t.won.count + t.lost.count))], drill: .deals(t.won + t.lost))
                }
            return ReportTable(key: key, title: title, columns: [
                ReportColumn(key, heading, .text), ReportColumn("won", say("reports.col.won"), .count), ReportColumn("wonValue", say("reports.col.wonValue"), .money),
                ReportColumn("lost", say("reports.col.lost"), .count), ReportColumn("lostValue", say("reports.col.lostValue"), .money), ReportColumn("winRate", say("reports.col.winRate"), .percent),
            ], rows: rows, chart: .bars(column: 3))
        }
        return ManagerReport(name: "winloss", title: say("reports.winloss.title"),
                             scope: explicit ? say("reports.winloss.closed", period.lowerBound, period.upperBound) : say("reports.winloss.every", time.format(time.now)),
                             tables: [
                                 table("reason", say("reports.winloss.byReason"), say("reports.col.reason")) { d in [reason(d)] },
                                 table("stage", say("reports.winloss.byStage"), say("reports.col.stage")) { d in [endStage(d).word] },
                                 table("source", say("reports.winloss.bySource"), say("reports.col.source")) { d in [s.customer(d.customer)?.source?.word ?? say("reports.notRecorded")] },
                                 table("objection", say("reports.winloss.byObjection"), say("reports.col.objection")) { d in
                                     let raised = objections[d.id] ?? []
                                     return raised.isEmpty ? [say("reports.noneRecorded")] : ObjectionType.allCases.filter(raised.contains).map(\.word)
                                 },
                             ])
    }

    /// The reason's head: `price too high` of `price too high: they chose X`.
    static func reason(_ d: Deal) -> String {
        guard let r = d.closeReason, !r.isEmpty else { return d.outcome == .won ? say("reports.winloss.wonNoReason") : say("reports.winloss.noReason") }
        let head = String(r.split(separator: ":", maxSplits: 1).first ?? Substring(r)).trimmingSpaces
        // A reason of the vocabulary, in words of the moment; one written freely as it was written.
        return LossReason.allCases.first { $0.english == head }?.word ?? head
    }

    /// The stage a deal was won from, or lost in.
    static func endStage(_ d: Deal) -> Stage {
        d.outcome == .won ? (d.path.last { $0.stage != .followThrough }?.stage ?? .closing) : d.stage
    }
}
