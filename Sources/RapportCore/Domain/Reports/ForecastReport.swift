/// The weighted pipeline by expected close month, with the configured and
/// the learned probabilities; and a backtest: at the start of each of the
/// last four quarters, what each forecast said against what was won.
enum ForecastReport {
    static func make(_ s: CRMState, _ time: LocalTime, _ o: ReportOptions) -> ManagerReport {
        let learned = ConversionReport.learnedProbabilities(s, upTo: time.now, include: o.owns)
        struct Month { var deals: [DealID] = [], total = Amounts(), configured = Amounts(), learned = Amounts() }
        var months: [String: Month] = [:]
        let thisMonth = monthKey(time.today)
        for d in s.deals where d.isOpen && s.isLive(d) && o.owns(d) {
            let key = d.expectedClose.map { monthKey($0) < thisMonth ? "overdue" : monthKey($0) } ?? "no date"   // catalogue: not text
            months[key, default: Month()].deals.append(d.id)   // in place: never copied out and back
            if let v = d.value {
                months[key, default: Month()].total.add(v)
                months[key, default: Month()].configured.add(d.weightedCents, v.currency)
                months[key, default: Month()].learned.add(Int64((Double(v.cents) * (learned[d.stage] ?? 0) / 100).rounded()), v.currency)
            }
        }
        let order = months.keys.sorted { a, b in
            func rank(_ k: String) -> String { k == "overdue" ? "0" : k == "no date" ? "9" : "1" + k }   // catalogue: not text
            return rank(a) < rank(b)
        }
        let monthRows = order.map { key -> ReportRow in
            let m = months[key]!
            return ReportRow([.text(key == "overdue" ? say("reports.forecast.overdue") : key == "no date" ? say("reports.forecast.noDate") : key), .number(Double(m.deals.count)), .money(m.total), .money(m.configured), .money(m.learned)],   // catalogue: not text
                             drill: .deals(m.deals))
        }
        // The backtest: the four quarters before this one.
        var quarters: [Quarter] = []
        var q = Quarter(containing: time.today).previous
        for _ in 0..<4 {
            quarters.insert(q, at: 0)
            q = q.previous
        }
        let backtest = quarters.map { quarter -> ReportRow in
            let start = time.startOfDay(quarter.first), end = time.startOfDay(Day(number: quarter.last.number + 1))
            let rates = ConversionReport.learnedProbabilities(s, upTo: start, include: o.owns)
            var configured = Amounts(), learnedSum = Amounts(), wonOfThem = Amounts(), wonAll = Amounts()
            var open: [DealID] = []
            for d in s.deals where s.isLive(d) && o.owns(d) {
                let wonInQuarter = d.outcome == .won && (d.closedAt.map { $0 >= start && $0 < end } ?? false)
                if wonInQuarter { wonAll.add(d.value) }
                guard d.wasOpen(at: start), let stage = d.stage(at: start), let v = d.value else { continue }
                open.append(d.id)
                configured.add(v.cents * Int64(stage.defaultProbability) / 100, v.currency)
                learnedSum.add(Int64((Double(v.cents) * (rates[stage] ?? 0) / 100).rounded()), v.currency)
                if wonInQuarter { wonOfThem.add(v) }
            }
            let actual = ReportValue.money(wonOfThem).scalar
            func error(_ a: Amounts) -> Double? { actual == 0 ? nil : (ReportValue.money(a).scalar - actual) * 100 / actual }
            return ReportRow([.text(quarter.name), .number(Double(open.count)), .money(configured), .money(learnedSum), .money(wonOfThem),
                              .money(wonAll), .number(error(configured)), .number(error(learnedSum))], drill: .deals(open))
        }
        return ManagerReport(name: "forecast", title: say("reports.forecast.title"), scope: say("reports.asOf", time.format(time.now)),
                             tables: [
                                 ReportTable(key: "by-month", title: say("reports.forecast.byMonth"), columns: [
                                     ReportColumn("month", say("reports.col.closeMonth"), .text), ReportColumn("deals", say("reports.col.deals"), .count),
                                     ReportColumn("pipeline", say("reports.col.pipeline"), .money), ReportColumn("configured", say("reports.col.forecastConfigured"), .money),
                                     ReportColumn("learned", say("reports.col.forecastLearned"), .money),
                                 ], rows: monthRows, chart: .bars(column: 4)),
                                 ReportTable(key: "backtest", title: say("reports.forecast.backtest"), columns: [
                                     ReportColumn("quarter", say("reports.col.quarter"), .text), ReportColumn("openAtStart", say("reports.col.openAtStart"), .count),
                                     ReportColumn("configured", say("reports.col.forecastConfigured"), .money), ReportColumn("learned", say("reports.col.forecastLearned"), .money),
                                     ReportColumn("wonOfThem", say("reports.col.wonOfThem"), .money), ReportColumn("wonAll", say("reports.col.wonInAll"), .money),
                                     ReportColumn("configuredError", say("reports.col.configuredOffBy"), .percent), ReportColumn("learnedError", say("reports.col.learnedOffBy"), .percent),
                                 ], rows: backtest, chart: .bars(column: 4)),
                             ])
    }

    /// `2026-12`.
    static func monthKey(_ day: Day) -> String { String(day.description.prefix(7)) }
}
