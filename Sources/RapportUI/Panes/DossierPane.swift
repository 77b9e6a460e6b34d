import RapportCore

/// Everything about the selected customer, then the timeline from the log; scrolls.
enum DossierPane {
    static func render(_ s: AppState, in r: Rect, on canvas: inout Canvas) {
        let name = s.customer.flatMap { s.data.customer($0) }.map { "\($0.id) \($0.name)" } ?? ""
        let inner = Box(title: Pane.dossier.title(s.text), summary: name, focused: s.focus == .dossier).draw(in: r, on: &canvas)
        guard !inner.isEmpty else { return }
        let all = lines(s, width: inner.width)
        guard !all.isEmpty else {
            canvas.put("Select a deal or a follow-up, or press / to find a customer.", x: inner.x + 1, y: inner.y, style: .dim, limit: inner.width - 1)
            return
        }
        canvas.put(all, in: inner, offset: clamped(s.dossierScroll, lines: all.count, rows: inner.height))
    }

    /// The first line shown: never past the point where the last line reaches the bottom.
    static func clamped(_ scroll: Int, lines: Int, rows: Int) -> Int { max(0, min(scroll, lines - rows)) }

    static func lines(_ s: AppState, width: Int) -> [StyledLine] {
        guard let id = s.customer, let c = s.data.customer(id) else { return [] }
        let time = s.data.time
        let d = Dossier(c, in: s.data.state, at: time)
        var out: [StyledLine] = []
        func add(_ parts: [String?], _ style: Style = .normal) {
            let text = parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            if !text.isEmpty { out += wrapped(text, width: width, style: style, indent: "  ") }
        }
        func heading(_ text: String) { out.append([]); out.append([Span(text, .header)]) }
        func yn(_ b: Bool?) -> String { b.map { $0 ? "yes" : "no" } ?? "?" }

        out.append([Span(c.name, .title), Span(c.company.map { " · \($0)" } ?? "", .normal), Span(" · \(c.kind.english)", .dim)])
        add([c.phones.joined(separator: ", "), c.emails.joined(separator: ", "), c.address])
        add([c.size.map { "\($0.english) \($0.chinese)" }, c.valueType.map { "\($0.english) value" },
             "\(c.relationship.english) \(c.relationship.chinese)",
             c.bonds.isEmpty ? nil : "bonds: " + c.bonds.map(\.english).joined(separator: ", ")])
        add(["\(c.qualification.labels.english) (need \(yn(c.hasNeed)), can pay \(yn(c.canPay)), authority \(yn(c.hasAuthority)))",
             c.experience.map { "\($0.english) buyer" }, c.source.map { "found by \($0.english)" }], .dim)
        add([c.channel.map { "prefers \($0.english)" }, c.owner.map { "owner \($0)" },
             c.tags.isEmpty ? nil : "#" + c.tags.joined(separator: " #")], .dim)
        if c.doNotContact || c.doNotShare {
            add(["consent:", c.doNotContact ? "DO NOT CONTACT" : nil, c.doNotShare ? "do not share" : nil], .warning)
        }
        let barWidth = max(5, min(20, width - 28))
        out.append([Span("temperature ", .dim), Span(String(d.temperature) + " ", .normal)] + Gauge.bar(d.temperature, of: 100, width: barWidth)
                   + [Span(c.lastTwoWayContact.map { " \(time.daysSince($0))d ago" } ?? " never both ways", .dim)])

        if !d.contacts.isEmpty {
            heading("Contacts")
            for p in d.contacts {
                out.append([Span("  " + p.name, .normal), Span(p.role.map { " · \($0.english)" } ?? "", .accent),
                            Span(p.isCoach ? " · coach" : "", .key), Span(p.title.map { " · \($0)" } ?? "", .dim)])
            }
        }
        let open = d.deals.filter { $0.isOpen || $0.followingThrough }
        if !open.isEmpty {
            heading("Open deals")
            for deal in open {
                let stale = deal.isStale(time)
                out.append([Span("  \(deal.id) ", .dim), Span(deal.title, .normal),
                            Span(" · \(deal.stage.english) \(deal.probability)%", FunnelPane.tierStyle(deal.stage)),
                            Span(" · " + (deal.value?.display ?? "no value") + " · \(deal.daysInStage(time))d", .dim),
                            Span(stale ? " ⚑ stale" : "", .stale), Span(deal.followingThrough ? " ✓ following through" : "", .accent)])
            }
        }
        if !d.openFollowUps.isEmpty {
            heading("Open follow-ups")
            for f in d.openFollowUps.prefix(5) {
                out.append([Span("  " + time.format(f.due), f.due < time.now ? .followUpOverdue : .normal),
                            Span(" " + (f.tactic?.english ?? "follow-up"), .accent), Span(f.note.map { " · " + Describe.preview($0) } ?? "", .normal)])
            }
        }
        if d.purchaseCount > 0 {
            add(["purchases \(d.purchaseCount)", "total \(d.purchaseTotal.display)", d.daysBetweenPurchases.flatMap { $0 > 0 ? "every \($0) days" : nil }], .dim)
        }
        for section in DossierSections(d, in: s.data.state, at: time, guidance: false).sections {
            heading(section.heading)
            for line in section.lines {
                let flagged = line.hasPrefix("  ⚑") || line.contains(": low") || line.hasPrefix("falling")
                out += wrapped("  " + line.trimmingCharacters(in: .whitespaces), width: width, style: flagged ? .warning : .normal, indent: "    ", maxLines: 4)
            }
        }
        if !d.interactions.isEmpty {
            heading("Latest interactions")
            for x in d.interactions.prefix(5) {
                out += wrapped(time.format(x.at) + "  " + Describe.interaction(x), width: width, indent: "                  ", maxLines: 4)
            }
        }
        heading("Timeline")
        if s.timeline.isEmpty {
            out.append([Span("  (reading the log …)", .dim)])
        }
        for e in s.timeline {
            out.append([Span(time.format(e.time) + " ", .dim), Span(e.actor + " ", .accent), Span(e.text, e.undone ? .dim : .normal),
                        Span(e.undone ? " (undone)" : "", .dim)])
        }
        return out
    }
}
