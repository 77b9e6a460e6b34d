import RapportCore

/// The personality type with its guidance, the mood over time with the advised approach, AIDMAS, notes.
enum MoodPane {
    static func render(_ s: AppState, in r: Rect, on canvas: inout Canvas) {
        let inner = Box(title: Pane.mood.title(s.text), focused: s.focus == .mood).draw(in: r, on: &canvas)
        guard !inner.isEmpty else { return }
        let all = lines(s, width: inner.width)
        canvas.put(all, in: inner, offset: DossierPane.clamped(s.moodScroll, lines: all.count, rows: inner.height))
    }

    static func lines(_ s: AppState, width: Int) -> [StyledLine] {
        guard let id = s.customer, let c = s.data.customer(id) else { return [] }
        let time = s.data.time, t = s.text, zh = s.language == .zh
        /// A phrase of the guidance in the screen's language.
        func say(_ words: (english: String, chinese: String)) -> String { zh ? words.chinese : words.english }
        var out: [StyledLine] = []
        // Mood first: it changes from call to call, and the strip is the pane's point.
        let moods = Dossier(c, in: s.data.state, at: time).moods
        if let now = c.mood {
            out.append([Span(t("mood.title") + " ", .header), Gauge.mark(now.mood), Span(" " + s.both(now.mood), Gauge.style(now.mood)),
                        Span(" · \(ago(now.at, time, t))", .dim)])
            out += wrapped("→ " + say(now.mood.approach), width: width, indent: "  ")
        } else {
            out.append([Span(t("mood.title") + " ", .header), Span(t("mood.none"), .dim)])
        }
        if !moods.isEmpty {
            let shown = moods.suffix(max(1, width - 14))
            out.append([Span("  ", .normal)] + shown.map { Gauge.mark($0.mood) }
                       + [Span("  " + t("mood.since", moods.count, time.day(of: moods[0].at)), .dim)])
        }
        out += satisfaction(s.data.state.surveys(of: c), width: width, t)
        out.append([])
        if let p = c.personality {
            out.append([Span(s.both(p), .title), Span(" · \(say(p.axes))", .dim)])
            for point in PersonalityGuidance.of(p).points {
                let heading = say(point.heading) + (zh ? "：" : ":")
                out += wrapped(heading + (zh ? "" : " ") + say(point.advice), width: width, indent: "    ").enumerated().map { i, line in
                    i == 0 ? [Span("  "), Span(heading, .key), Span(String(line[0].text.dropFirst(heading.count)))] : line
                }
            }
        } else {
            out.append([Span(t("personality.title") + " ", .header), Span(t("personality.none"), .dim)])
        }
        out.append([])
        if let a = c.aidmas {
            out.append([Span("AIDMAS ", .header), Span(s.both(a), .accent)])
            out += wrapped("→ " + say(a.advice), width: width, indent: "  ")
        } else {
            out.append([Span("AIDMAS ", .header), Span(t("aidmas.none"), .dim)])
        }
        let notes = s.data.state.notes(of: c)
        if !notes.isEmpty {
            out.append([])
            out.append([Span(t("notes.title"), .header)])
            for n in notes.prefix(5) {
                out += wrapped(time.format(n.at) + "  " + Describe.preview(n.text), width: width, indent: "  ", maxLines: 6)
            }
        }
        return out
    }

    /// The latest satisfaction score, its trend, and a bar per survey, oldest first.
    static func satisfaction(_ surveys: [Survey], width: Int, _ t: Catalogue) -> [StyledLine] {
        guard let latest = surveys.first else { return [] }
        let before = surveys.dropFirst().first
        let change = before.map { latest.score - $0.score } ?? 0
        let trend = before == nil ? "" : change <= -Survey.fall ? " " + t("satisfaction.down", Describe.score(before!.score))
            : change >= Survey.fall ? " " + t("satisfaction.up", Describe.score(before!.score)) : " " + t("satisfaction.steady")
        let bars = Array("▁▂▃▄▅▆▇█")
        let strip = surveys.reversed().suffix(max(1, width - 14)).map { s in String(bars[min(7, max(0, Int((s.score - 1) / 4 * 7 + 0.5)))]) }
        return [[], [Span(t("satisfaction.title") + " ", .header), Span(t("satisfaction.score", Describe.score(latest.score)), latest.score < Survey.low ? .warning : .accent),
                     Span(trend, change <= -Survey.fall ? .warning : .dim), Span(" · \(latest.date)", .dim)],
                [Span("  " + strip.joined(), .accent), Span("  " + t(surveys.count == 1 ? "satisfaction.survey" : "satisfaction.surveys", surveys.count), .dim)]]
    }

    /// `2 days ago`, `today`.
    static func ago(_ t: Timestamp, _ time: LocalTime, _ words: Catalogue) -> String {
        switch time.daysSince(t) {
        case ...0: words("ago.today")
        case 1: words("ago.yesterday")
        case let n: words("ago.days", n)
        }
    }
}
