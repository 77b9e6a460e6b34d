import RapportCore

/// Everything about the selected customer, then the timeline from the log; scrolls.
enum DossierPane {
    static func render(_ s: AppState, in r: Rect, on canvas: inout Canvas) {
        let name = s.customer.flatMap { s.data.customer($0) }.map { "\($0.id) \($0.name)" } ?? ""
        let inner = Box(title: Pane.dossier.title(s.text), summary: name, focused: s.focus == .dossier).draw(in: r, on: &canvas)
        guard !inner.isEmpty else { return }
        let all = lines(s, width: inner.width)
        guard !all.isEmpty else {
            canvas.put(s.text("dossier.empty"), x: inner.x + 1, y: inner.y, style: .dim, limit: inner.width - 1)
            return
        }
        canvas.put(all, in: inner, offset: clamped(s.dossierScroll, lines: all.count, rows: inner.height))
    }

    /// The first line shown: never past the point where the last line reaches the bottom.
    static func clamped(_ scroll: Int, lines: Int, rows: Int) -> Int { max(0, min(scroll, lines - rows)) }

    static func lines(_ s: AppState, width: Int) -> [StyledLine] {
        guard let id = s.customer, let c = s.data.customer(id) else { return [] }
        let time = s.data.time, t = s.text
        let d = Dossier(c, in: s.data.state, at: time)
        var out: [StyledLine] = []
        func add(_ parts: [String?], _ style: Style = .normal) {
            let text = parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            if !text.isEmpty { out += wrapped(text, width: width, style: style, indent: "  ") }
        }
        func heading(_ text: String) { out.append([]); out.append([Span(text, .header)]) }
        func yn(_ b: Bool?) -> String { b.map { t($0 ? "word.yes" : "word.no") } ?? "?" }

        out.append([Span(c.name, .title), Span(c.company.map { " · \($0)" } ?? "", .normal), Span(" · " + s.word(c.kind), .dim)])
        add([c.phones.joined(separator: ", "), c.emails.joined(separator: ", "), c.address])
        add([c.size.map(s.both), c.valueType.map { t("dossier.value", s.word($0)) }, s.both(c.relationship),
             c.bonds.isEmpty ? nil : t("dossier.bonds", c.bonds.map(s.word).joined(separator: s.language == .zh ? "、" : ", "))])
        add([t("dossier.qualification", s.language == .zh ? c.qualification.labels.chinese : c.qualification.labels.english, yn(c.hasNeed), yn(c.canPay), yn(c.hasAuthority)),
             c.experience.map { t("dossier.buyer", s.word($0)) }, c.source.map { t("dossier.foundBy", s.word($0)) }], .dim)
        add([c.channel.map { t("dossier.prefers", s.word($0)) }, c.owner.map { t("dossier.owner", $0) },
             c.tags.isEmpty ? nil : "#" + c.tags.joined(separator: " #")], .dim)
        if c.doNotContact || c.doNotShare {
            add([t("dossier.consent"), c.doNotContact ? t("dossier.doNotContact") : nil, c.doNotShare ? t("dossier.doNotShare") : nil], .warning)
        }
        let barWidth = max(5, min(20, width - 28))
        out.append([Span(t("dossier.temperature") + " ", .dim), Span(String(d.temperature) + " ", .normal)] + Gauge.bar(d.temperature, of: 100, width: barWidth)
                   + [Span(" " + (c.lastTwoWayContact.map { t("dossier.daysAgo", time.daysSince($0)) } ?? t("dossier.neverBoth")), .dim)])

        if !d.contacts.isEmpty {
            heading(t("dossier.contacts"))
            for p in d.contacts {
                out.append([Span("  " + p.name, .normal), Span(p.role.map { " · " + s.word($0) } ?? "", .accent),
                            Span(p.isCoach ? " · " + t("dossier.coach") : "", .key), Span(p.title.map { " · \($0)" } ?? "", .dim)])
            }
        }
        let open = d.deals.filter { $0.isOpen || $0.followingThrough }
        if !open.isEmpty {
            heading(t("dossier.openDeals"))
            for deal in open {
                let stale = deal.isStale(time)
                out.append([Span("  \(deal.id) ", .dim), Span(deal.title, .normal),
                            Span(" · \(s.word(deal.stage)) \(deal.probability)%", FunnelPane.tierStyle(deal.stage)),
                            Span(" · " + (deal.value?.display ?? t("dossier.noValue")) + " · " + t("unit.days", deal.daysInStage(time)), .dim),
                            Span(stale ? " ⚑ " + t("dossier.stale") : "", .stale), Span(deal.followingThrough ? " ✓ " + t("dossier.followingThrough") : "", .accent)])
            }
        }
        if !d.openFollowUps.isEmpty {
            heading(t("dossier.openFollowUps"))
            for f in d.openFollowUps.prefix(5) {
                out.append([Span("  " + time.format(f.due), f.due < time.now ? .followUpOverdue : .normal),
                            Span(" " + (f.tactic.map(s.word) ?? t("dossier.followUp")), .accent), Span(f.note.map { " · " + Describe.preview($0) } ?? "", .normal)])
            }
        }
        if d.purchaseCount > 0 {
            add([t("dossier.purchases", d.purchaseCount), t("dossier.total", d.purchaseTotal.display),
                 d.daysBetweenPurchases.flatMap { $0 > 0 ? t("dossier.every", $0) : nil }], .dim)
        }
        for section in DossierSections(d, in: s.data.state, at: time, guidance: false, t).sections {
            heading(section.heading)
            for line in section.lines {
                let flagged = line.hasPrefix("  ⚑") || line.contains(": low") || line.hasPrefix("falling")
                out += wrapped("  " + line.trimmingCharacters(in: .whitespaces), width: width, style: flagged ? .warning : .normal, indent: "    ", maxLines: 4)
            }
        }
        if !d.interactions.isEmpty {
            heading(t("dossier.interactions"))
            for x in d.interactions.prefix(5) {
                out += wrapped(time.format(x.at) + "  " + Describe.interaction(x), width: width, indent: "                  ", maxLines: 4)
            }
        }
        heading(t("dossier.timeline"))
        if s.timeline.isEmpty {
            out.append([Span("  " + t("dossier.reading"), .dim)])
        }
        for e in s.timeline {
            out.append([Span(time.format(e.time) + " ", .dim), Span(e.actor + " ", .accent), Span(e.text, e.undone ? .dim : .normal),
                        Span(e.undone ? " " + t("dossier.undone") : "", .dim)])
        }
        return out
    }
}
