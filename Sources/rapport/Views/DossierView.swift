import RapportCore
import RapportExchange

/// A customer's dossier as text or JSON.
enum DossierView {
    static func text(_ d: Dossier, _ timeline: [TimelineEntry], _ w: Workspace) -> String {
        let c = d.customer, time = w.time
        var lines: [String] = []
        func line(_ parts: [String?]) {
            let s = parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            if !s.isEmpty { lines.append(s) }
        }
        line(["\(c.id) \(c.name)", c.company, c.kind.word])
        line([c.phones.isEmpty ? nil : say("support.dossier.phone", Describe.list(c.phones)),
              c.emails.isEmpty ? nil : say("support.dossier.email", Describe.list(c.emails)), c.address])
        line([c.size.map { say("support.dossier.size", $0.word) }, c.valueType.map { say("support.dossier.value", $0.word) },
              say("support.dossier.relationship", c.relationship.word),
              c.bonds.isEmpty ? nil : say("support.dossier.bonds", Describe.list(c.bonds.map(\.word))),
              c.source.map { say("support.dossier.foundBy", $0.word) }, c.owner.map { say("support.dossier.owner", $0) },
              c.tags.isEmpty ? nil : say("support.dossier.tags", Describe.list(c.tags))])
        func yn(_ b: Bool?) -> String { b.map { say($0 ? "word.yes" : "word.no") } ?? "?" }
        line([say("support.dossier.qualification", say(c.qualification.labels), yn(c.hasNeed), yn(c.canPay), yn(c.hasAuthority)),
              c.experience.map { say("support.dossier.buyer", $0.word) }, c.channel.map { say("support.dossier.prefers", $0.word) }])
        if c.doNotContact || c.doNotShare {
            line([say("support.dossier.consent"), c.doNotContact ? say("support.dossier.doNotContact") : nil,
                  c.doNotShare ? say("support.dossier.doNotShare") : nil])
        }
        let bar = String(repeating: "█", count: d.temperature / 5) + String(repeating: "░", count: 20 - d.temperature / 5)
        line([say("support.dossier.temperature", d.temperature, bar),
              c.lastTwoWayContact.map { say("support.dossier.lastContact", time.format($0)) } ?? say("support.dossier.neverBoth")])
        line([c.personality.map { say("support.dossier.personality", $0.word, say($0.axes)) },
              c.mood.map { say("support.dossier.mood", $0.mood.word, time.format($0.at)) }, c.aidmas.map { say("support.dossier.aidmas", $0.word) }])
        if let mood = c.mood { lines.append(say("support.dossier.approach", say(mood.mood.approach))) }

        func section(_ title: String, _ rows: [[String]], maxWidths: [Int: Int] = [1: 28]) {
            guard !rows.isEmpty else { return }
            lines.append("")
            lines.append(title)
            lines += Output.table(rows, maxWidths: maxWidths).split(separator: "\n").map { "  " + $0 }
        }
        section(say("support.dossier.contacts"), d.contacts.map { p in
            [p.id.description, p.name, p.role?.word ?? "", p.title ?? "", p.phone ?? "", p.isCoach ? say("support.dossier.coach") : ""]
        })
        section(say("support.dossier.deals"), d.deals.map { deal in
            [deal.id.description, deal.title, deal.followingThrough ? say("support.dossier.followingThrough") : deal.outcome.map { $0.word } ?? deal.stage.word,
             "\(deal.probability)%",
             deal.value?.display ?? "", deal.isOpen ? say("support.dossier.days", deal.daysInStage(time)) : "",
             deal.isStale(time) ? say("support.dossier.stale") : ""]
        })
        section(say("support.dossier.openFollowUps"), d.openFollowUps.map { f in
            [f.id.description, time.format(f.due), f.tactic?.word ?? "", f.note ?? "", f.due < time.now ? say("support.dossier.overdue") : ""]
        })
        if d.purchaseCount > 0 {
            lines.append("")
            lines.append(say("support.dossier.purchases", d.purchaseCount, d.purchaseTotal.display)
                + (d.daysBetweenPurchases.flatMap { $0 > 0 ? say("support.dossier.every", $0) : nil } ?? "")
                + (d.purchases.first.map { say("support.dossier.last", $0.date) } ?? ""))
        }
        for s in DossierSections(d, in: w.state, at: time, Catalogue.of(Language.reading)).sections {
            lines.append("")
            lines.append(Self.lowercasedFirst(s.heading))
            lines += s.lines.map { "  " + $0 }
        }
        section(say("support.dossier.interactions"), d.interactions.prefix(5).map { x in [time.format(x.at), Describe.interaction(x)] }, maxWidths: [:])
        section(say("support.dossier.notes"), d.notes.prefix(5).map { n in [time.format(n.at), n.text] }, maxWidths: [:])
        if !timeline.isEmpty {
            lines.append("")
            lines.append(say("support.dossier.timeline", timeline.count, c.id))
            lines += TimelineView.rows(timeline, time).map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// A heading as a line of text: its first letter small, unless it starts
    /// an acronym (AIDMAS stays AIDMAS).
    static func lowercasedFirst(_ heading: String) -> String {
        let start = heading.prefix(2)
        guard start.count == 2, start.allSatisfy(\.isUppercase) == false else { return heading }
        return heading.prefix(1).lowercased() + heading.dropFirst()
    }

    static func json(_ d: Dossier, _ timeline: [TimelineEntry], _ w: Workspace) -> JSON {
        let time = w.time, state = w.state
        guard case .object(var o) = JSONView.customer(d.customer, time) else { return .null }
        o["coach"] = JSONView.id(d.coach?.id)   // catalogue: not text
        o["contacts"] = .array(d.contacts.map(JSONView.contact))   // catalogue: not text
        o["deals"] = .array(d.deals.map { JSONView.deal($0, state, time) })   // catalogue: not text
        o["openFollowUps"] = .array(d.openFollowUps.map { JSONView.followUp($0, state, time) })   // catalogue: not text
        o["complaints"] = .array(d.complaints.map { JSONView.complaint($0, time) })   // catalogue: not text
        o["purchases"] = .array(d.purchases.map(JSONView.purchase))   // catalogue: not text
        o["purchaseTotal"] = d.purchaseTotal.json   // catalogue: not text
        o["daysBetweenPurchases"] = d.daysBetweenPurchases.map { .int(Int64($0)) } ?? .null   // catalogue: not text
        o["interactions"] = .array(d.interactions.map { JSONView.interaction($0, time) })   // catalogue: not text
        o["moods"] = JSONView.moods(d.moods, time)   // catalogue: not text
        o["surveys"] = .array(d.surveys.map(JSONView.survey))   // catalogue: not text
        o["products"] = .array(d.products.map { JSONView.product($0, state, time) })   // catalogue: not text
        o["bigCustomer"] = .bool(d.isBigCustomer)   // catalogue: not text
        let suggested = InteractionStrategy.suggested(for: d.customer, purchases: d.purchaseCount)
        o["suggestedStrategy"] = .object(["strategy": .string(suggested.strategy.rawValue), "because": .string(suggested.because)])   // catalogue: not text
        o["notes"] = .array(d.notes.map { .object(["id": .string($0.id.description), "at": JSONView.moment($0.at, time), "text": .string($0.text)]) })   // catalogue: not text
        o["timeline"] = TimelineView.json(timeline, time)   // catalogue: not text
        return .object(o)
    }
}

/// A customer's timeline: who did what, when.
enum TimelineView {
    static func rows(_ entries: [TimelineEntry], _ time: LocalTime) -> [String] {
        Output.table(entries.map { e in [time.format(e.time), e.actor, e.text + (e.undone ? say("support.dossier.undone") : "")] })
            .split(separator: "\n").map(String.init)
    }

    static func json(_ entries: [TimelineEntry], _ time: LocalTime) -> JSON {
        .array(entries.map { e in
            .object(["time": JSONView.moment(e.time, time), "actor": .string(e.actor), "type": .string(e.type),   // catalogue: not text
                     "text": .string(e.text), "undone": .bool(e.undone), "record": .string(e.recordID.description)])   // catalogue: not text
        })
    }
}
