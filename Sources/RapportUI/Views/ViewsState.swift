import RapportCore

/// The manager's segment views on the screen: which view, which of its
/// tables, the selected row, and the list drilled down to.
public struct ViewsState: Equatable, Sendable {
    /// The view shown: an index into `ManagerReport.names`.
    public var tab = 0
    public var table = 0
    public var row = 0
    /// The customers or deals behind the selected row, when drilled down to.
    public var drill: DrillList?

    public var name: String { ManagerReport.names[tab] }
}

/// The customers or deals behind a figure, as lines to choose from.
public struct DrillList: Equatable, Sendable {
    public let title: String
    /// Each line, and the customer it opens.
    public let lines: [(text: String, customer: CustomerID)]
    public var row = 0

    public static func == (a: DrillList, b: DrillList) -> Bool {
        a.title == b.title && a.row == b.row && a.lines.map(\.customer) == b.lines.map(\.customer)
    }

    /// The lines of `drill` in `data`: a customer with its rep and
    /// temperature, a deal with its stage and value.
    init(_ drill: Drill, title: String, _ data: ScreenData) {
        self.title = title
        let s = data.state, time = data.time
        switch drill {
        case .customers(let ids):
            lines = Array(Set(ids)).sorted().compactMap { id in
                s.customer(id).map { c in ("\(c.id) \(c.name)" + (c.owner.map { " · \($0)" } ?? "") + " · " + say("reports.ui.temperature", c.temperature(at: time)), c.id) }
            }
        case .deals(let ids):
            lines = ids.compactMap { id in
                s.deal(id).map { d in
                    ("\(d.id) \(d.title) · \(s.customer(d.customer)?.name ?? "") · "
                        + (d.outcome.map { $0.word } ?? d.stage.word) + " · " + (d.value?.display ?? say("reports.ui.noValue")), d.customer)
                }
            }
        }
    }
}
