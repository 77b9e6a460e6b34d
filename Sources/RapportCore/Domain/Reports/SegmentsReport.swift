/// The business by size × value type (seed 001's two classifications):
/// customers, open pipeline, revenue of the last 12 months, open complaints,
/// and the average relationship temperature.
enum SegmentsReport {
    static func make(_ s: CRMState, _ time: LocalTime, _ o: ReportOptions) -> ManagerReport {
        struct Cell {
            var customers: [CustomerID] = []
            var pipeline = Amounts(), weighted = Amounts(), revenue = Amounts()
            var complaints = 0, temperature = 0
        }
        let yearAgo = Day(number: time.today.number - 365)
        var cells: [String: Cell] = [:]
        func key(_ size: SizeClass?, _ value: ValueType?) -> String { "\(size?.rawValue ?? "-")|\(value?.rawValue ?? "-")" }
        var sizes = Set<SizeClass?>(), values = Set<ValueType?>()
        for c in s.customers where s.isLive(c) && o.owns(c) {
            sizes.insert(c.size)
            values.insert(c.valueType)
            // Changed in place: a cell taken out and put back would copy its list each time.
            let k = key(c.size, c.valueType)
            cells[k, default: Cell()].customers.append(c.id)
            cells[k, default: Cell()].temperature += c.temperature(at: time)
            for d in s.deals(of: c) where d.isOpen {
                cells[k, default: Cell()].pipeline.add(d.value)
                if let v = d.value { cells[k, default: Cell()].weighted.add(d.weightedCents, v.currency) }
            }
            for b in s.purchases(of: c) where b.date >= yearAgo && b.date <= time.today { cells[k, default: Cell()].revenue.add(b.amount) }
            cells[k, default: Cell()].complaints += s.complaints(of: c).filter(\.isOpen).count
        }
        let rowLabels: [SizeClass?] = SizeClass.allCases.map { $0 } + (sizes.contains(nil) ? [nil] : [])
        let columnLabels: [ValueType?] = ValueType.allCases.map { $0 } + (values.contains(nil) ? [nil] : [])
        var rows: [ReportRow] = []
        for size in rowLabels {
            for value in columnLabels {
                let cell = cells[key(size, value)] ?? Cell()
                rows.append(ReportRow([
                    .text(size?.word ?? say("reports.notSet")), .text(value?.word ?? say("reports.notSet")), .number(Double(cell.customers.count)),
                    .money(cell.pipeline), .money(cell.weighted), .money(cell.revenue), .number(Double(cell.complaints)),
                    .number(cell.customers.isEmpty ? nil : Double(cell.temperature) / Double(cell.customers.count)),
                ], drill: .customers(cell.customers)))
            }
        }
        let columns = [
            ReportColumn("size", say("reports.col.size"), .text), ReportColumn("valueType", say("reports.col.valueType"), .text), ReportColumn("customers", say("reports.col.customers"), .count),
            ReportColumn("pipeline", say("reports.col.openPipeline"), .money), ReportColumn("weighted", say("reports.col.weighted"), .money),
            ReportColumn("revenue12m", say("reports.col.revenueMonths"), .money), ReportColumn("openComplaints", say("reports.col.openComplaints"), .count),
            ReportColumn("temperature", say("reports.col.avgTemperature"), .score),
        ]
        let chart = ReportChart.matrix(rows: rowLabels.map { $0?.word ?? say("reports.notSet") }, columns: columnLabels.map { $0?.word ?? say("reports.notSet") },
                                       column: 5)
        return ManagerReport(name: "segments", title: say("reports.segments.title"), scope: say("reports.asOf", time.format(time.now)),
                             tables: [ReportTable(key: "matrix", title: say("reports.segments.matrix"), columns: columns, rows: rows, chart: chart)])
    }
}
