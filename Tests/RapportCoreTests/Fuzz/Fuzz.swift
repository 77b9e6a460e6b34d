import Foundation

/// Inputs for fuzzing the hand-written parsers: random bytes, and sound
/// inputs mutated (bytes flipped, dropped, doubled, spliced). A fixed seed in
/// `make test`, a few thousand rounds; `make fuzz` runs many more
/// (`FUZZ_ROUNDS`, `FUZZ_SEED`).
struct Fuzz {
    static var rounds: Int { Int(ProcessInfo.processInfo.environment["FUZZ_ROUNDS"] ?? "") ?? 3000 }
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 20_261_123 }

    var random: SplitMix

    init(_ salt: UInt64) { random = SplitMix(seed: Fuzz.seed ^ salt) }

    mutating func next(_ n: Int) -> Int { n <= 0 ? 0 : Int(random.next() % UInt64(n)) }

    /// A mutation of one of `seeds`, or random bytes now and then.
    mutating func input(from seeds: [[UInt8]], alphabet: [UInt8] = []) -> [UInt8] {
        if seeds.isEmpty || next(8) == 0 {
            let pool = alphabet.isEmpty ? (0...255).map(UInt8.init) : alphabet
            return (0..<next(120)).map { _ in pool[next(pool.count)] }
        }
        var bytes = seeds[next(seeds.count)]
        for _ in 0...next(4) {
            guard !bytes.isEmpty else { break }
            let i = next(bytes.count)
            switch next(6) {
            case 0: bytes[i] ^= UInt8(1 << next(8))
            case 1: bytes.remove(at: i)
            case 2: bytes.insert(alphabet.isEmpty ? UInt8(next(256)) : alphabet[next(alphabet.count)], at: i)
            case 3: bytes.removeSubrange(i..<min(bytes.count, i + next(16)))
            case 4:
                let j = next(bytes.count)
                bytes.insert(contentsOf: bytes[min(i, j)..<max(i, j)].prefix(64), at: next(bytes.count))
            default: bytes = Array(bytes.prefix(i))
            }
        }
        return bytes
    }
}
