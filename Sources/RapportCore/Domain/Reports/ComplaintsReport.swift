// catalogue: not yet moved (issue 16)
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
        return ManagerReport(name: "complaints", title: "Complaints: what is open, and how fast they are resolved",
                             scope: "as of \(time.format(time.now)); \(open.count) open",
                             tables: [
                                 ReportTable(key: "open", title: "Open complaints, oldest first", columns: [
                                     ReportColumn("id", "id", .text), ReportColumn("customer", "customer", .text), ReportColumn("owner", "rep", .text),
                                     ReportColumn("opened", "opened", .text), ReportColumn("ageDays", "age", .days), ReportColumn("steps", "steps", .count),
                                     ReportColumn("summary", "what", .text),
                                 ], rows: openRows, chart: .bars(column: 4)),
                                 ReportTable(key: "resolution", title: "Resolved per month, and the median days it took", columns: [
                                     ReportColumn("month", "month", .text), ReportColumn("resolved", "resolved", .count),
                                     ReportColumn("medianDays", "median days", .days),
                                 ], rows: monthRows, chart: .sparkline(label: "median days to resolve", values: monthRows.map { $0.values[2].scalar })),
                             ])
    }
}
