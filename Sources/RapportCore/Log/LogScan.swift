import Foundation

/// Where a scan of log bytes may continue from: the state after the last
/// complete batch.
struct ScanContext {
    /// The 1-based line number of the first line scanned.
    var firstLine: Int = 1
    /// The checksum of the last accepted record (0 before the first).
    var previousChecksum: UInt32 = 0
    /// The id of the last accepted record.
    var lastID: RecordID?
}

/// What a scan found after the records it accepted.
enum ScanEnding: Equatable {
    /// Every byte belongs to a complete batch.
    case clean
    /// The bytes from `offset` on are an unfinished write: a partial line or a
    /// batch not yet complete. Another process may still be writing them; under
    /// the write lock they are a torn tail.
    case unfinished(offset: Int64)
    /// A damaged record before the end.
    case damaged(LogDamage)
}

/// A damaged record: where it is and what is wrong.
public struct LogDamage: Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public let line: Int
    /// The byte offset of the line's start in the file.
    public let offset: Int64
    /// What is wrong with it, in English: what `rapport check --json` gives
    /// (JSON stays language-neutral) and what compares.
    public let reason: String
    /// The same in the language people read when it was found; nil when that is English.
    public var words: String? = nil

    /// What is wrong with it, for people.
    public var explanation: String { words ?? reason }
    public var description: String { say("log.damage", line, offset, explanation) }

    public static func == (a: LogDamage, b: LogDamage) -> Bool { a.line == b.line && a.offset == b.offset && a.reason == b.reason }
}

extension LogDamage {
    /// A damage whose reason `wording` words: in English for `reason`, and in
    /// the language of the moment for `words`.
    init(line: Int, offset: Int64, worded wording: () -> String) {
        let english = Language.$override.withValue(.en) { wording() }
        self.init(line: line, offset: offset, reason: english, words: Language.reading == .en ? nil : wording())
    }
}

/// The result of scanning a run of log bytes.
struct ScanResult {
    /// The bytes scanned, which the records point into.
    var chunk: LogChunk
    /// The records of every complete batch, in log order.
    var records: [Record]
    /// The file offset just after the last complete batch.
    var goodEnd: Int64
    /// The context to continue from `goodEnd`.
    var context: ScanContext
    /// What follows `goodEnd`.
    var ending: ScanEnding
    /// The first line that is not a sound part of a batch, if any: damage,
    /// or the start of a torn tail (`ending` says which, as far as these
    /// bytes tell).
    var problem: LogDamage?
}

/// Splits log bytes into lines, verifies each (in parallel), then checks the
/// order, the checksum chain and the batches, and classifies what follows the
/// last complete batch.
enum LogScan {
    /// Scans `chunk` from its start, continuing `context`. `ranges` (for
    /// tests) forces how many byte ranges are decoded in parallel.
    static func scan(_ chunk: LogChunk, context: ScanContext, ranges: Int? = nil) -> ScanResult {
        chunk.bytes.withUnsafeBytes { all in
            let count = ranges ?? (all.count < 4 << 20 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2)
            let (records, defects, partialLine) = decodeLines(all, fileOffset: chunk.fileOffset, ranges: max(1, count))
            return check(records: records, defects: defects, hasPartialLine: partialLine, bytes: all,
                         chunk: chunk, context: context)
        }
    }

    /// Decodes every complete line, in parallel over byte ranges: a first
    /// pass counts each range's newlines (so each line knows its slot), a
    /// second decodes the lines that end in each range straight into place.
    /// Returns the records (placeholders where a line is damaged), the
    /// damaged lines by index, and whether a partial line follows the last newline.
    private static func decodeLines(_ all: UnsafeRawBufferPointer, fileOffset: Int64, ranges: Int)
        -> (records: [Record], defects: [Int: RecordDefect], partialLine: Bool) {
        let n = all.count
        @Sendable func bounds(_ k: Int) -> (Int, Int) { (n * k / ranges, n * (k + 1) / ranges) }
        var newlines = [Int](repeating: 0, count: ranges)
        var lastNewline = [Int](repeating: -1, count: ranges)
        newlines.withUnsafeMutableBufferPointer { counts in
            lastNewline.withUnsafeMutableBufferPointer { lasts in
                let shared = UnsafeSendable((all, counts, lasts))
                DispatchQueue.concurrentPerform(iterations: ranges) { k in
                    let (all, counts, lasts) = shared.value
                    let (lo, hi) = bounds(k)
                    var p = lo
                    while p < hi, let hit = memchr(all.baseAddress! + p, 0x0A, hi - p) {
                        p = all.baseAddress!.distance(to: UnsafeRawPointer(hit)) + 1
                        counts[k] += 1
                        lasts[k] = p - 1
                    }
                }
            }
        }
        var lineBefore = [Int](repeating: 0, count: ranges)
        for k in 1..<max(1, ranges) { lineBefore[k] = lineBefore[k - 1] + newlines[k - 1] }
        let firstLine = lineBefore
        let complete = firstLine[ranges - 1] + newlines[ranges - 1]
        let endOfLines = (lastNewline.last { $0 >= 0 } ?? -1) + 1
        var defectsByRange = [[Int: RecordDefect]](repeating: [:], count: ranges)
        // Each worker initialises its own slots, so the pages of this large
        // array are first touched (and zeroed by the kernel) in parallel.
        let records = [Record](unsafeUninitializedCapacity: complete) { out, initialized in
            defectsByRange.withUnsafeMutableBufferPointer { defectsOut in
                let shared = UnsafeSendable((all, out, defectsOut))
                DispatchQueue.concurrentPerform(iterations: ranges) { k in
                    let (all, out, defectsOut) = shared.value
                    let (lo, hi) = bounds(k)
                    var decoder = RecordDecoder()
                    // The first line ending here began after the last newline before `lo`.
                    var start = lo
                    while start > 0, all[start - 1] != 0x0A { start -= 1 }
                    var slot = firstLine[k]
                    var p = lo
                    while p < hi, let hit = memchr(all.baseAddress! + p, 0x0A, hi - p) {
                        let end = all.baseAddress!.distance(to: UnsafeRawPointer(hit))
                        let offset = fileOffset + Int64(start)
                        let decoded: Result<Record, RecordDefect> = end == start ? .failure(.blankLine)
                            : decoder.decode(line: UnsafeRawBufferPointer(rebasing: all[start..<end]), offset: offset)
                        switch decoded {
                        case .success(let r):
                            (out.baseAddress! + slot).initialize(to: r)
                        case .failure(let d):
                            (out.baseAddress! + slot).initialize(to: .placeholder(offset: offset, length: end + 1 - start))
                            defectsOut[k][slot] = d
                        }
                        slot += 1
                        start = end + 1
                        p = end + 1
                    }
                }
            }
            initialized = complete
        }
        let defects = defectsByRange.reduce(into: [Int: RecordDefect]()) { $0.merge($1) { a, _ in a } }
        return (records, defects, endOfLines < n)
    }

    /// The sequential pass: chain, order and batch checks, then the ending.
    /// A blank line between batches (a text editor's final newline) is
    /// passed over; anywhere else it is damage.
    private static func check(
        records: [Record], defects: [Int: RecordDefect], hasPartialLine: Bool, bytes: UnsafeRawBufferPointer,
        chunk: LogChunk, context: ScanContext
    ) -> ScanResult {
        var ctx = context
        var accepted = 0, goodEndLocal = 0
        var acceptedContext = context
        var batchStart: Int?      // line index where the open batch began
        var blankLines: [Int] = []
        var problem: (index: Int, reason: () -> String)?
        for i in 0..<records.count {
            let r = records[i]
            if !defects.isEmpty, let d = defects[i] {
                if d == .blankLine, batchStart == nil {
                    blankLines.append(i)
                    accepted = i + 1
                    goodEndLocal = Int(r.offset - chunk.fileOffset) + Int(r.length)
                    continue
                }
                problem = (i, { d.description })
                break
            }
            if r.previousChecksum != ctx.previousChecksum {
                problem = (i, { say("log.damage.outOfPlace") })
                break
            }
            if let last = ctx.lastID, r.id <= last {
                problem = (i, { say("log.damage.outOfOrder") })
                break
            }
            if r.batchIndex == 1 {
                if let b = batchStart {
                    let count = records[b].batchCount, after = i - b
                    problem = (b, { say("log.damage.batchBroken", count, after) })
                    break
                }
                batchStart = i
            } else if let b = batchStart, r.batchCount == records[b].batchCount, r.batchIndex == Int32(i - b + 1) {
                // continues the open batch
            } else {
                problem = (i, { say("log.damage.strayRecord", r.batchIndex, r.batchCount) })
                break
            }
            ctx.previousChecksum = r.checksum
            ctx.lastID = r.id
            if r.endsBatch {
                batchStart = nil
                accepted = i + 1
                goodEndLocal = Int(r.offset - chunk.fileOffset) + Int(r.length)
                acceptedContext = ctx
            }
        }
        acceptedContext.firstLine = context.firstLine + accepted
        let kept: [Record]
        if blankLines.isEmpty {
            kept = accepted == records.count ? records : Array(records[0..<accepted])
        } else {
            let blank = Set(blankLines)
            kept = records[0..<accepted].indices.filter { !blank.contains($0) }.map { records[$0] }
        }
        var result = ScanResult(
            chunk: chunk, records: kept,
            goodEnd: chunk.fileOffset + Int64(goodEndLocal), context: acceptedContext, ending: .clean)
        guard let problem else {
            if batchStart != nil || hasPartialLine { result.ending = .unfinished(offset: result.goodEnd) }
            return result
        }
        let damage = LogDamage(line: context.firstLine + problem.index, offset: records[problem.index].offset, worded: problem.reason)
        result.problem = damage
        if isTornWrite(from: problem.index, goodEnd: goodEndLocal, batchStart: batchStart, records: records,
                       defects: defects, bytes: bytes, hasPartialLine: hasPartialLine) {
            result.ending = .unfinished(offset: result.goodEnd)
        } else {
            result.ending = .damaged(damage)
        }
        return result
    }

    /// Whether the bytes from `goodEnd` on look like one write cut short by a
    /// crash: they do not end in a newline (or hold the zero bytes of blocks
    /// never written), and no valid record after the problem stands outside
    /// the interrupted batch.
    private static func isTornWrite(
        from index: Int, goodEnd: Int, batchStart: Int?, records: [Record], defects: [Int: RecordDefect],
        bytes: UnsafeRawBufferPointer, hasPartialLine: Bool
    ) -> Bool {
        let tail = UnsafeRawBufferPointer(rebasing: bytes[goodEnd...])
        let holdsZeros = tail.baseAddress.map { memchr($0, 0, tail.count) != nil } ?? false
        guard hasPartialLine || holdsZeros else { return false }
        var count = batchStart.map { records[$0].batchCount }
        var lastIndex: Int32 = batchStart.map { Int32(index - $0) } ?? 0
        for j in index..<records.count where defects[j] == nil {
            let r = records[j]
            if r.batchIndex == 1 { return false }   // a record that starts a new batch: the damage is not the tail
            guard r.batchIndex > lastIndex, count == nil || count == r.batchCount else { return false }
            count = r.batchCount
            lastIndex = r.batchIndex
        }
        return true
    }
}

/// Lets parallel workers write disjoint slots of one buffer.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
