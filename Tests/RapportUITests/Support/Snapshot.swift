import Foundation
import Testing

/// Compares screen lines with `Snapshots/NAME.txt`; `RECORD_SNAPSHOTS=1` rewrites the file.
func expectSnapshot(_ lines: [String], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".txt")
    let actual = lines.joined(separator: "\n") + "\n"
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
        Issue.record("""
            screen differs from \(name).txt at line \(first + 1):
              expected: \(first < e.count ? String(e[first]) : "(end)")
              actual:   \(first < a.count ? String(a[first]) : "(end)")
            (RECORD_SNAPSHOTS=1 rewrites it)
            """, sourceLocation: sourceLocation)
    }
}
