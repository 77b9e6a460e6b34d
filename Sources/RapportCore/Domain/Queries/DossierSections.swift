/// The parts of a dossier that are words rather than fields: the customer's
/// value, satisfaction, installed products, what each deal recorded and why
/// it is flagged, the coach, and the guidance for the personality and the
/// AIDMAS stage. The command line and the screen show the same lines.
public struct DossierSections: Sendable {
    /// A heading and its lines.
    public struct Section: Sendable {
        public let heading: String
        public let lines: [String]
    }

    public let sections: [Section]

    /// The sections; `guidance` false leaves out the personality and AIDMAS
    /// advice (the screen's mood pane shows them).
    public init(_ d: Dossier, in state: CRMState, at time: LocalTime, guidance: Bool = true) {
        let c = d.customer
        var out: [Section] = []
        func add(_ heading: String, _ lines: [String?]) {
            let kept = lines.compactMap { $0 }
            if !kept.isEmpty { out.append(Section(heading: heading, lines: kept)) }
        }
        add("Value", Self.value(d, c))
        add("Satisfaction", Self.satisfaction(d.surveys))
        add("Stages recorded", d.deals.filter { $0.isOpen || $0.followingThrough }.flatMap { Self.deal($0, in: state, at: time) })
        add("Installed products", d.products.map { Self.product($0, d, at: time) })
        add("Complaints", d.complaints.map { Self.complaint($0, at: time) })
        add("Coach", [d.coach.map(Self.coach)])
        guard guidance else {
            sections = out
            return
        }
        if let p = c.personality {
            add("Personality: \(p.english) \(p.chinese) (\(p.axes.english))",
                PersonalityGuidance.of(p).points.map { "\($0.heading.english): \($0.advice.english)" })
        }
        if let a = c.aidmas { add("AIDMAS: \(a.english) \(a.chinese)", [a.advice.english]) }
        sections = out
    }

    static func value(_ d: Dossier, _ c: Customer) -> [String?] {
        let questions = [
            c.horizon.map { $0.english },
            c.walletShare.map { "could win \($0)% more of their wallet" },
            c.recommends.map { $0 ? "recommends us" : "does not recommend us" },
            c.barrier.map { $0.english + (c.lockIns.isEmpty ? "" : " (" + c.lockIns.map(\.english).joined(separator: ", ") + ")") },
        ].compactMap { $0 }
        let suggested = InteractionStrategy.suggested(for: c, purchases: d.purchaseCount)
        return [
            c.contributions.isEmpty ? nil : "contributes " + c.contributions.map(\.english).joined(separator: "; "),
            c.sensitiveTo.map { "most sensitive to \($0.english)" + ($0 == .price ? ": beware the price-sensitivity trap" : "") },
            questions.isEmpty ? nil : questions.joined(separator: " · "),
            c.matrixPosition.map { "matrix: \($0.english) \($0.chinese): \($0.advice)" },
            c.strategy.map { "interaction: \($0.english) \($0.chinese)" + (c.channel.map { ", by \($0.english)" } ?? "") }
                ?? "interaction strategy not set; the seed points to \(suggested.strategy.english) (\(suggested.because))",
            d.isBigCustomer ? "big customer 大客户: the buyer is not the user" : nil,
            c.isShifting ? "buyer turning experienced (\(c.shiftSigns.map(\.english).joined(separator: ", "))): "
                + "expect unbundling, and talk of price and performance" : nil,
        ]
    }

    static func satisfaction(_ surveys: [Survey]) -> [String?] {
        guard let latest = surveys.first else { return [] }
        let levels = SatisfactionLevel.allCases.map { "\($0.english) \(Describe.score(latest.score($0)))" }.joined(separator: " · ")
        let before = surveys.dropFirst().first
        var trend: String?
        if let before {
            let change = latest.score - before.score
            trend = change <= -Survey.fall ? "falling from \(Describe.score(before.score)) on \(before.date): find out why"
                : change >= Survey.fall ? "rising from \(Describe.score(before.score)) on \(before.date)"
                : "steady since \(before.date) (\(Describe.score(before.score)))"
        }
        return ["\(Describe.score(latest.score)) of 5 on \(latest.date)" + (latest.score < Survey.low ? ": low" : ""), levels, trend]
    }

    static func deal(_ d: Deal, in state: CRMState, at time: LocalTime) -> [String] {
        var content: [String] = []
        if let t = d.contactTime { content.append("best reached \(t)") }
        if let p = d.plan { content.append("plan: \(Describe.preview(p, characters: 120))") }
        if d.appointmentAt != nil || d.appointmentWith != nil {
            content.append("appointment" + (d.appointmentWith.map { " with \($0)" } ?? "") + (d.appointmentAt.map { " \(time.format($0))" } ?? "")
                + (d.appointmentPlace.map { " at \($0)" } ?? "") + (d.appointmentPurpose.map { ": \($0)" } ?? ""))
        }
        if let a = d.approach { content.append("approach: \(a.english)") }
        if let p = d.presentation { content.append("presentation: \(p.english)") }
        if let c = d.closing { content.append("closing: \(c.english)") }
        let head = "\(d.id) \(d.title) · \(d.followingThrough ? "won, following through" : d.stage.english)"
        let flags = StageContent.explain(StageContent.flags(of: d, in: state), of: d, in: state).map { "  ⚑ " + $0 }
        guard !content.isEmpty || !flags.isEmpty else { return [] }
        return [head + (content.isEmpty ? "" : ": " + content.joined(separator: " · "))] + flags
    }

    static func product(_ a: Product, _ d: Dossier, at time: LocalTime) -> String {
        let next = d.openFollowUps.filter { $0.product == a.id }.min { $0.due < $1.due }
        return "\(a.id) \(a.name)" + (a.serial.map { " (\($0))" } ?? "") + " · installed \(a.installedOn)"
            + (a.removedOn.map { " · out of service since \($0)" } ?? "")
            + (a.serviceEvery.map { " · checked \($0.words)" } ?? "")
            + (next.map { " · next check-up \(time.format($0.due)) (\($0.id))" } ?? "")
    }

    static func complaint(_ k: Complaint, at time: LocalTime) -> String {
        let state = k.isOpen ? "open" : k.satisfied == true ? "resolved, customer satisfied"
            : k.satisfied == false ? "resolved, customer NOT satisfied" : "resolved, satisfaction not confirmed"
        let steps = k.steps.isEmpty ? "" : " · steps: " + k.steps.map { "\($0.day) \(Describe.preview($0.text, characters: 80))" }.joined(separator: "; ")
        return "\(k.id) \(time.format(k.openedAt)) \(Describe.preview(k.summary, characters: 120)) · \(state)\(steps)"
    }

    static func coach(_ p: Contact) -> String {
        let met = p.coachCriteria, missing = CoachCriterion.allCases.filter { !met.contains($0) }
        return "\(p.name): \(met.count) of 4 criteria" + (met.isEmpty ? "" : " (" + met.map(\.english).joined(separator: ", ") + ")")
            + (missing.isEmpty ? "" : "; not yet: " + missing.map(\.english).joined(separator: ", "))
            + ". Ask the coach before acting whenever the account changes."
    }
}

extension InteractionStrategy {
    /// The strategy the seed's criteria point to (profit contribution, past
    /// purchases, preferred channel, traits), and why: our reading of seed 002.
    public static func suggested(for c: Customer, purchases: Int) -> (strategy: InteractionStrategy, because: String) {
        if c.contributions.contains(.profit) { return (.differential, "profit contribution") }
        if purchases >= 5 { return (.differential, "\(purchases) purchases") }
        if c.relationship == .intimate || c.relationship == .familiar { return (.traditional, "\(c.relationship.english) relationship") }
        if let ch = c.channel, [.message, .sms, .web].contains(ch) { return (.realTime, "prefers \(ch.english)") }
        return (.informational, "no profit contribution, few purchases, no close relationship")
    }
}
