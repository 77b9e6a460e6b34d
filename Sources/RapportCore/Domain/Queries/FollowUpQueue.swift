/// The follow-up queue: open follow-ups and suggested ones, in the work
/// order of seed 004 (close the bottom of the funnel first, keep time for new
/// prospects, then follow up the middle), overdue items before all.
public struct FollowUpQueue: Sendable {
    /// The lists of the state it reads (the queue never looks at past interactions).
    public static let reads: StateLists = [.customers, .contacts, .deals, .followUps, .otherLists]

    /// Why an item sits where it does, in ranking order.
    public enum Bucket: Int, Comparable, Sendable, CaseIterable {
        case overdue, complaint, bottom, care, prospect, middle, today, later

        /// What the bucket holds, in English.
        public var label: String { label(Catalogue.of(.en)) }
        /// What the bucket holds, in the catalogue's language.
        public func label(_ t: Catalogue) -> String { t("bucket.\(self)") }

        public static func < (a: Bucket, b: Bucket) -> Bool { a.rawValue < b.rawValue }
    }

    /// What an item is about.
    public enum Subject: Equatable, Sendable {
        /// A scheduled follow-up.
        case followUp(FollowUpID)
        /// A deal that sat in its stage too long with nothing scheduled.
        case staleDeal(DealID)
        /// An unresolved complaint with nothing scheduled.
        case complaint(ComplaintID)
        /// A relationship going cold.
        case cooling(CustomerID)
        /// A recently won deal due an after-sales check.
        case afterSales(DealID)
        /// A won deal in follow-through with nothing scheduled.
        case followThrough(DealID)
        /// A deal of an account with a coach that stalled or moved back.
        case askCoach(DealID, coach: ContactID)
        /// A low or falling satisfaction score.
        case satisfaction(SurveyID)
        /// A resolved complaint the customer has not confirmed.
        case confirmComplaint(ComplaintID)
    }

    /// One line of the queue.
    public struct Item: Sendable {
        public let subject: Subject
        public let customer: CustomerID
        public let deal: DealID?
        /// When it is due; nil for suggestions (due now).
        public let due: Timestamp?
        public let tactic: FollowUpTactic?
        /// The follow-up's note; nil for a suggestion, which says what it proposes in `words`.
        let note: String?
        /// What a suggestion proposes: a catalogue key and the values it takes.
        let words: (key: String, values: [String])?
        public let bucket: Bucket
        /// Higher is more urgent within the bucket.
        public let urgency: Double
        /// The facts behind the rank.
        let why: Why

        /// The follow-up's note, or what the suggestion proposes, in English.
        public var text: String { text(Catalogue.of(.en)) }
        /// The same in the catalogue's language.
        public func text(_ t: Catalogue) -> String { words.map { t.text($0.key, $0.values) } ?? note ?? "" }

        /// The reasons for the rank, most important first.
        public func reasons(_ time: LocalTime, _ t: Catalogue = .of(.en)) -> [String] { why.reasons(time, t) }
        /// `overdue 2 days · bottom tier · mood rising`.
        public func explanation(_ time: LocalTime, _ t: Catalogue = .of(.en)) -> String { reasons(time, t).joined(separator: " · ") }
        /// Whether it is a scheduled follow-up rather than a suggestion.
        public var isScheduled: Bool { if case .followUp = subject { true } else { false } }
    }

    /// The facts an item's rank rests on, put into words only when shown.
    struct Why: Sendable {
        var overdueSince: Timestamp?
        var dueToday: Timestamp?
        var dueLater: Timestamp?
        var complaintDays: Int32?
        var stale: (days: Int32, stage: Stage)?
        var wonDaysAgo: Int32?
        var temperature: Int8?
        var tier: FunnelTier?
        var prospect = false
        var mood: Mood?
        var followThrough: Int32?
        var coach: (name: String, reason: CoachReason)?
        var satisfaction: (score: Double, before: Double?)?
        var awaitingConfirmation: Int32?
        /// An inexperienced buyer showing signs of becoming experienced.
        var shift: [ShiftSign] = []

        func reasons(_ time: LocalTime, _ w: Catalogue) -> [String] {
            var out: [String] = []
            /// `today`, `1 day`, `3 days` (with `ago` forms for the past).
            func days(_ d: Int32, _ form: String) -> String { w(d == 0 ? "why.\(form).0" : d == 1 ? "why.\(form).1" : "why.\(form).n", d) }   // catalogue: not text (keys)
            if let t = overdueSince { out.append(FollowUpQueue.overdueText(t, time, w)) }
            if let t = dueToday { out.append(w("why.due", time.formatTime(t))) }
            if let t = dueLater { out.append(w("why.due", time.format(t))) }
            if let d = complaintDays { out.append(w("why.complaint", days(d, "span"))) }
            if let s = stale { out.append(w("why.stale", s.days, s.stage.label(w.language))) }
            if let d = wonDaysAgo { out.append(w("why.wonNoContact", d)) }
            if let t = temperature { out.append(w("why.cooling", t)) }
            if let tier { out.append(w("why.tier", tier.label(w.language))) } else if prospect { out.append(w("why.prospect")) }
            if let mood { out.append(w("why.mood", mood.label(w.language))) }
            if let d = followThrough { out.append(w("why.followThrough", days(d, "ago"))) }
            if let coach { out.append(w("why.coach", coach.reason.text(w), coach.name)) }
            if let s = satisfaction {
                out.append(w("why.satisfaction", Describe.score(s.score)) + (s.before.map { w("why.satisfactionDown", Describe.score($0)) } ?? ""))
            }
            if let d = awaitingConfirmation { out.append(w("why.unconfirmed", d == 0 ? w("why.ago.0", d) : w("why.ago.n", d))) }
            if !shift.isEmpty {
                out.append(w("why.shift", shift.map { $0.label(w.language) }.joined(separator: w.language == .zh ? "、" : ", ")))
            }
            return out
        }
    }

    /// Every item, ranked.
    public let items: [Item]
    /// Open follow-ups past due, and due later today.
    public let overdue: Int, dueToday: Int

    /// The queue for `state` at `time`; with `owner`, only that rep's: the
    /// follow-ups given to them, and suggestions about their customers and deals.
    public init(_ state: CRMState, at time: LocalTime, owner: String? = nil) {
        let endOfToday = time.startOfDay(Day(number: time.today.number + 1))
        var items: [Item] = []
        var scheduledFor = Set<Int32>()    // customers with an open follow-up
        var overdue = 0, dueToday = 0
        // Index loops read fields in place; binding whole entities would copy
        // (and count references to) every string and array they hold.
        for i in state.followUps.indices where state.followUps[i].isOpen && state.isLive(state.followUps[i]) {
            if let owner, state.followUps[i].owner != owner { continue }
            let f = state.followUps[i]
            let ci = f.customer.index
            scheduledFor.insert(f.customer.number)
            let linked = f.deal.map(\.index).flatMap { state.deals[$0].isOpen ? $0 : nil }
            let deal = linked ?? Self.bestOpenDeal(of: state.customers[ci], in: state)
            var why = Why()
            let bucket: Bucket
            var urgency = 0.0
            if f.due < time.now {
                overdue += 1
                bucket = .overdue
                urgency += Double(time.now.milliseconds - f.due.milliseconds) / 3_600_000
                why.overdueSince = f.due
            } else if f.due < endOfToday {
                dueToday += 1
                bucket = Self.workOrderBucket(deal.map { state.deals[$0] }, state.customers[ci])
                why.dueToday = f.due
            } else {
                bucket = .later
                urgency -= Double(f.due.milliseconds - time.now.milliseconds) / 3_600_000
                why.dueLater = f.due
            }
            urgency += Self.context(deal.map { state.deals[$0] }, state.customers[ci], time, into: &why)
            items.append(Item(subject: .followUp(f.id), customer: f.customer, deal: deal.map { DealID(Int32($0 + 1)) }, due: f.due,
                              tactic: f.tactic, note: f.note ?? "", words: nil, bucket: bucket, urgency: urgency, why: why))
        }
        items += Suggestions(state: state, time: time, owner: owner, suggested: scheduledFor).all()
        // Sort small keys, then move each item once.
        let now = time.now.milliseconds
        let order = items.indices.map { i in
            (items[i].bucket.rawValue, -items[i].urgency, items[i].due?.milliseconds ?? now, items[i].customer.number, i)
        }.sorted { $0 < $1 }
        self.items = order.map { items[$0.4] }
        self.overdue = overdue
        self.dueToday = dueToday
    }

    // MARK: - Ranking

    /// The seed's work order for something due now: bottom tier first, then
    /// new prospects, then the middle; the rest after.
    static func workOrderBucket(_ deal: Deal?, _ c: borrowing Customer) -> Bucket {
        guard let deal else { return c.newestDeal == 0 ? .prospect : .today }
        switch deal.tier {
        case .bottom: return .bottom
        case .middle: return .middle
        case .top: return deal.stage <= .preparation ? .prospect : .today
        }
    }

    /// Adds the deal's tier and the customer's mood to the reasons; returns
    /// the urgency they add (a rising mood is the best moment to ask).
    static func context(_ deal: Deal?, _ c: borrowing Customer, _ time: LocalTime, into why: inout Why) -> Double {
        var u = 0.0
        if c.isShifting { why.shift = c.shiftSigns }
        if let deal {
            why.tier = deal.tier
            let units = Double(deal.weightedCents) / 100
            if units > 0 { u += (units + 1).squareRoot() / 10 }
        } else if c.newestDeal == 0 {
            why.prospect = true
        }
        if let mood = c.mood, time.daysSince(mood.at) <= 14 {
            why.mood = mood.mood
            if mood.mood == .rising { u += 12 }
        }
        return u
    }

    /// The position of the customer's open deal with the best chance of closing.
    static func bestOpenDeal(of c: borrowing Customer, in state: CRMState) -> Int? {
        var best: Int?
        var n = c.newestDeal
        while n > 0 {
            let i = Int(n) - 1
            if state.deals[i].isOpen, best.map({ state.deals[i].probability > state.deals[$0].probability }) ?? true { best = i }
            n = state.deals[i].older
        }
        return best
    }

    static func overdueText(_ due: Timestamp, _ time: LocalTime, _ w: Catalogue = .of(.en)) -> String {
        let days = time.daysSince(due)
        if days >= 1 { return w(days == 1 ? "why.overdue.1" : "why.overdue.n", days) }
        let hours = Int((time.now.milliseconds - due.milliseconds) / 3_600_000)
        return hours >= 1 ? w("why.overdue.h", hours) : w("why.overdue")
    }

    /// Why a deal in an account with a coach needs the coach.
    enum CoachReason: Sendable {
        case movedBack(Stage), stalled(Int, Stage)
        func text(_ w: Catalogue) -> String {
            switch self {
            case .movedBack(let stage): w("why.movedBack", stage.label(w.language))
            case .stalled(let days, let stage): w("why.stalled", days, stage.label(w.language))
            }
        }
    }
}
