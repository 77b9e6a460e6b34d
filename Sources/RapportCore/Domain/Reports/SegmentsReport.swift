// catalogue: not yet moved (issue 16)
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
                    .text(size?.english ?? "not set"), .text(value?.english ?? "not set"), .number(Double(cell.customers.count)),
                    .money(cell.pipeline), .money(cell.weighted), .money(cell.revenue), .number(Double(cell.complaints)),
                    .number(cell.customers.isEmpty ? nil : Double(cell.temperature) / Double(cell.customers.count)),
                ], drill: .customers(cell.customers)))
            }
        }
        let columns = [
            ReportColumn("size", "size", .text), ReportColumn("valueType", "value type", .text), ReportColumn("customers", "customers", .count),
            ReportColumn("pipeline", "open pipeline", .money), ReportColumn("weighted", "weighted", .money),
            ReportColumn("revenue12m", "revenue 12 months", .money), ReportColumn("openComplaints", "open complaints", .count),
            ReportColumn("temperature", "avg temperature", .score),
        ]
        let chart = ReportChart.matrix(rows: rowLabels.map { $0?.english ?? "not set" }, columns: columnLabels.map { $0?.english ?? "not set" },
                                       column: 5)
        return ManagerReport(name: "segments", title: "Segments: size × value type", scope: "as of \(time.format(time.now))",
                             tables: [ReportTable(key: "matrix", title: "Customers by size and value type", columns: columns, rows: rows, chart: chart)])
    }
}
