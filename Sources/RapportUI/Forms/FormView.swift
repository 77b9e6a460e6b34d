import RapportCore

/// A form drawn as an overlay: a label and a value per row, the focused
/// picker's choices below it, the core's message beside the field it is
/// about, and the seed's guidance while an objection is handled.
enum FormView {
    static let labelWidth = 16

    static func render(_ form: Form, _ s: AppState, on canvas: inout Canvas) {
        let rows = lines(form, s, width: min(78, canvas.width - 4) - 2)
        let inner = Overlays.frame(form.title, width: 78, height: min(canvas.height - 2, rows.lines.count + 3), on: &canvas,
                                   summary: "Tab next · Ctrl-S save · Esc cancel")
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
            canvas.put("Discard what you typed? y discards, any other key goes on", x: inner.x, y: bottom, style: .warning, limit: inner.width)
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
            let label = TextWidth.pad((field.required ? "* " : "  ") + field.label, to: labelWidth)
            var line: StyledLine = [Span(label, focused ? .selection : .key), Span(" ")]
            let (value, column) = Self.value(field, focused: focused, time: s.data.now, width: valueWidth)
            line += value
            if focused, let column { cursor = (out.count, labelWidth + 1 + column) }
            out.append(line)
            if let problem = form.errors[field.key] {
                out += wrapped("↳ " + problem, width: width, style: .error, indent: "  ", maxLines: 3)
            }
            if focused { out += statement(field.key, width: width) }
            if focused, case .picker(let p) = field.kind { out += choices(p, width: width) }
            if focused, case .checklist(let c) = field.kind { out += ticks(c, width: width) }
        }
        if let problem = form.errors[""] {
            out += wrapped((form.conflict ? "Ctrl-R reloads, Esc leaves: " : "") + problem, width: width, style: .error, indent: "  ", maxLines: 4)
        }
        let guide = guidance(form, width: width)
        if !guide.isEmpty {
            out.append([Span(String(repeating: "─", count: width), .border)])
            out += guide
        }
        return (out, focusLine, cursor)
    }

    /// The value of a field, and the cursor's column in it when focused.
    private static func value(_ field: Field, focused: Bool, time: LocalTime, width: Int) -> (StyledLine, Int?) {
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
                resolved = Span("  → " + weekday(time.day(of: moment)) + " " + time.format(moment), .dim)
            } catch {
                resolved = Span("  ? not a date", .warning)
            }
            return ([Span(shown), resolved], column)
        case .picker(let p):
            if focused, !p.filter.text.isEmpty {
                return ([Span(p.filter.text, .accent), Span("  (\(p.shown.count) match)", .dim)], p.filter.cursorCells)
            }
            return ([p.chosen.map { Span($0.label) } ?? Span("—", .dim)], focused ? 0 : nil)
        case .toggle(let on):
            return ([Span(on ? "[x] yes" : "[ ] no")], focused ? 1 : nil)
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
    private static func choices(_ p: Picker, width: Int) -> [StyledLine] {
        let shown = p.shown
        guard !shown.isEmpty else { return [[Span(String(repeating: " ", count: labelWidth + 1) + "no choice matches; Backspace clears", .warning)]] }
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

    /// The choices of the focused checklist, ticked or not; Space ticks the highlighted one.
    private static func ticks(_ c: Checklist, width: Int) -> [StyledLine] {
        c.choices.enumerated().map { i, choice in
            let on = c.ticked.contains(choice.value)
            return [Span(String(repeating: " ", count: labelWidth - 2) + (i == c.highlighted ? "▸ " : "  ") + "\(i + 1) " + (on ? "[x] " : "[ ] "), .dim),
                    Span(TextWidth.truncate(choice.label, to: width - labelWidth - 8), on ? .accent : .dim)]
        }
    }

    /// The survey statement a rating field is for, under it while it is rated.
    private static func statement(_ key: String, width: Int) -> [StyledLine] {
        guard key.hasPrefix("rating"), let n = Int(key.dropFirst(6)), SurveyStatement.all.indices.contains(n - 1) else { return [] }
        let s = SurveyStatement.all[n - 1]
        return wrapped("    \(n). \(s.english)" + (s.reversed ? " (agreeing is a bad sign)" : ""), width: width, style: .accent, indent: "    ", maxLines: 2)
            + wrapped("    \(s.chinese) · \(s.level.english) \(s.level.chinese)", width: width, style: .dim, indent: "    ", maxLines: 2)
    }

    /// The seed's guidance while an objection is being handled.
    private static func guidance(_ form: Form, width: Int) -> [StyledLine] {
        guard let objection = form.field("objection") else { return [] }
        let focusKey = form.fields[form.focus].key
        let type = ObjectionType(rawValue: objection.text)
        guard type != nil || focusKey == "objection" || focusKey == "technique" else { return [] }
        var out: [StyledLine] = []
        if let type {
            let g = ObjectionGuidance.of(type)
            out += wrapped("why: \(g.cause.english) (\(g.cause.chinese))", width: width, style: .accent, indent: "  ", maxLines: 2)
            out += wrapped("how: \(g.approach.english) (\(g.approach.chinese))", width: width, indent: "  ", maxLines: 2)
        }
        if let technique = ObjectionTechnique(rawValue: form.text("technique")) {
            let t = ObjectionGuidance.of(technique)
            out += wrapped("\(technique.english): \(t.english)", width: width, style: .dim, indent: "  ", maxLines: 2)
        }
        out += wrapped(ObjectionGuidance.principles.english, width: width, style: .key, indent: "  ", maxLines: 2)
        return out
    }

    /// `Tue` for a day.
    static func weekday(_ day: Day) -> String {
        ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((Int64(day.number) % 7) + 7) % 7)]
    }
}
