/// How far a call-back sweep has come: its customers, those recorded as
/// satisfied, and the calls still open.
public struct SweepProgress: Sendable {
    public let name: String
    public let customers: Int
    public let satisfied: Int
    public let open: Int

    /// Every sweep in the log, in the order they started.
    public static func all(in state: CRMState) -> [SweepProgress] {
        var order: [String] = []
        var customers: [String: Set<Int32>] = [:], satisfied: [String: Set<Int32>] = [:], open: [String: Int] = [:]
        for f in state.followUps where state.isLive(f) {
            guard let name = f.sweep else { continue }
            if customers[name] == nil { order.append(name) }
            customers[name, default: []].insert(f.customer.number)
            if f.isOpen { open[name, default: 0] += 1 }
            if f.status == .done, let x = f.interaction.flatMap(state.interaction), x.satisfied == true {
                satisfied[name, default: []].insert(f.customer.number)
            }
        }
        return order.map { SweepProgress(name: $0, customers: customers[$0]?.count ?? 0, satisfied: satisfied[$0]?.count ?? 0, open: open[$0] ?? 0) }
    }
}
