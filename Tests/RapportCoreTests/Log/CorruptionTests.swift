import Foundation
import Testing
@testable import RapportCore

/// Flip, cut or insert bytes at random positions of a copy of a log: every
/// damage is detected and reported with its position; nothing is silently
/// lost or rewritten.
@Suite struct CorruptionTests {
    enum Damage: CaseIterable { case flip, cut, insert }

    @Test(arguments: Damage.allCases)
    func randomDamageIsAlwaysReported(_ kind: Damage) throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let source = dir.file("source.log")
        let store = try LogFixtures.write(source, batches: [1, 1, 3, 1, 2, 1, 1, 1, 5, 1, 1, 1])
        let original = readBytes(source)
        let lineStarts = store.records.map { Int($0.offset) }
        var rng = SplitMix(seed: 2026 + UInt64(Damage.allCases.firstIndex(of: kind)!))
        let path = dir.file("damaged.log")
        for trial in 0..<150 {
            let position = Int(rng.next() % UInt64(original.count))
            var bytes = original
            switch kind {
            case .flip:
                bytes[position] ^= UInt8(1 + rng.next() % 255)
            case .cut:
                let length = 1 + Int(rng.next() % 40)
                bytes.removeSubrange(position..<min(original.count - 1, position + length))
            case .insert:
                let length = 1 + Int(rng.next() % 8)
                bytes.insert(contentsOf: (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: position)
            }
            if bytes == original { continue }
            writeBytes(bytes, to: path)
            // The records entirely before the damaged line.
            let intactLines = lineStarts.filter { $0 <= position }.count - 1
            do {
                let reopened = try LogStore.open(path: path, actor: "li")
                // Only a damaged final line that looks torn may be moved aside,
                // and then it is reported, at or before the damage, and kept.
                let notices = reopened.takeNotices()
                guard case .tornTailMovedAside(let offset, _, let side)? = notices.first else {
                    Issue.record("trial \(trial): \(kind) at \(position) went unnoticed")
                    continue
                }
                #expect(offset <= Int64(position), "trial \(trial)")
                #expect(Bool(readBytes(path) + readBytes(side) == bytes), "trial \(trial): bytes lost")
                #expect(reopened.records.count >= intactLines - 5)   // at most the last batch was torn
                try FileManager.default.removeItem(atPath: side)
            } catch let LogError.damaged(_, damage) {
                #expect(damage.offset <= Int64(position), "trial \(trial): reported after the damage")
                #expect(damage.line >= 1 && damage.line <= intactLines + 1, "trial \(trial): line \(damage.line)")
                #expect(Bool(readBytes(path) == bytes), "trial \(trial): the file was rewritten")
            }
        }
    }
}

/// A small deterministic random generator for tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
