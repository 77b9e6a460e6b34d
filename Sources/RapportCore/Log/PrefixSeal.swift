import Foundation

/// What a checkpoint vouches for: the log's first `length` bytes, as a hash
/// of each 1 MiB block (`BlockHash`), and the state of the record chain at
/// that point. Opening with a seal checks the first and last blocks and a
/// few at random against the hashes instead of decoding the records again.
public struct PrefixSeal: Equatable, Sendable {
    /// Bytes per block.
    public static let blockSize = 1 << 20
    /// Blocks besides the first and last hashed again on each opening.
    public static let sampledBlocks = 2

    /// The bytes covered: a whole number of complete batches.
    public let length: Int64
    /// The records in those bytes.
    public let recordCount: Int
    /// The checksum and id of the last of them (the chain continues from here).
    public let lastChecksum: UInt32
    public let lastID: RecordID?
    /// The hash of each block; the last one may be short.
    public let blockHashes: [UInt64]

    public init(length: Int64, recordCount: Int, lastChecksum: UInt32, lastID: RecordID?, blockHashes: [UInt64]) {
        self.length = length
        self.recordCount = recordCount
        self.lastChecksum = lastChecksum
        self.lastID = lastID
        self.blockHashes = blockHashes
    }

    /// The number of blocks `length` bytes make.
    static func blocks(_ length: Int64) -> Int { Int((length + Int64(blockSize) - 1) / Int64(blockSize)) }
}

extension FileIO {
    /// The hash of blocks `range` of the first `length` bytes of a file,
    /// read a block at a time (never mapped: another program cutting the
    /// file short under a mapping would kill this one with SIGBUS), in parallel.
    func blockHashes(_ fd: Int32, length: Int64, blocks range: Range<Int>, path: String) throws(SystemError) -> [UInt64] {
        guard !range.isEmpty else { return [] }
        let from = Int64(range.lowerBound) * Int64(PrefixSeal.blockSize)
        var hashes = [UInt64](repeating: 0, count: range.count)
        var failures = [SystemError?](repeating: nil, count: range.count)
        let workers = min(range.count, ProcessInfo.processInfo.activeProcessorCount * 2)
        hashes.withUnsafeMutableBufferPointer { hashesOut in
            failures.withUnsafeMutableBufferPointer { failuresOut in
                let shared = UnsafeSendable((hashesOut, failuresOut))
                DispatchQueue.concurrentPerform(iterations: workers) { k in
                    let (hashesOut, failuresOut) = shared.value
                    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: PrefixSeal.blockSize, alignment: 16)
                    defer { buffer.deallocate() }
                    var i = k
                    while i < range.count {
                        let start = from + Int64(i) * Int64(PrefixSeal.blockSize)
                        let n = Int(min(Int64(PrefixSeal.blockSize), length - start))
                        var got = 0
                        do throws(SystemError) {
                            while got < n {
                                let r = try read(fd, into: UnsafeMutableRawBufferPointer(rebasing: buffer[got..<n]),
                                                 at: start + Int64(got), path: path)
                                if r == 0 { throw SystemError("read", path, EIO) }
                                got += r
                            }
                            hashesOut[i] = BlockHash.of(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                        } catch {
                            failuresOut[i] = error
                        }
                        i += workers
                    }
                }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        return hashes
    }
}
