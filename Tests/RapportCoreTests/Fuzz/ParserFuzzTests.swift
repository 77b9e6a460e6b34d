import Foundation
import Testing
@testable import RapportCore

/// The hand-written parsers never crash on any input, and refuse what they
/// cannot read with an error that says what is wrong.
@Suite struct ParserFuzzTests {
    static let jsonSeeds: [[UInt8]] = [
        #"{"id":"c1","name":"张伟","phones":["+86 138"],"ok":true,"n":-12.5e3,"x":null}"#,
        #"[1,[2,[3,{"a":"\u00e9\n\"q\""}]],false]"#, #""plain""#, "0", #"{"a":{"b":{"c":[[[[]]]]}}}"#,
    ].map { Array($0.utf8) }

    @Test func theJSONScannerNeverCrashes() {
        var fuzz = Fuzz(1)
        for _ in 0..<Fuzz.rounds {
            let bytes = fuzz.input(from: Self.jsonSeeds, alphabet: Array(#"{}[]",:\u0123456789.eE-+truefalsnl  "#.utf8))
            do {
                _ = try JSONScanner.parse(bytes)
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
        #expect(throws: JSONSyntaxError.self) { try JSONScanner.parse(Array(repeating: UInt8(ascii: "["), count: 100_000)) }
    }

    @Test func theRecordDecoderNeverCrashes() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        try LogFixtures.write(dir.file("seed.log"), batches: [1, 2, 1])
        let seeds = readBytes(dir.file("seed.log")).split(separator: 0x0A).map(Array.init)
        var fuzz = Fuzz(2)
        var decoder = RecordDecoder()
        var accepted = 0
        for _ in 0..<Fuzz.rounds {
            let line = fuzz.input(from: seeds)
            let result = line.withUnsafeBytes { decoder.decode(line: $0, offset: 0) }
            switch result {
            case .success: accepted += 1
            case .failure(let defect): #expect(!defect.description.isEmpty)
            }
        }
        #expect(accepted > 0 && accepted < Fuzz.rounds)   // both outcomes were reached
    }

    /// Whole logs, mutated: opening one either reads it or names the damage.
    @Test func theLogScanNeverCrashes() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let source = dir.file("seed.log")
        try LogFixtures.write(source, batches: [1, 3, 1, 2])
        let seed = readBytes(source)
        var fuzz = Fuzz(3)
        for _ in 0..<Fuzz.rounds / 10 {
            let bytes = fuzz.input(from: [seed])
            let r = bytes.withUnsafeBytes { _ in LogScan.scan(LogChunk(bytes: bytes, fileOffset: 0), context: ScanContext()) }
            if case .damaged(let d) = r.ending { #expect(!d.reason.isEmpty && d.line >= 1) }
        }
    }

    @Test func theCheckpointDecoderNeverCrashes() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        _ = try DemoBusiness.write(into: b.workspace, customers: 12, seed: 4)
        try b.workspace.saveCheckpoint()
        let good = readBytes(Checkpoint.path(for: b.path))
        var fuzz = Fuzz(4)
        for _ in 0..<Fuzz.rounds / 10 {
            let bytes = fuzz.input(from: [good])
            if let (_, state) = bytes.withUnsafeBytes({ Checkpoint.decode($0) }) { #expect(state.linksAreSound) }
        }
    }

    @Test func theDateParserNeverCrashesAndSaysWhatItTakes() {
        let time = LocalTime(now: TestBusiness.monday, zone: TestBusiness.zone)
        let seeds = ["2026-06-30", "2026-06-30 14:00", "14:05", "tomorrow 9:30", "+3d", "-2w", "fri", "now",
                     "2026-06-30t14:00:00+08:00", "2026-06-30T14:00Z", "yesterday"].map { Array($0.utf8) }
        var fuzz = Fuzz(5)
        for _ in 0..<Fuzz.rounds {
            let text = String(decoding: fuzz.input(from: seeds, alphabet: Array("0123456789-+:tTzZ dwhmfrionw".utf8)), as: UTF8.self)
            do {
                _ = try When.parse(text, at: time)
            } catch {
                #expect(error.description.contains("use YYYY-MM-DD"))
            }
            _ = try? Duration.seconds(text)
            _ = Money.parse(text)
        }
    }
}
