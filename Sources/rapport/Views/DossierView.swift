// catalogue: not yet moved (issue 16)
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
        line(["\(c.id) \(c.name)", c.company, c.kind.english])
        line([c.phones.isEmpty ? nil : "phone " + c.phones.joined(separator: ", "),
              c.emails.isEmpty ? nil : "e-mail " + c.emails.joined(separator: ", "), c.address])
        line([c.size.map { "size \($0.english)" }, c.valueType.map { "value \($0.english)" }, "relationship \(c.relationship.english)",
              c.bonds.isEmpty ? nil : "bonds " + c.bonds.map(\.english).joined(separator: ", "),
              c.source.map { "found by \($0.english)" }, c.owner.map { "owner \($0)" },
              c.tags.isEmpty ? nil : "tags " + c.tags.joined(separator: ", ")])
        func yn(_ b: Bool?) -> String { b.map { $0 ? "yes" : "no" } ?? "?" }
        line(["\(c.qualification.labels.english) (need \(yn(c.hasNeed)), can pay \(yn(c.canPay)), authority \(yn(c.hasAuthority)))",
              c.experience.map { "\($0.english) buyer" }, c.channel.map { "prefers \($0.english)" }])
        if c.doNotContact || c.doNotShare {
            line(["consent:", c.doNotContact ? "do not contact" : nil, c.doNotShare ? "do not share" : nil])
        }
        let bar = String(repeating: "█", count: d.temperature / 5) + String(repeating: "░", count: 20 - d.temperature / 5)
        line(["temperature \(d.temperature) \(bar)", c.lastTwoWayContact.map { "last two-way contact \(time.format($0))" } ?? "never in touch both ways"])
        line([c.personality.map { "personality \($0.english) (\($0.axes.english))" },
              c.mood.map { "mood \($0.mood.english) (\(time.format($0.at)))" }, c.aidmas.map { "AIDMAS \($0.english)" }])
        if let mood = c.mood { lines.append("  approach: \(mood.mood.approach.english)") }

        func section(_ title: String, _ rows: [[String]], maxWidths: [Int: Int] = [1: 28]) {
            guard !rows.isEmpty else { return }
            lines.append("")
            lines.append(title)
            lines += Output.table(rows, maxWidths: maxWidths).split(separator: "\n").map { "  " + $0 }
        }
        section("contacts", d.contacts.map { p in
            [p.id.description, p.name, p.role?.english ?? "", p.title ?? "", p.phone ?? "", p.isCoach ? "coach" : ""]
        })
        section("deals", d.deals.map { deal in
            [deal.id.description, deal.title, deal.followingThrough ? "Won, following through" : deal.outcome.map { $0.english } ?? deal.stage.english,
             "\(deal.probability)%",
             deal.value?.display ?? "", deal.isOpen ? "\(deal.daysInStage(time)) days" : "", deal.isStale(time) ? "stale" : ""]
        })
        section("open follow-ups", d.openFollowUps.map { f in
            [f.id.description, time.format(f.due), f.tactic?.english ?? "", f.note ?? "", f.due < time.now ? "overdue" : ""]
        })
        if d.purchaseCount > 0 {
            lines.append("")
            lines.append("purchases: \(d.purchaseCount), total \(d.purchaseTotal.display)"
                + (d.daysBetweenPurchases.flatMap { $0 > 0 ? ", every \($0) days" : nil } ?? "")
                + (d.purchases.first.map { ", last \($0.date)" } ?? ""))
        }
        for s in DossierSections(d, in: w.state, at: time).sections {
            lines.append("")
            lines.append(s.heading.lowercased().first.map { String($0) + s.heading.dropFirst() } ?? s.heading)
            lines += s.lines.map { "  " + $0 }
        }
        section("recent interactions", d.interactions.prefix(5).map { x in [time.format(x.at), Describe.interaction(x)] }, maxWidths: [:])
        section("notes", d.notes.prefix(5).map { n in [time.format(n.at), n.text] }, maxWidths: [:])
        if !timeline.isEmpty {
            lines.append("")
            lines.append("timeline (latest \(timeline.count); `rapport history \(c.id)` for all)")
            lines += TimelineView.rows(timeline, time).map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ d: Dossier, _ timeline: [TimelineEntry], _ w: Workspace) -> JSON {
        let time = w.time, state = w.state
        guard case .object(var o) = JSONView.customer(d.customer, time) else { return .null }
        o["coach"] = JSONView.id(d.coach?.id)
        o["contacts"] = .array(d.contacts.map(JSONView.contact))
        o["deals"] = .array(d.deals.map { JSONView.deal($0, state, time) })
        o["openFollowUps"] = .array(d.openFollowUps.map { JSONView.followUp($0, state, time) })
        o["complaints"] = .array(d.complaints.map { JSONView.complaint($0, time) })
        o["purchases"] = .array(d.purchases.map(JSONView.purchase))
        o["purchaseTotal"] = d.purchaseTotal.json
        o["daysBetweenPurchases"] = d.daysBetweenPurchases.map { .int(Int64($0)) } ?? .null
        o["interactions"] = .array(d.interactions.map { JSONView.interaction($0, time) })
        o["moods"] = JSONView.moods(d.moods, time)
        o["surveys"] = .array(d.surveys.map(JSONView.survey))
        o["products"] = .array(d.products.map { JSONView.product($0, state, time) })
        o["bigCustomer"] = .bool(d.isBigCustomer)
        let suggested = InteractionStrategy.suggested(for: d.customer, purchases: d.purchaseCount)
        o["suggestedStrategy"] = .object(["strategy": .string(suggested.strategy.rawValue), "because": .string(suggested.because)])
        o["notes"] = .array(d.notes.map { .object(["id": .string($0.id.description), "at": JSONView.moment($0.at, time), "text": .string($0.text)]) })
        o["timeline"] = TimelineView.json(timeline, time)
        return .object(o)
    }
}

/// A customer's timeline: who did what, when.
enum TimelineView {
    static func rows(_ entries: [TimelineEntry], _ time: LocalTime) -> [String] {
        Output.table(entries.map { e in [time.format(e.time), e.actor, e.text + (e.undone ? " (undone)" : "")] })
            .split(separator: "\n").map(String.init)
    }

    static func json(_ entries: [TimelineEntry], _ time: LocalTime) -> JSON {
        .array(entries.map { e in
            .object(["time": JSONView.moment(e.time, time), "actor": .string(e.actor), "type": .string(e.type),
                     "text": .string(e.text), "undone": .bool(e.undone), "record": .string(e.recordID.description)])
        })
    }
}
