/// A fast 64-bit hash for sealing large runs of bytes (the log prefix a
/// checkpoint covers, the checkpoint itself): four independent lanes of
/// 64×64→128-bit multiply-xor mixing, 32 bytes a step.
///
/// Not cryptographic: it guards against accidental change (a damaged disk, a
/// stray edit), which it misses with odds of about 2⁻⁶⁴. CRC-32C is three to
/// four times slower in software, and checksums of the records themselves
/// stay CRC-32C.
public enum BlockHash {
    /// The hash of `bytes`.
    public static func of(_ p: UnsafeRawBufferPointer) -> UInt64 {
        var a: UInt64 = 0x243F_6A88_85A3_08D3, b: UInt64 = 0x1319_8A2E_0370_7344
        var c: UInt64 = 0xA409_3822_299F_31D0, d: UInt64 = 0x082E_FA98_EC4E_6C89
        var i = 0
        let n = p.count
        while i + 32 <= n {
            a = mix(a ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self), 0x9E37_79B9_7F4A_7C15)
            b = mix(b ^ p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self), 0xBF58_476D_1CE4_E5B9)
            c = mix(c ^ p.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self), 0x94D0_49BB_1331_11EB)
            d = mix(d ^ p.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self), 0xD6E8_FEB8_6659_FD93)
            i += 32
        }
        var h = mix(a ^ UInt64(n), b) ^ mix(c ^ 0x5851_F42D_4C95_7F2D, d)
        while i < n {
            h = mix(h ^ UInt64(p[i]), 0x9E37_79B9_7F4A_7C15)
            i += 1
        }
        return mix(h, 0x2545_F491_4F6C_DD1D)
    }

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let r = a.multipliedFullWidth(by: b)
        return r.high ^ r.low
    }

    /// The hash of each `blockSize` block of `bytes` (the last may be short), in parallel.
    public static func blocks(_ bytes: UnsafeRawBufferPointer, blockSize: Int) -> [UInt64] {
        let count = (bytes.count + blockSize - 1) / blockSize
        var out = [UInt64](repeating: 0, count: count)
        guard count > 0 else { return out }
        out.withUnsafeMutableBufferPointer { out in
            let shared = UnsafeSendable((bytes, out))
            let workers = min(count, ProcessInfo.processInfo.activeProcessorCount * 2)
            DispatchQueue.concurrentPerform(iterations: workers) { k in
                let (bytes, out) = shared.value
                var i = k
                while i < count {
                    let lo = i * blockSize
                    let block = UnsafeRawBufferPointer(rebasing: bytes[lo..<min(bytes.count, lo + blockSize)])
                    out[i] = of(block)
                    i += workers
                }
            }
        }
        return out
    }
}

import Foundation
