import Foundation
import Testing
@testable import RapportUI

/// One character per named style, for snapshots that carry styles: a lost
/// highlight or a changed tier colour must fail, not only changed text.
let styleCodes: [Style: Character] = [
    .normal: " ", .dim: "d", .title: "T", .border: "b", .borderFocused: "B", .selection: "S", .header: "h",
    .key: "k", .accent: "a", .warning: "w", .error: "E", .status: "s", .banner: "n", .bannerAsOf: "N",
    .stageTop: "1", .stageMiddle: "2", .stageBottom: "3", .stale: "!", .followUpOverdue: "o", .followUpToday: "t",
    .followUpSuggested: "~", .moodRising: "+", .moodFalling: "-", .moodCalm: "=", .moodComplacent: "*",
    .barFilled: "#", .barEmpty: ".",
]

/// The canvas as text, then a line `--- styles`, then one code per cell.
func snapshotText(_ canvas: Canvas) -> String {
    var styleRows: [String] = []
    for y in 0..<canvas.height {
        var row = ""
        for x in 0..<canvas.width { row.append(styleCodes[canvas[x, y].style] ?? "?") }
        while row.last == " " { row.removeLast() }
        styleRows.append(row)
    }
    return (canvas.lines + ["--- styles"] + styleRows).joined(separator: "\n") + "\n"
}

/// Compares a canvas, text and styles, with `Snapshots/NAME.txt`; `RECORD_SNAPSHOTS=1` rewrites the file.
func expectSnapshot(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".txt")
    let actual = snapshotText(canvas)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(name).txt: run the tests with RECORD_SNAPSHOTS=1 and review the new file", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        let part = first > canvas.height ? "styles of line \(first - canvas.height)" : "line \(first + 1)"
        Issue.record("""
            screen differs from \(name).txt at \(part):
              expected: \(first < e.count ? String(e[first]) : "(end)")
              actual:   \(first < a.count ? String(a[first]) : "(end)")
            (RECORD_SNAPSHOTS=1 rewrites it)
            """, sourceLocation: sourceLocation)
    }
}
