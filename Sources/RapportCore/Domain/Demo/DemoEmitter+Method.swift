/// The demo's share of the seed's method: customer value, what each stage
/// recorded, follow-through, installed products and their check-ups,
/// satisfaction surveys, and complaints worked to a confirmed resolution.
extension DemoEmitter {
    /// Value, the five questions, lock-in and strategy, for most customers.
    static func value(_ c: inout Customer, _ r: inout DemoRandom) {
        guard r.chance(0.7) else { return }
        c.contributions = Contribution.allCases.filter { _ in r.chance(0.35) }
        if r.chance(0.8) { c.sensitiveTo = r.chance(0.35) ? .price : r.pick(ValueSensitivity.allCases) }
        if r.chance(0.7) { c.horizon = r.chance(0.55) ? .long : .short }
        if r.chance(0.5) { c.walletShare = r.within(0, 12) * 5 }
        if r.chance(0.6) { c.recommends = r.chance(0.45) }
        if r.chance(0.6) { c.switchingBarrier = r.chance(0.4) ? .high : .low }
        if r.chance(0.2) { c.lockIns = [r.pick(LockIn.allCases)] }
        if r.chance(0.5) { c.strategy = r.pick(InteractionStrategy.allCases) }
        if c.kind == .organisation, c.experience == .inexperienced, r.chance(0.2) { c.shiftSigns = [r.pick(ShiftSign.allCases)] }
    }

    /// What `stage` records, filled in on `deal`.
    static func content(of stage: Stage, on deal: inout Deal, at time: Int64, _ r: inout DemoRandom) {
        switch stage {
        case .preparation:
            deal.contactTime = r.pick(DemoContent.contactTimes)
            deal.plan = r.pick(DemoContent.plans)
        case .approach:
            deal.appointmentAt = Timestamp(milliseconds: time + Int64(r.within(1, 5)) * DemoStory.day)
            deal.approach = r.pick(ApproachMethod.allCases)
            if r.chance(0.3) { deal.appointmentPurpose = r.pick(DemoContent.purposes) }
        case .presentation: deal.presentation = r.chance(0.5) ? .needSatisfaction : r.pick(PresentationMode.allCases)
        case .closing: deal.closing = r.pick(ClosingStrategy.allCases)
        case .prospecting, .objections, .followThrough: break
        }
    }

    /// `hour` o'clock local time on the local day of `time`.
    func localTime(at time: Int64, hour: Int) -> Timestamp {
        let day = (time + zoneOffset).floorDivided(by: DemoStory.day).0
        return Timestamp(milliseconds: day * DemoStory.day - zoneOffset + Int64(hour) * DemoStory.hour)
    }

    /// The records of an after-sales step.
    mutating func afterSales(_ step: DemoStep, customer: CustomerID, deal d: Int, _ profile: DemoProfile,
                             _ n: inout Counters, _ r: inout DemoRandom) -> [Event] {
        let at = Timestamp(milliseconds: step.time)
        let deal = DealID(dealID[d])
        guard deal.number > 0 else { return [] }
        switch step.kind {
        case .followThrough:
            var events: [Event] = []
            if checkID[d] > 0 {   // the delivery checked
                n.interaction += 1
                var x = Interaction(id: InteractionID(n.interaction), customer: customer, at: at)
                x.deal = deal
                x.outcome = .reached
                x.note = "delivered and installed; staff trained"   // catalogue: not text (the demo's data)
                events = [.interactionLogged(x), .followUpCompleted(FollowUpID(checkID[d]), outcome: .reached, interaction: x.id)]
            }
            return events + [.dealCompleted(deal, note: nil)]
        case .product:
            n.product += 1
            var a = Product(id: ProductID(n.product), customer: customer, name: r.pick(DemoContent.products),
                            installedOn: Day(number: Int32(step.time / DemoStory.day)))
            a.serviceEvery = r.pick([ServiceInterval(count: 3, unit: .months), ServiceInterval(count: 6, unit: .months),
                                     ServiceInterval(count: 1, unit: .years)])
            a.serial = "SN-\(r.within(10_000, 99_999))"   // catalogue: not text (the demo's data)
            // The check-up due next: around now or after (earlier ones were done off the books).
            let from = max(a.installedOn, Day(number: Int32((now - 20 * DemoStory.day) / DemoStory.day)))
            guard let day = a.checkUp(after: from) else { return [.productInstalled(a)] }
            n.followUp += 1
            var f = FollowUp(id: FollowUpID(n.followUp), customer: customer, due: localTime(at: Int64(day.number) * DemoStory.day, hour: 10))
            f.tactic = .phone
            f.note = "check-up of \(a.name) (\(a.serial!)): maintenance, training, problems in use"   // catalogue: not text (the demo's data)
            f.product = a.id
            return [.productInstalled(a), .followUpScheduled(f)]
        case .survey:
            n.survey += 1
            let mean = 2.4 + Double(r.below(26)) / 10
            let ratings = SurveyStatement.all.map { s -> UInt8 in
                let v = UInt8(min(5, max(1, Int((mean + Double(r.within(-10, 10)) / 10).rounded()))))
                return s.reversed ? 6 - v : v
            }
            return [.surveyRecorded(Survey(id: SurveyID(n.survey), customer: customer, date: Day(number: Int32(step.time / DemoStory.day)),
                                           ratings: ratings))]
        case .complaintStep, .confirm:
            let k = complaintID[d]
            guard k > 0 else { return [] }
            if step.kind == .confirm {
                return [.complaintChanged(ComplaintID(k), FieldChange(.satisfied, from: .null, to: .bool(r.chance(0.85))))]
            }
            let entry = JSON.object(["day": .string(Day(number: Int32(step.time / DemoStory.day)).description),   // catalogue: not text (the demo's data)
                                     "text": .string(r.pick(DemoContent.complaintSteps))])   // catalogue: not text (the demo's data)
            return [.complaintChanged(ComplaintID(k), FieldChange(.steps, from: .array([]), to: .array([entry])))]
        default:
            return []
        }
    }
}
