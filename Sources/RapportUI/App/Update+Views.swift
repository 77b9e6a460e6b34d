import RapportCore

/// Keys in the manager's segment views (`s`): number keys and Tab between
/// views, ← → between a view's tables, ↑ ↓ through its rows, Enter to the
/// customers or deals behind a row, Enter again to a customer's dossier, Esc back.
extension AppState {
    /// Opens the views (or, when open, closes them).
    mutating func toggleViews() -> [Effect] {
        if views != nil {
            views = nil
            return []
        }
        views = ViewsState()
        return reportEffects()
    }

    /// The report the shown view needs, when it is not at hand for this data.
    func reportEffects() -> [Effect] {
        guard let v = views, reports[v.name]?.language != language else { return [] }
        return [.buildReport(v.name, data)]
    }

    /// The report of the shown view, if built for the data shown.
    public var shownReport: ManagerReport? { views.flatMap { reports[$0.name] }.flatMap { $0.language == language ? $0 : nil } }

    mutating func handleViews(_ key: Key, _ v: ViewsState) -> [Effect] {
        var v = v
        defer { if views != nil { views = v } }
        if var drill = v.drill {
            switch key {
            case .escape, .backspace: v.drill = nil
            case .enter:
                guard drill.lines.indices.contains(drill.row) else { return [] }
                views = nil
                focus = .dossier
                return show(customer: drill.lines[drill.row].customer)
            default:
                guard let action = keyMap.action(for: key) else { return [] }
                drill.row = Scroll.move(drill.row, action, count: drill.lines.count, page: max(1, height - 8))
                v.drill = drill
            }
            return []
        }
        let report = reports[v.name]
        let tables = report?.tables ?? []
        switch key {
        case .escape:
            views = nil
            return []
        case .tab, .backTab:
            return switchTo((v.tab + (key == .tab ? 1 : ManagerReport.names.count - 1)) % ManagerReport.names.count, &v)
        case .char(let c) where c.isNumber:
            guard let n = c.wholeNumberValue, (1...ManagerReport.names.count).contains(n) else { return [] }
            return switchTo(n - 1, &v)
        case .left, .right, .char("h"), .char("l"):
            guard !tables.isEmpty else { return [] }
            v.table = (v.table + (key == .left || key == .char("h") ? tables.count - 1 : 1)) % tables.count
            v.row = 0
        case .enter:
            guard tables.indices.contains(v.table), tables[v.table].rows.indices.contains(v.row),
                  let drill = tables[v.table].rows[v.row].drill else { return [] }
            let list = DrillList(drill, title: drillTitle(tables[v.table].labels[v.row], drill), data)
            if list.lines.isEmpty { return fail(say("reports.ui.nothingBehind")) }
            v.drill = list
        default:
            guard let action = keyMap.action(for: key) else { return [] }
            switch action {
            case .segments:
                views = nil
            case .quit: return [.quit]
            case .help: overlay = .help
            case .command: overlay = .command(LineEditor())
            case .search: overlay = .search(SearchState())
            case .up, .down, .pageUp, .pageDown, .top, .bottom:
                let count = tables.indices.contains(v.table) ? tables[v.table].rows.count : 0
                v.row = Scroll.move(v.row, action, count: count, page: max(1, height - 10))
            default:
                return fail(say("reports.ui.onlyShow"))
            }
        }
        return []
    }

    private mutating func switchTo(_ tab: Int, _ v: inout ViewsState) -> [Effect] {
        v.tab = tab
        v.table = 0
        v.row = 0
        views = v
        return reportEffects()
    }

    private func drillTitle(_ label: String, _ d: Drill) -> String {
        switch d {
        case .customers(let ids): say(ids.count == 1 ? "reports.ui.drillCustomer" : "reports.ui.drillCustomers", label, ids.count)
        case .deals(let ids): say(ids.count == 1 ? "reports.ui.drillDeal" : "reports.ui.drillDeals", label, ids.count)
        }
    }

    /// A view's report arrived: kept if it was built on the data shown.
    mutating func reportBuilt(_ report: ManagerReport, recordCount: Int, asOf: Timestamp?) {
        guard recordCount == data.state.recordCount, asOf == data.asOf else { return }
        // Built beside the loop in the program's language: after `:lang` the screen's may differ, and the view is worded again here.
        let report = report.language == language ? report
            : (try? ManagerReport.make(report.name, data.state, at: data.time, ReportOptions())) ?? report
        reports[report.name] = report
        if var v = views, v.name == report.name {
            v.table = min(v.table, max(0, report.tables.count - 1))
            v.row = min(v.row, max(0, (report.tables.indices.contains(v.table) ? report.tables[v.table].rows.count : 0) - 1))
            views = v
        }
    }
}
