import RapportCore

/// Printing for people or, with `--json`, for programs.
enum Output {
    /// Prints `json` as one line, or the text. Text from the log may hold
    /// control characters: they print as visible stand-ins, never raw.
    static func emit(json: Bool, _ value: @autoclosure () -> JSON, text: () -> String) {
        print(json ? JSONWriter.string(neutral(true, value)) : TerminalText.safe(text(), multiline: true))
    }

    /// `body`'s result, worded in English when it goes into JSON (which stays
    /// language-neutral, for programs), else in the language of the moment.
    static func neutral<T>(_ json: Bool, _ body: () throws -> T) rethrows -> T {
        json ? try Language.$override.withValue(.en, operation: body) : try body()
    }

    /// A table whose columns line up by display width (Chinese takes two cells).
    static func table(_ cells: [[String]], rightAligned: Set<Int> = [], maxWidths: [Int: Int] = [:]) -> String {
        // A cell is one line: a newline or tab in it would break the columns.
        let rows = cells.map { $0.map { TerminalText.safe($0) } }
        guard let first = rows.first else { return "" }
        var widths = Array(repeating: 0, count: first.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], min(TextWidth.of(cell), maxWidths[i] ?? .max)) }
        }
        return rows.map { row in
            row.enumerated().map { i, cell in
                let last = i == row.count - 1
                if rightAligned.contains(i) { return TextWidth.padLeft(cell, to: widths[i]) }
                return last && maxWidths[i] == nil ? cell : TextWidth.pad(cell, to: widths[i])
            }.joined(separator: "  ").trailingSpacesRemoved
        }.joined(separator: "\n")
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
