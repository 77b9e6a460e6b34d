/// Open complaints by age, and how long resolving one has taken, month by month.
enum ComplaintsReport {
    static func make(_ s: CRMState, _ time: LocalTime, _ o: ReportOptions) -> ManagerReport {
        let mine = s.complaints.filter { k in s.isLive(k) && s.customer(k.customer).map(o.owns) ?? false }
        let open = mine.filter(\.isOpen).sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
        let openRows = open.map { k -> ReportRow in
            let c = s.customer(k.customer)
            return ReportRow([.text(k.id.description), .text(c?.name ?? ""), .text(c?.owner ?? ""), .text(time.format(k.openedAt)),
                              .number(Double(time.daysSince(k.openedAt))), .number(Double(k.steps.count)), .text(k.summary)],
                             drill: .customers([k.customer]))
        }
        // Time to resolution by the month resolved, the last twelve months.
        var months: [String] = []
        var day = time.today
        for _ in 0..<12 {
            months.insert(ForecastReport.monthKey(day), at: 0)
            let (y, m, _) = day.civil
            day = Day(number: Day(year: y, month: m, day: 1)!.number - 1)
        }
        var byMonth: [String: (days: [Double], ids: [CustomerID])] = [:]
        for k in mine {
            guard let resolved = k.resolvedAt else { continue }
            let key = ForecastReport.monthKey(time.day(of: resolved))
            guard months.contains(key) else { continue }
            byMonth[key, default: ([], [])].days.append(Double(resolved.milliseconds - k.openedAt.milliseconds) / 86_400_000)
            byMonth[key, default: ([], [])].ids.append(k.customer)
        }
        let monthRows = months.map { key in
            ReportRow([.text(key), .number(Double(byMonth[key]?.days.count ?? 0)), .number(byMonth[key].flatMap { median($0.days) })],
                      drill: .customers(byMonth[key]?.ids ?? []))
        }
        return ManagerReport(name: "complaints", title: say("reports.complaints.title"),
                             scope: say("reports.complaints.scope", time.format(time.now), open.count),
                             tables: [
                                 ReportTable(key: "open", title: say("reports.complaints.open"), columns: [
                                     ReportColumn("id", say("reports.col.id"), .text), ReportColumn("customer", say("reports.col.customer"), .text), ReportColumn("owner", say("reports.col.rep"), .text),
                                     ReportColumn("opened", say("reports.col.opened"), .text), ReportColumn("ageDays", say("reports.col.age"), .days), ReportColumn("steps", say("reports.col.steps"), .count),
                                     ReportColumn("summary", say("reports.col.what"), .text),
                                 ], rows: openRows, chart: .bars(column: 4)),
                                 ReportTable(key: "resolution", title: say("reports.complaints.resolution"), columns: [
                                     ReportColumn("month", say("reports.col.month"), .text), ReportColumn("resolved", say("reports.col.resolved"), .count),
                                     ReportColumn("medianDays", say("reports.col.medianDays"), .days),
                                 ], rows: monthRows, chart: .sparkline(label: say("reports.complaints.medianLabel"), values: monthRows.map { $0.values[2].scalar })),
                             ])
    }
}
