import RapportCore

/// A form drawn as an overlay: a label and a value per row, the focused
/// picker's choices below it, the core's message beside the field it is
/// about, and the seed's guidance while an objection is handled.
enum FormView {
    static let labelWidth = 16

    static func render(_ form: Form, _ s: AppState, on canvas: inout Canvas) {
        let rows = lines(form, s, width: min(78, canvas.width - 4) - 2)
        let inner = Overlays.frame(form.title, width: 78, height: min(canvas.height - 2, rows.lines.count + 3), on: &canvas,
                                   summary: s.text("form.summary"))
        guard !inner.isEmpty else { return }
        let footer = 1
        let visible = max(1, inner.height - footer)
        // Keep the focused field (and its choices) in sight.
        let offset = max(0, min(rows.focusLine - visible / 3, rows.lines.count - visible))
        canvas.put(rows.lines, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: visible), offset: offset)
        if let cursor = rows.cursor, cursor.line >= offset, cursor.line < offset + visible {
            canvas.cursor = (inner.x + cursor.column, inner.y + cursor.line - offset)
        }
        let bottom = inner.maxY - 1
        if form.confirmingDiscard {
            canvas.fill(Rect(x: inner.x, y: bottom, width: inner.width, height: 1))
            canvas.put(s.text("form.discard"), x: inner.x, y: bottom, style: .warning, limit: inner.width)
        }
    }

    /// The form's lines, the line of the focused field, and where the cursor goes.
    static func lines(_ form: Form, _ s: AppState, width: Int) -> (lines: [StyledLine], focusLine: Int, cursor: (line: Int, column: Int)?) {
        var out: [StyledLine] = []
        var focusLine = 0
        var cursor: (line: Int, column: Int)?
        let valueWidth = max(8, width - labelWidth - 1)
        for (i, field) in form.fields.enumerated() {
            let focused = i == form.focus
            if focused { focusLine = out.count }
            let label = TextWidth.pad((field.required ? "* " : "  ") + label(field, s), to: labelWidth)
            var line: StyledLine = [Span(label, focused ? .selection : .key), Span(" ")]
            let (value, column) = Self.value(field, focused: focused, time: s.data.now, width: valueWidth, s.text)
            line += value
            if focused, let column { cursor = (out.count, labelWidth + 1 + column) }
            out.append(line)
            if let problem = form.errors[field.key] {
                out += wrapped("↳ " + problem, width: width, style: .error, indent: "  ", maxLines: 3)
            }
            if focused { out += statement(field.key, width: width, s) }
            if focused, case .picker(let p) = field.kind { out += choices(p, width: width, s.text) }
            if focused, case .checklist(let c) = field.kind { out += ticks(c, width: width) }
        }
        if let problem = form.errors[""] {
            out += wrapped((form.conflict ? s.text("form.conflict") + " " : "") + problem, width: width, style: .error, indent: "  ", maxLines: 4)
        }
        let guide = guidance(form, width: width, s)
        if !guide.isEmpty {
            out.append([Span(String(repeating: "─", count: width), .border)])
            out += guide
        }
        return (out, focusLine, cursor)
    }

    /// The value of a field, and the cursor's column in it when focused.
    private static func value(_ field: Field, focused: Bool, time: LocalTime, width: Int, _ t: Catalogue) -> (StyledLine, Int?) {
        switch field.kind {
        case .text(let e), .note(let e), .money(let e):
            let (shown, column) = window(e, width: width)
            return ([Span(shown)], column)
        case .date(let e, let hour):
            let (shown, column) = window(e, width: width / 2)
            guard !e.text.trimmingCharacters(in: .whitespaces).isEmpty else { return ([Span(shown)], column) }
            let resolved: Span
            do {
                let moment = try When.parse(e.text, at: time).moment(time, hour: hour)
                resolved = Span("  → " + full(moment, time, t), .dim)
            } catch {
                resolved = Span("  ? " + t("form.notADate"), .warning)
            }
            return ([Span(shown), resolved], column)
        case .picker(let p):
            if focused, !p.filter.text.isEmpty {
                return ([Span(p.filter.text, .accent), Span("  " + t("form.matches", p.shown.count), .dim)], p.filter.cursorCells)
            }
            return ([p.chosen.map { Span($0.label) } ?? Span("—", .dim)], focused ? 0 : nil)
        case .toggle(let on):
            return ([Span(on ? "[x] " + t("word.yes") : "[ ] " + t("word.no"))], focused ? 1 : nil)
        case .checklist(let c):
            let labels = c.choices.filter { c.ticked.contains($0.value) }.map(\.label)
            return ([labels.isEmpty ? Span("—", .dim) : Span(TextWidth.truncate(labels.joined(separator: ", "), to: width))], focused ? 0 : nil)
        }
    }

    /// The part of a long text around the cursor that fits.
    private static func window(_ e: LineEditor, width: Int) -> (String, Int) {
        let cells = e.cursorCells
        guard cells >= width else { return (e.text, cells) }
        var shown = String(e.text.prefix(e.cursor))
        while TextWidth.of(shown) > width - 2 { shown.removeFirst() }
        return ("…" + shown, TextWidth.of(shown) + 1)
    }

    /// The choices of the focused picker, numbered; the highlighted one marked.
    private static func choices(_ p: Picker, width: Int, _ t: Catalogue) -> [StyledLine] {
        let shown = p.shown
        guard !shown.isEmpty else { return [[Span(String(repeating: " ", count: labelWidth + 1) + t("form.noChoice"), .warning)]] }
        let first = max(0, min(p.highlighted - 3, shown.count - 7))
        return shown[first..<min(shown.count, first + 7)].enumerated().map { n, choice in
            let index = first + n
            let number = (p.choices.firstIndex(of: choice) ?? index) + 1
            let mark = index == p.highlighted && !p.filter.text.isEmpty || choice == p.chosen ? "▸" : " "
            let style: Style = choice == p.chosen ? .accent : .dim
            return [Span(String(repeating: " ", count: labelWidth - 2) + "\(mark) \(number < 10 ? " " : "")\(number) ", .dim),
                    Span(TextWidth.truncate(choice.label, to: width - labelWidth - 4), style)]
        }
    }

    /// A field's label in the screen's language (a survey's statements by their number).
    static func label(_ field: Field, _ s: AppState) -> String {
        if field.key.hasPrefix("rating"), let n = Int(field.key.dropFirst(6)) { return s.text("form.statement", n) }
        return s.text.texts["label.\(field.label)"] ?? field.label
    }

    /// The choices of the focused checklist, ticked or not; Space ticks the highlighted one.
    private static func ticks(_ c: Checklist, width: Int) -> [StyledLine] {
        c.choices.enumerated().map { i, choice in
            let on = c.ticked.contains(choice.value)
            return [Span(String(repeating: " ", count: labelWidth - 2) + (i == c.highlighted ? "▸ " : "  ") + "\(i + 1) " + (on ? "[x] " : "[ ] "), .dim),
                    Span(TextWidth.truncate(choice.label, to: width - labelWidth - 8), on ? .accent : .dim)]
        }
    }

    /// The survey statement a rating field is for, under it while it is rated.
    private static func statement(_ key: String, width: Int, _ app: AppState) -> [StyledLine] {
        guard key.hasPrefix("rating"), let n = Int(key.dropFirst(6)), SurveyStatement.all.indices.contains(n - 1) else { return [] }
        let s = SurveyStatement.all[n - 1], t = app.text
        guard app.language == .en else {
            return wrapped("    \(n). \(s.chinese)" + (s.reversed ? t("form.badSign") : ""), width: width, style: .accent, indent: "    ", maxLines: 2)
                + wrapped("    " + s.level.chinese, width: width, style: .dim, indent: "    ", maxLines: 2)
        }
        return wrapped("    \(n). \(s.english)" + (s.reversed ? " " + t("form.badSign") : ""), width: width, style: .accent, indent: "    ", maxLines: 2)
            + wrapped("    \(s.chinese) · \(s.level.english) \(s.level.chinese)", width: width, style: .dim, indent: "    ", maxLines: 2)
    }

    /// While an objection is handled: its cause and the approach, the technique chosen, and the principles.
    private static func guidance(_ form: Form, width: Int, _ s: AppState) -> [StyledLine] {
        guard let objection = form.field("objection") else { return [] }
        let focusKey = form.fields[form.focus].key
        let type = ObjectionType(rawValue: objection.text)
        guard type != nil || focusKey == "objection" || focusKey == "technique" else { return [] }
        let t = s.text, zh = s.language == .zh
        func say(_ words: (english: String, chinese: String)) -> String { zh ? words.chinese : "\(words.english) (\(words.chinese))" }
        var out: [StyledLine] = []
        if let type {
            let g = ObjectionGuidance.of(type)
            out += wrapped(t("form.why", say(g.cause)), width: width, style: .accent, indent: "  ", maxLines: 2)
            out += wrapped(t("form.how", say(g.approach)), width: width, indent: "  ", maxLines: 2)
        }
        if let technique = ObjectionTechnique(rawValue: form.text("technique")) {
            let g = ObjectionGuidance.of(technique)
            out += wrapped(zh ? "\(technique.chinese)：\(g.chinese)" : "\(technique.english): \(g.english)", width: width, style: .dim, indent: "  ", maxLines: 2)
        }
        out += wrapped(zh ? ObjectionGuidance.principles.chinese : ObjectionGuidance.principles.english, width: width, style: .key, indent: "  ", maxLines: 2)
        return out
    }

    /// `Tue 2026-11-24 10:00`, or `2026年11月24日 周二 10:00` in Chinese.
    static func full(_ moment: Timestamp, _ time: LocalTime, _ t: Catalogue) -> String {
        let text = time.format(moment)   // YYYY-MM-DD HH:MM
        let day = time.day(of: moment)
        let weekday = t("week.\(((Int64(day.number) % 7) + 7) % 7)")
        let parts = text.prefix(10).split(separator: "-").map(String.init)
        let (month, date) = t.language == .zh ? (String(Int(parts[1]) ?? 0), String(Int(parts[2]) ?? 0)) : (parts[1], parts[2])
        return t("date.full", parts[0], month, date, weekday, text.suffix(5))
    }
}
