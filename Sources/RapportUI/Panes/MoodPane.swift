import RapportCore

/// The personality type with its guidance, the mood over time with the advised approach, AIDMAS, notes.
enum MoodPane {
    static func render(_ s: AppState, in r: Rect, on canvas: inout Canvas) {
        let inner = Box(title: Pane.mood.title, focused: s.focus == .mood).draw(in: r, on: &canvas)
        guard !inner.isEmpty else { return }
        let all = lines(s, width: inner.width)
        canvas.put(all, in: inner, offset: DossierPane.clamped(s.moodScroll, lines: all.count, rows: inner.height))
    }

    static func lines(_ s: AppState, width: Int) -> [StyledLine] {
        guard let id = s.customer, let c = s.data.customer(id) else { return [] }
        let time = s.data.time
        var out: [StyledLine] = []
        // Mood first: it changes from call to call, and the strip is the pane's point.
        let moods = Dossier(c, in: s.data.state, at: time).moods
        if let now = c.mood {
            out.append([Span("Mood ", .header), Gauge.mark(now.mood), Span(" \(now.mood.english) \(now.mood.chinese)", Gauge.style(now.mood)),
                        Span(" · \(ago(now.at, time))", .dim)])
            out += wrapped("→ " + now.mood.approach.english, width: width, indent: "  ")
        } else {
            out.append([Span("Mood ", .header), Span("not noted yet", .dim)])
        }
        if !moods.isEmpty {
            let shown = moods.suffix(max(1, width - 14))
            out.append([Span("  ", .normal)] + shown.map { Gauge.mark($0.mood) }
                       + [Span("  \(moods.count) since \(time.day(of: moods[0].at))", .dim)])
        }
        out += satisfaction(s.data.state.surveys(of: c), width: width)
        out.append([])
        if let p = c.personality {
            out.append([Span("\(p.english) \(p.chinese)", .title), Span(" · \(p.axes.english)", .dim)])
            for point in PersonalityGuidance.of(p).points {
                out += wrapped("\(point.heading.english): \(point.advice.english)", width: width, indent: "    ").enumerated().map { i, line in
                    i == 0 ? [Span("  "), Span(point.heading.english + ":", .key), Span(String(line[0].text.dropFirst(point.heading.english.count + 1)))] : line
                }
            }
        } else {
            out.append([Span("Personality ", .header), Span("not set (driver, analytical, expressive or amiable)", .dim)])
        }
        out.append([])
        if let a = c.aidmas {
            out.append([Span("AIDMAS ", .header), Span("\(a.english) \(a.chinese)", .accent)])
            out += wrapped("→ " + a.advice.english, width: width, indent: "  ")
        } else {
            out.append([Span("AIDMAS ", .header), Span("not set", .dim)])
        }
        let notes = s.data.state.notes(of: c)
        if !notes.isEmpty {
            out.append([])
            out.append([Span("Notes", .header)])
            for n in notes.prefix(5) {
                out += wrapped(time.format(n.at) + "  " + Describe.preview(n.text), width: width, indent: "  ", maxLines: 6)
            }
        }
        return out
    }

    /// The latest satisfaction score, its trend, and a bar per survey, oldest first.
    static func satisfaction(_ surveys: [Survey], width: Int) -> [StyledLine] {
        guard let latest = surveys.first else { return [] }
        let before = surveys.dropFirst().first
        let change = before.map { latest.score - $0.score } ?? 0
        let trend = before == nil ? "" : change <= -Survey.fall ? " ↓ from \(Describe.score(before!.score))"
            : change >= Survey.fall ? " ↑ from \(Describe.score(before!.score))" : " steady"
        let bars = Array("▁▂▃▄▅▆▇█")
        let strip = surveys.reversed().suffix(max(1, width - 14)).map { s in String(bars[min(7, max(0, Int((s.score - 1) / 4 * 7 + 0.5)))]) }
        return [[], [Span("Satisfaction ", .header), Span("\(Describe.score(latest.score)) of 5", latest.score < Survey.low ? .warning : .accent),
                     Span(trend, change <= -Survey.fall ? .warning : .dim), Span(" · \(latest.date)", .dim)],
                [Span("  " + strip.joined(), .accent), Span("  \(surveys.count) survey\(surveys.count == 1 ? "" : "s")", .dim)]]
    }

    /// `2 days ago`, `today`.
    static func ago(_ t: Timestamp, _ time: LocalTime) -> String {
        switch time.daysSince(t) {
        case ...0: "today"
        case 1: "yesterday"
        case let n: "\(n) days ago"
        }
    }
}
