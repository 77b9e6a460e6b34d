/// The funnel board: open deals by stage, and the three tiers.
public struct FunnelReport: Sendable {
    /// One stage's column.
    public struct Column: Sendable {
        public let stage: Stage
        /// Open deals, most valuable first (in follow-through, won deals too).
        public let deals: [Deal]
        public let total: Amounts
        public let weighted: Amounts
        public let stale: Int
        public var count: Int { deals.count }
    }

    /// One tier's summary.
    public struct Tier: Sendable {
        public let tier: FunnelTier
        public let count: Int
        public let total: Amounts
        public let weighted: Amounts
    }

    public let columns: [Column]
    public let tiers: [Tier]
    /// Deals won and lost (all time, within the filter).
    public let won: Int, lost: Int

    /// The board for `state` at `time`, for one owner or all.
    public init(_ state: CRMState, at time: LocalTime, owner: String? = nil) {
        var byStage = [Stage: [Deal]]()
        var won = 0, lost = 0
        for d in state.liveDeals where owner == nil || d.owner == owner {
            switch d.outcome {
            case .won:
                won += 1
                if d.followingThrough { byStage[.followThrough, default: []].append(d) }   // won, still being followed through
            case .lost: lost += 1
            case nil: byStage[d.stage, default: []].append(d)
            }
        }
        columns = Stage.allCases.map { stage in
            let deals = (byStage[stage] ?? []).sorted { ($0.value?.cents ?? 0, $1.id) > ($1.value?.cents ?? 0, $0.id) }
            var total = Amounts(), weighted = Amounts()
            for d in deals {
                total.add(d.value)
                if let v = d.value { weighted.add(d.weightedCents, v.currency) }
            }
            return Column(stage: stage, deals: deals, total: total, weighted: weighted,
                          stale: deals.filter { $0.isStale(time) }.count)
        }
        let open = columns.flatMap(\.deals).filter(\.isOpen)
        tiers = FunnelTier.allCases.map { tier in
            let deals = open.filter { $0.tier == tier }
            var total = Amounts(), weighted = Amounts()
            for d in deals {
                total.add(d.value)
                if let v = d.value { weighted.add(d.weightedCents, v.currency) }
            }
            return Tier(tier: tier, count: deals.count, total: total, weighted: weighted)
        }
        self.won = won
        self.lost = lost
    }

    /// `top 41 · middle 17 · bottom 6`.
    public var tierSummary: String { tiers.map { "\($0.tier.rawValue) \($0.count)" }.joined(separator: " · ") }
}
