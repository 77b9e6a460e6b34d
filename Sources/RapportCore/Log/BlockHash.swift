import CXXHash
import Foundation

/// XXH3-64 (Debian's libxxhash), the hash that seals large runs of bytes:
/// the log prefix a checkpoint covers and the checkpoint itself.
///
/// Not cryptographic: it guards against accidental change (a damaged disk, a
/// stray edit), which it misses with odds of about 2⁻⁶⁴. The checksums of the
/// records themselves stay CRC-32C.
public enum BlockHash {
    /// The hash of `bytes`.
    public static func of(_ p: UnsafeRawBufferPointer) -> UInt64 {
        XXH3_64bits(p.baseAddress, p.count)
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
