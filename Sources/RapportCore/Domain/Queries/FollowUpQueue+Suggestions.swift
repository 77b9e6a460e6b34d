extension FollowUpQueue {
    /// What the queue suggests where nothing is scheduled: complaints to
    /// resolve and to confirm, stale deals, the coach to ask, won deals to
    /// follow through, low satisfaction, relationships cooling. At most one
    /// suggestion per customer (complaints aside), and none that proposes
    /// contacting a customer who asked not to be contacted.
    struct Suggestions {
        let state: CRMState
        let time: LocalTime
        let owner: String?
        /// Customers with something scheduled or suggested already.
        var suggested: Set<Int32>
        private var items: [Item] = []

        init(state: CRMState, time: LocalTime, owner: String?, suggested: Set<Int32>) {
            self.state = state
            self.time = time
            self.owner = owner
            self.suggested = suggested
        }

        consuming func all() -> [Item] {
            complaints()
            staleAndCoachedDeals()
            followThrough()
            satisfaction()
            cooling()
            return items
        }

        private mutating func suggest(_ subject: Subject, _ c: borrowing Customer, _ deal: Int?, _ words: (String, [String]), _ bucket: Bucket,
                                      _ urgency: Double, _ facts: Why) {
            if let owner, c.owner != owner, deal.map({ state.deals[$0].owner != owner }) ?? true { return }
            var why = facts
            let u = urgency + FollowUpQueue.context(deal.map { state.deals[$0] }, c, time, into: &why)
            items.append(Item(subject: subject, customer: c.id, deal: deal.map { DealID(Int32($0 + 1)) }, due: nil, tactic: nil,
                              note: nil, words: (words.0, words.1), bucket: bucket, urgency: u, why: why))
            suggested.insert(c.id.number)
        }

        private func mayContact(_ ci: Int) -> Bool { !suggested.contains(Int32(ci + 1)) && !state.customers[ci].doNotContact }

        /// Unresolved complaints, tracked to resolution and shown even when
        /// something else is scheduled (one per customer); then resolved ones
        /// the customer has not yet confirmed.
        private mutating func complaints() {
            var complained = Set<Int32>()
            for k in state.complaints where k.isOpen && state.isLive(k) && !complained.contains(k.customer.number) {
                complained.insert(k.customer.number)
                let days = max(0, time.daysSince(k.openedAt))
                var why = Why()
                why.complaintDays = Int32(days)
                suggest(.complaint(k.id), state.customers[k.customer.index], k.deal?.index, ("suggest.complaint", [Describe.preview(k.summary)]),
                        .complaint, Double(days) * 24, why)
            }
            for k in state.complaints where k.awaitsConfirmation && k.satisfied == nil && state.isLive(k) && mayContact(k.customer.index) {
                guard let resolved = k.resolvedAt else { continue }
                var why = Why()
                why.awaitingConfirmation = Int32(max(0, time.daysSince(resolved)))
                suggest(.confirmComplaint(k.id), state.customers[k.customer.index], k.deal?.index,
                        ("suggest.confirm", [k.id.description]), .care, 0, why)
            }
        }

        /// Stale deals: nothing scheduled and past the stage's limit. In an
        /// account with a coach, a deal that stalled or moved back in the
        /// last two weeks means: ask the coach before acting.
        private mutating func staleAndCoachedDeals() {
            for i in state.deals.indices where state.deals[i].isOpen && state.isLive(state.deals[i]) {
                let d = state.deals[i], ci = d.customer.index
                let movedBack = d.movedBackAt.map { time.daysSince($0) <= 14 } ?? false
                guard d.isStale(time) || movedBack, mayContact(ci) else { continue }
                let days = d.daysInStage(time)
                var why = Why()
                if let coach = state.coach(of: state.customers[ci]) {
                    why.coach = (coach.name, movedBack ? .movedBack(d.stage) : .stalled(days, d.stage))
                    suggest(.askCoach(d.id, coach: coach.id), state.customers[ci], i, ("suggest.askCoach", [coach.name, d.title]),
                            FollowUpQueue.workOrderBucket(d, state.customers[ci]), Double(max(days - d.stage.staleAfterDays, 7)) * 4, why)
                } else if d.isStale(time) {
                    why.stale = (Int32(days), d.stage)
                    suggest(.staleDeal(d.id), state.customers[ci], i, ("suggest.stale", [d.title]),
                            FollowUpQueue.workOrderBucket(d, state.customers[ci]), Double(days - d.stage.staleAfterDays) * 4, why)
                }
            }
        }

        /// Won deals: in follow-through with nothing scheduled on them; and,
        /// for deals won before follow-through was kept, an after-sales check
        /// 7 to 90 days after the win when nobody was in touch since.
        private mutating func followThrough() {
            for i in state.deals.indices where state.deals[i].outcome == .won && state.isLive(state.deals[i]) {
                let d = state.deals[i], ci = d.customer.index
                guard mayContact(ci), let closed = d.closedAt else { continue }
                var why = Why()
                if d.followingThrough {
                    guard d.openFollowUps == 0 else { continue }
                    why.followThrough = Int32(max(0, time.daysSince(closed)))
                    suggest(.followThrough(d.id), state.customers[ci], nil,
                            ("suggest.followThrough", [d.title]), .care, Double(time.daysSince(closed)), why)
                } else if d.completedAt == nil, (7...90).contains(time.daysSince(closed)),
                          (state.customers[ci].lastContact ?? closed) <= closed {
                    why.wonDaysAgo = Int32(time.daysSince(closed))
                    suggest(.afterSales(d.id), state.customers[ci], nil, ("suggest.afterSales", [d.title]), .today, 0, why)
                }
            }
        }

        /// A latest survey below 3 of 5, or 0.5 or more below the one before.
        private mutating func satisfaction() {
            for ci in state.customers.indices where state.customers[ci].newestSurvey > 0 && state.isLive(state.customers[ci]) && mayContact(ci) {
                let surveys = state.surveys(of: state.customers[ci])
                guard let latest = surveys.first else { continue }
                let before = surveys.dropFirst().first?.score
                let falling = before.map { $0 - latest.score >= Survey.fall } ?? false
                guard latest.score < Survey.low || falling else { continue }
                var why = Why()
                why.satisfaction = (latest.score, falling ? before : nil)
                suggest(.satisfaction(latest.id), state.customers[ci], nil, (falling ? "suggest.satisfactionFalling" : "suggest.satisfactionLow", []),
                        .care, (Survey.low + 1 - latest.score) * 10, why)
            }
        }

        /// Cooling relationships of customers with open deals.
        private mutating func cooling() {
            for ci in state.customers.indices where state.customers[ci].newestDeal > 0 && state.isLive(state.customers[ci]) && mayContact(ci) {
                let t = state.customers[ci].temperature(at: time)
                guard t < 30, let deal = FollowUpQueue.bestOpenDeal(of: state.customers[ci], in: state) else { continue }
                var why = Why()
                why.temperature = Int8(t)
                suggest(.cooling(state.customers[ci].id), state.customers[ci], deal, ("suggest.cooling", []),
                        FollowUpQueue.workOrderBucket(state.deals[deal], state.customers[ci]), Double(30 - t), why)
            }
        }
    }
}
