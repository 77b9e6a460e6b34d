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
    /// advice (the screen's mood pane shows them); in the catalogue's language.
    public init(_ d: Dossier, in state: CRMState, at time: LocalTime, guidance: Bool = true, _ w: Catalogue = .of(.en)) {
        let c = d.customer
        var out: [Section] = []
        func add(_ heading: String, _ lines: [String?]) {
            let kept = lines.compactMap { $0 }
            if !kept.isEmpty { out.append(Section(heading: heading, lines: kept)) }
        }
        add(w("section.value"), Self.value(d, c, w))
        add(w("section.satisfaction"), Self.satisfaction(d.surveys, w))
        add(w("section.stages"), d.deals.filter { $0.isOpen || $0.followingThrough }.flatMap { Self.deal($0, in: state, at: time, w) })
        add(w("section.products"), d.products.map { Self.product($0, d, at: time, w) })
        add(w("section.complaints"), d.complaints.map { Self.complaint($0, at: time, w) })
        add(w("section.coach"), [d.coach.map { Self.coach($0, w) }])
        guard guidance else {
            sections = out
            return
        }
        let zh = w.language == .zh
        func say(_ words: (english: String, chinese: String)) -> String { zh ? words.chinese : words.english }
        if let p = c.personality {
            add(w("section.personality", zh ? p.chinese : "\(p.english) \(p.chinese)", say(p.axes)),
                PersonalityGuidance.of(p).points.map { say($0.heading) + (zh ? "：" : ": ") + say($0.advice) })
        }
        if let a = c.aidmas { add(w("section.aidmas", zh ? a.chinese : "\(a.english) \(a.chinese)"), [say(a.advice)]) }
        sections = out
    }

    static func value(_ d: Dossier, _ c: Customer, _ w: Catalogue) -> [String?] {
        let l = w.language, comma = l == .zh ? "、" : ", "
        let questions = [
            c.horizon.map { $0.label(l) },
            c.walletShare.map { w("value.wallet", $0) },
            c.recommends.map { w($0 ? "value.recommends" : "value.notRecommends") },
            c.barrier.map { $0.label(l) + (c.lockIns.isEmpty ? "" : " (" + c.lockIns.map { $0.label(l) }.joined(separator: comma) + ")") },
        ].compactMap { $0 }
        let suggested = InteractionStrategy.suggested(for: c, purchases: d.purchaseCount, w)
        return [
            c.contributions.isEmpty ? nil : w("value.contributes", c.contributions.map { $0.label(l) }.joined(separator: l == .zh ? "、" : "; ")),
            c.sensitiveTo.map { w("value.sensitive", $0.label(l)) + ($0 == .price ? w("value.priceTrap") : "") },
            questions.isEmpty ? nil : questions.joined(separator: " · "),
            c.matrixPosition.map { l == .zh ? w("value.matrix", $0.chinese, "") : w("value.matrix", "\($0.english) \($0.chinese)", ": \($0.advice)") },
            c.strategy.map { w("value.strategy", l == .zh ? $0.chinese : "\($0.english) \($0.chinese)") + (c.channel.map { w("value.by", $0.label(l)) } ?? "") }
                ?? w("value.noStrategy", suggested.strategy.label(l), suggested.because),
            d.isBigCustomer ? w("value.big") : nil,
            c.isShifting ? w("value.shifting", c.shiftSigns.map { $0.label(l) }.joined(separator: comma)) : nil,
        ]
    }

    static func satisfaction(_ surveys: [Survey], _ w: Catalogue) -> [String?] {
        guard let latest = surveys.first else { return [] }
        let levels = SatisfactionLevel.allCases.map { "\($0.label(w.language)) \(Describe.score(latest.score($0)))" }.joined(separator: " · ")
        let before = surveys.dropFirst().first
        var trend: String?
        if let before {
            let change = latest.score - before.score
            trend = change <= -Survey.fall ? w("satisfaction.falling", Describe.score(before.score), before.date)
                : change >= Survey.fall ? w("satisfaction.rising", Describe.score(before.score), before.date)
                : w("satisfaction.steadySince", before.date, Describe.score(before.score))
        }
        return [w("satisfaction.on", Describe.score(latest.score), latest.date) + (latest.score < Survey.low ? w("satisfaction.low") : ""), levels, trend]
    }

    static func deal(_ d: Deal, in state: CRMState, at time: LocalTime, _ w: Catalogue) -> [String] {
        let l = w.language
        var content: [String] = []
        if let t = d.contactTime { content.append(w("deal.bestReached", t)) }
        if let p = d.plan { content.append(w("deal.plan", Describe.preview(p, characters: 120))) }
        if d.appointmentAt != nil || d.appointmentWith != nil {
            content.append(w("deal.appointment") + (d.appointmentWith.map { " " + w("deal.with", $0) } ?? "") + (d.appointmentAt.map { " \(time.format($0))" } ?? "")
                + (d.appointmentPlace.map { " " + w("deal.at", $0) } ?? "") + (d.appointmentPurpose.map { ": \($0)" } ?? ""))
        }
        if let a = d.approach { content.append(w("deal.approach", a.label(l))) }
        if let p = d.presentation { content.append(w("deal.presentation", p.label(l))) }
        if let c = d.closing { content.append(w("deal.closing", c.label(l))) }
        let head = "\(d.id) \(d.title) · \(d.followingThrough ? w("deal.wonFollowing") : d.stage.label(l))"
        let flags = StageContent.explain(StageContent.flags(of: d, in: state), of: d, in: state).map { "  ⚑ " + $0 }
        guard !content.isEmpty || !flags.isEmpty else { return [] }
        return [head + (content.isEmpty ? "" : ": " + content.joined(separator: " · "))] + flags
    }

    static func product(_ a: Product, _ d: Dossier, at time: LocalTime, _ w: Catalogue) -> String {
        let next = d.openFollowUps.filter { $0.product == a.id }.min { $0.due < $1.due }
        return "\(a.id) \(a.name)" + (a.serial.map { " (\($0))" } ?? "") + " · " + w("product.installed", a.installedOn)
            + (a.removedOn.map { " · " + w("product.removed", $0) } ?? "")
            + (a.serviceEvery.map { " · " + w("product.checked", $0.words) } ?? "")
            + (next.map { " · " + w("product.next", time.format($0.due), $0.id) } ?? "")
    }

    static func complaint(_ k: Complaint, at time: LocalTime, _ w: Catalogue) -> String {
        let state = w(k.isOpen ? "complaint.open" : k.satisfied == true ? "complaint.satisfied"
            : k.satisfied == false ? "complaint.notSatisfied" : "complaint.unconfirmed")
        let steps = k.steps.isEmpty ? "" : " · " + w("complaint.steps", k.steps.map { "\($0.day) \(Describe.preview($0.text, characters: 80))" }.joined(separator: "; "))
        return "\(k.id) \(time.format(k.openedAt)) \(Describe.preview(k.summary, characters: 120)) · \(state)\(steps)"
    }

    static func coach(_ p: Contact, _ w: Catalogue) -> String {
        let l = w.language, comma = l == .zh ? "、" : ", "
        let met = p.coachCriteria, missing = CoachCriterion.allCases.filter { !met.contains($0) }
        return w("coach.criteria", p.name, met.count) + (met.isEmpty ? "" : " (" + met.map { $0.label(l) }.joined(separator: comma) + ")")
            + (missing.isEmpty ? "" : w("coach.notYet", missing.map { $0.label(l) }.joined(separator: comma)))
            + w("coach.ask")
    }
}

extension InteractionStrategy {
    /// The strategy the seed's criteria point to (profit contribution, past
    /// purchases, preferred channel, traits), and why: our reading of seed 002.
    public static func suggested(for c: Customer, purchases: Int, _ w: Catalogue = .of(.en)) -> (strategy: InteractionStrategy, because: String) {
        if c.contributions.contains(.profit) { return (.differential, w("strategy.profit")) }
        if purchases >= 5 { return (.differential, w("strategy.purchases", purchases)) }
        if c.relationship == .intimate || c.relationship == .familiar { return (.traditional, w("strategy.relationship", c.relationship.label(w.language))) }
        if let ch = c.channel, [.message, .sms, .web].contains(ch) { return (.realTime, w("strategy.prefers", ch.label(w.language))) }
        return (.informational, w("strategy.none"))
    }
}
