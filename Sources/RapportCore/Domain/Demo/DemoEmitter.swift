/// Turns demo steps into events, keeping track of the ids it assigned.
struct DemoEmitter {
    let seed: UInt64
    /// The clock's now, and the zone's offset east of UTC, in milliseconds.
    let now: Int64, zoneOffset: Int64
    /// Local customer index ↦ its id number (0 until created).
    private var customerID: [Int32]
    private var organisation: [Bool]
    private var contactID: [Int32]
    private(set) var dealID: [Int32]
    private var dealStage: [Int8]
    private var followUpID: [Int32]
    private(set) var complaintID: [Int32]
    /// A won deal's delivery check, by deal slot.
    private(set) var checkID: [Int32]

    init(seed: UInt64, customers: Int, now: Int64, zoneOffset: Int64) {
        self.seed = seed
        self.now = now
        self.zoneOffset = zoneOffset
        checkID = Array(repeating: 0, count: customers * DemoStory.maxDeals)
        customerID = Array(repeating: 0, count: customers)
        organisation = Array(repeating: false, count: customers)
        contactID = Array(repeating: 0, count: customers * DemoStory.maxContacts)
        dealID = Array(repeating: 0, count: customers * DemoStory.maxDeals)
        dealStage = Array(repeating: 0, count: customers * DemoStory.maxDeals)
        followUpID = Array(repeating: 0, count: customers * DemoStory.maxDeals * DemoStory.maxFollowUps)
        complaintID = Array(repeating: 0, count: customers * DemoStory.maxDeals)
    }

    /// The next free id numbers, continuing the state's.
    struct Counters {
        var customer, contact, deal, interaction, followUp, complaint, purchase, mood, note, survey, product: Int32

        init(_ s: CRMState) {
            customer = Int32(s.customers.count); contact = Int32(s.contacts.count); deal = Int32(s.deals.count)
            interaction = Int32(s.interactions.count); followUp = Int32(s.followUps.count); complaint = Int32(s.complaints.count)
            purchase = Int32(s.purchases.count); mood = Int32(s.moodNotes.count); note = Int32(s.notes.count)
            survey = Int32(s.surveys.count); product = Int32(s.products.count)
        }
    }

    /// The records of one step (one action), or none when the step no longer applies.
    mutating func records(for step: DemoStep, _ n: inout Counters) -> [NewRecord] {
        let i = Int(step.customer)
        let at = Timestamp(milliseconds: step.time)
        var r = DemoRandom(seed ^ UInt64(UInt32(bitPattern: step.c)), UInt64(i) &+ 0x5EED)
        if step.kind == .customer { organisation[i] = step.b == 1 }
        let profile = DemoProfile(seed: seed, customer: i, organisation: organisation[i])
        guard step.kind == .customer || customerID[i] > 0 else { return [] }
        let customer = CustomerID(customerID[i])
        // The slot of the deal a step is about: follow-up steps carry it in `b`, deal steps in `a`.
        let d = i * DemoStory.maxDeals + Int(step.kind == .schedule || step.kind == .complete ? step.b : step.a)
        var events: [Event] = []

        switch step.kind {
        case .customer:
            n.customer += 1
            customerID[i] = n.customer
            var c = Customer(id: CustomerID(n.customer), name: profile.name)
            c.kind = profile.organisation ? .organisation : .individual
            c.company = profile.company
            c.phones = [profile.phone]
            c.emails = profile.email.map { [$0] } ?? []
            c.address = profile.chinese ? "\(r.pick(DemoContent.chineseCities))\(r.within(1, 999))号"
                : "\(r.pick(DemoContent.streets)) \(r.within(1, 120)), \(r.pick(DemoContent.latinCities))"
            c.size = profile.size
            c.valueType = r.pick(ValueType.allCases)
            c.relationship = r.chance(0.1) ? .intimate : r.chance(0.35) ? .familiar : r.chance(0.8) ? .ordinary : .media
            c.bonds = Bond.allCases.filter { _ in r.chance(0.25) }
            c.source = r.pick(ProspectingMethod.allCases)
            c.hasNeed = r.chance(0.85)
            c.canPay = r.chance(0.8)
            c.hasAuthority = profile.organisation ? r.chance(0.7) : r.chance(0.9)
            c.experience = r.chance(0.5) ? .experienced : .inexperienced
            c.channel = r.pick(Channel.allCases)
            c.doNotContact = r.chance(0.02)
            c.doNotShare = r.chance(0.05)
            c.owner = profile.owner
            c.tags = r.chance(0.05) ? ["vip"] : r.chance(0.05) ? ["重点客户"] : []
            DemoEmitter.value(&c, &r)
            events = [.customerCreated(c)]
        case .contact:
            n.contact += 1
            contactID[i * DemoStory.maxContacts + Int(step.a)] = n.contact
            var p = Contact(id: ContactID(n.contact), customer: customer,
                            name: profile.chinese ? r.pick(DemoContent.surnames) + r.pick(DemoContent.givenNames)
                                : "\(r.pick(DemoContent.firstNames)) \(r.pick(DemoContent.lastNames))")
            p.role = step.a == 0 ? .decisionMaker : r.pick(BuyingRole.allCases)
            p.title = r.pick(DemoContent.titles)
            p.phone = r.chance(0.5) ? "\(profile.phone.prefix(profile.phone.count - 2))\(r.within(10, 99))" : nil
            p.isCoach = step.b == 1
            if p.isCoach { p.coachCriteria = CoachCriterion.allCases.filter { _ in r.chance(0.7) } }
            events = [.contactAdded(p)]
        case .personality:
            events = [.customerChanged(customer, FieldChange(.personality, from: nil, to: .string(r.pick(PersonalityType.allCases).rawValue)))]
        case .deal:
            n.deal += 1
            dealID[d] = n.deal
            dealStage[d] = Int8(step.b)
            var deal = Deal(id: DealID(n.deal), customer: customer, title: r.pick(DemoContent.dealTitles))
            deal.stage = Stage.allCases[Int(step.b) - 1]
            deal.value = Money(cents: profile.dealValue(&r) * 100, currency: Money.defaultCurrency)
            deal.owner = profile.owner
            if r.chance(0.6) { deal.expectedClose = Day(number: Int32(step.time / DemoStory.day) + Int32(r.within(30, 150))) }
            if deal.stage == .preparation, r.chance(0.8) { DemoEmitter.content(of: .preparation, on: &deal, at: step.time, &r) }
            events = [.dealCreated(deal)]
        case .move:
            guard dealID[d] > 0, dealStage[d] > 0 else { return [] }
            let from = Stage.allCases[Int(dealStage[d]) - 1], to = Stage.allCases[Int(step.b) - 1]
            dealStage[d] = Int8(step.b)
            events = [.dealMoved(DealID(dealID[d]), from: from, to: to)]
            // Most reps record what the stage is for; some skip it (the board flags those).
            if r.chance(0.8) {
                var blank = Deal(id: DealID(dealID[d]), customer: customer, title: "")
                let before = blank
                DemoEmitter.content(of: to, on: &blank, at: step.time, &r)
                events += Check.changes(DealField.self, from: before, to: blank).map { .dealChanged(DealID(dealID[d]), $0) }
            }
        case .close where step.b == 1:
            guard dealID[d] > 0, dealStage[d] > 0 else { return [] }
            let deal = DealID(dealID[d]), from = Stage.allCases[Int(dealStage[d]) - 1]
            dealStage[d] = -1
            n.purchase += 1
            n.followUp += 1
            checkID[d] = n.followUp
            var check = FollowUp(id: FollowUpID(n.followUp), customer: customer, due: localTime(at: step.time + 3 * DemoStory.day, hour: 10))
            check.deal = deal
            check.tactic = .phone
            check.note = FollowThroughCheck.delivery.note
            events = [.dealWon(deal, from: from, was: at, reason: nil),
                      .purchaseRecorded(Purchase(id: PurchaseID(n.purchase), customer: customer,
                                                 amount: Money(cents: profile.dealValue(&r) * 100, currency: Money.defaultCurrency),
                                                 date: Day(number: Int32(step.time / DemoStory.day)))),
                      .followUpScheduled(check)]
        case .close:
            guard dealID[d] > 0, dealStage[d] > 0 else { return [] }
            dealStage[d] = -1
            events = [.dealClosed(DealID(dealID[d]), .lost, reason: r.pick(DemoContent.lostReasons))]
        case .followThrough, .product, .survey, .complaintStep, .confirm:
            events = afterSales(step, customer: customer, deal: d, profile, &n, &r)
        case .purchase:
            n.purchase += 1
            let amount = Money(cents: profile.dealValue(&r) * 100, currency: Money.defaultCurrency)
            events = [.purchaseRecorded(Purchase(id: PurchaseID(n.purchase), customer: customer, amount: amount,
                                                 date: Day(number: Int32(step.time / DemoStory.day))))]
        case .call:
            n.interaction += 1
            var x = Interaction(id: InteractionID(n.interaction), customer: customer, at: at)
            // A call's `a` is its deal's slot plus one (0: about no deal).
            let deal = step.a > 0 ? dealID[i * DemoStory.maxDeals + Int(step.a) - 1] : 0
            if deal > 0 { x.deal = DealID(deal) }
            fill(&x, &r, objections: step.b == Int16(Stage.objections.number))
            if profile.organisation, r.chance(0.5), contactID[i * DemoStory.maxContacts] > 0 {
                x.contact = ContactID(contactID[i * DemoStory.maxContacts])
            }
            events = [.interactionLogged(x)]
        case .schedule:
            guard dealStage[d] > 0 else { return [] }
            n.followUp += 1
            followUpID[i * DemoStory.maxDeals * DemoStory.maxFollowUps + Int(step.a)] = n.followUp
            var f = FollowUp(id: FollowUpID(n.followUp), customer: customer, due: Timestamp(milliseconds: Int64(step.c) * 60_000))
            f.deal = DealID(dealID[d])
            f.tactic = r.pick(FollowUpTactic.allCases)
            f.note = r.pick(DemoContent.followUpNotes)
            events = [.followUpScheduled(f)]
        case .complete:
            let f = followUpID[i * DemoStory.maxDeals * DemoStory.maxFollowUps + Int(step.a)]
            guard f > 0 else { return [] }
            n.interaction += 1
            var x = Interaction(id: InteractionID(n.interaction), customer: customer, at: at)
            x.deal = dealID[d] > 0 ? DealID(dealID[d]) : nil
            fill(&x, &r, objections: false)
            x.outcome = .reached
            events = [.interactionLogged(x), .followUpCompleted(FollowUpID(f), outcome: .reached, interaction: x.id)]
        case .complaint:
            n.complaint += 1
            complaintID[d] = n.complaint
            var k = Complaint(id: ComplaintID(n.complaint), customer: customer, summary: r.pick(DemoContent.complaints))
            k.deal = dealID[d] > 0 ? DealID(dealID[d]) : nil
            events = [.complaintOpened(k)]
        case .resolve:
            guard complaintID[d] > 0 else { return [] }
            events = [.complaintResolved(ComplaintID(complaintID[d]), resolution: r.pick(DemoContent.resolutions))]
        case .mood:
            n.mood += 1
            var m = MoodNote(id: MoodNoteID(n.mood), customer: customer, mood: r.pick(Mood.allCases), at: at)
            m.note = r.pick(DemoContent.moodNotes)
            events = [.moodNoted(m)]
        case .note:
            n.note += 1
            events = [.noteAdded(Note(id: NoteID(n.note), customer: customer, text: r.pick(DemoContent.notes), at: at))]
        }
        return events.map { $0.record(at: at, actor: profile.owner) }
    }

    /// A call as the demo logs it: an order, a complaint or a call-back
    /// would bring records of their own, so the demo's calls end otherwise.
    private func fill(_ x: inout Interaction, _ r: inout DemoRandom, objections: Bool) {
        x.kind = r.chance(0.7) ? .call : r.pick(InteractionKind.allCases)
        x.direction = r.chance(0.75) ? .outbound : .inbound
        x.outcome = r.chance(0.65) ? .reached : r.pick([ContactOutcome.reached, .noAnswer, .voicemail])
        if x.kind == .call { x.durationSeconds = Int32(r.within(60, 1800)) }
        if x.outcome == .reached, r.chance(0.5) { x.mood = r.pick(Mood.allCases) }
        if objections || r.chance(0.08) {
            x.objection = r.pick(ObjectionType.allCases)
            x.technique = r.pick(ObjectionTechnique.allCases)
        }
        if r.chance(0.7) { x.note = r.pick(DemoContent.callNotes) }
    }
}

/// The demo business: a realistic, deterministic history written into the log.
public enum DemoBusiness {
    /// What was written.
    public struct Summary: Sendable {
        public let customers: Int
        public let records: Int
    }

    /// Writes `customers` customers' stories, up to the clock's now, in
    /// large group commits (one sync per group).
    public static func write(into w: Workspace, customers: Int, seed: UInt64, group: Int = 5000,
                             progress: ((Int, Int) -> Void)? = nil) throws -> Summary {
        let now = w.time.now.milliseconds
        let offset = w.time.offset(at: w.time.now) * 1000
        var steps: [DemoStep] = []
        steps.reserveCapacity(customers * 11)
        for i in 0..<customers { steps += DemoStory.steps(customer: i, of: customers, seed: seed, now: now, zoneOffset: offset) }
        steps.sort { ($0.time, $0.customer, $0.kind.rawValue) < ($1.time, $1.customer, $1.kind.rawValue) }
        var emitter = DemoEmitter(seed: seed, customers: customers, now: now, zoneOffset: offset)
        let before = w.state.recordCount
        var next = 0
        while next < steps.count {
            let end = min(next + group, steps.count)
            try w.commit { state in
                var counters = DemoEmitter.Counters(state)
                return steps[next..<end].map { emitter.records(for: $0, &counters) }
            }
            next = end
            progress?(next, steps.count)
        }
        return Summary(customers: customers, records: w.state.recordCount - before)
    }
}
