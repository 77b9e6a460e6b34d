import Foundation
import Testing
@testable import RapportUI

/// The theme parser never crashes, and names the file and line of what it refuses.
@Suite struct ThemeFuzzTests {
    @Test func theThemeParserNeverCrashes() throws {
        let themes = ThemeTests.themes
        let seeds = try ["default", "light", "mono"].map { try Array(String(contentsOf: themes.appendingPathComponent("\($0).theme"), encoding: .utf8).utf8) }
        let rounds = Int(ProcessInfo.processInfo.environment["FUZZ_ROUNDS"] ?? "") ?? 3000
        var random = UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 20_261_123
        func next(_ n: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return n <= 0 ? 0 : Int((random >> 33) % UInt64(n))
        }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz.-# 0123456789\n\t".utf8)
        for _ in 0..<rounds {
            var bytes = seeds[next(seeds.count)]
            for _ in 0...next(6) where !bytes.isEmpty {
                let i = next(bytes.count)
                switch next(3) {
                case 0: bytes[i] = alphabet[next(alphabet.count)]
                case 1: bytes.remove(at: i)
                default: bytes.insert(alphabet[next(alphabet.count)], at: i)
                }
            }
            do {
                _ = try ThemeParser.parse(String(decoding: bytes, as: UTF8.self), name: "fuzz", file: "/t/fuzz.theme")
            } catch {
                #expect(error.description.hasPrefix("/t/fuzz.theme:"))
            }
        }
    }
}
