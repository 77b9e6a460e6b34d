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

    /// The board for `state` at `time`, for one owner or all. Deals are
    /// picked and ordered by position and read in place: a deal is a large
    /// value, and each copy counts references to all it holds.
    public init(_ state: CRMState, at time: LocalTime, owner: String? = nil) {
        var byStage = [[Int]](repeating: [], count: Stage.allCases.count)
        var won = 0, lost = 0
        for i in state.deals.indices where state.isLive(state.deals[i]) && (owner == nil || state.deals[i].owner == owner) {
            switch state.deals[i].outcome {
            case .won:
                won += 1
                if state.deals[i].followingThrough { byStage[Stage.followThrough.number - 1].append(i) }   // won, still being followed through
            case .lost: lost += 1
            case nil: byStage[state.deals[i].stage.number - 1].append(i)
            }
        }
        var tierTotals = [FunnelTier: (count: Int, total: Amounts, weighted: Amounts)]()
        columns = Stage.allCases.map { stage in
            let order = byStage[stage.number - 1].sorted { a, b in
                let x = state.deals[a].value?.cents ?? 0, y = state.deals[b].value?.cents ?? 0
                return x != y ? x > y : a < b
            }
            var total = Amounts(), weighted = Amounts(), stale = 0
            for i in order {
                let value = state.deals[i].value
                total.add(value)
                if let v = value { weighted.add(state.deals[i].weightedCents, v.currency) }
                if state.deals[i].isStale(time) { stale += 1 }
                guard state.deals[i].isOpen else { continue }
                let tier = state.deals[i].tier
                var t = tierTotals[tier] ?? (0, Amounts(), Amounts())
                t.count += 1
                t.total.add(value)
                if let v = value { t.weighted.add(state.deals[i].weightedCents, v.currency) }
                tierTotals[tier] = t
            }
            return Column(stage: stage, deals: order.map { state.deals[$0] }, total: total, weighted: weighted, stale: stale)
        }
        tiers = FunnelTier.allCases.map { tier in
            let t = tierTotals[tier] ?? (0, Amounts(), Amounts())
            return Tier(tier: tier, count: t.count, total: t.total, weighted: t.weighted)
        }
        self.won = won
        self.lost = lost
    }

    /// `top 41 · middle 17 · bottom 6`.
    public var tierSummary: String { tiers.map { "\($0.tier.rawValue) \($0.count)" }.joined(separator: " · ") }
}
