import CMalloc
import Foundation

/// Hands memory freed by replaced data back to the system, now and then.
///
/// A refresh builds the board, the queue and the search index anew on
/// threads beside the loop, and the ones they replace are freed. The C
/// allocator keeps freed pages for reuse, spread over one arena per thread,
/// so that over a long session on a large log the screen's resident memory
/// would creep up with pages it no longer uses; `malloc_trim` returns them.
/// It runs on a thread of its own, at most once every `interval` seconds.
final class FreedMemory: @unchecked Sendable {
    private let interval: Double
    private let lock = NSLock()
    private var last = Date.distantPast
    private var replaced = false
    private var trimming = false

    /// Caps the allocator's arenas at two (the loop and the work beside it
    /// share them, rather than each new thread's garbage holding pages of an
    /// arena of its own), and maps every block of 128 KB or more on its own
    /// (glibc otherwise raises that threshold as big blocks are freed, and
    /// the arrays of each rebuild then fragment the heap).
    init(interval: Double = 5) {
        self.interval = interval
        _ = Self.allocatorTuned
    }

    private static let allocatorTuned: Void = {
        _ = mallopt(M_ARENA_MAX, 2)
        _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    }()

    /// Notes that data was replaced (and so freed).
    func noteReplaced() { lock.withLock { replaced = true } }

    /// Trims, beside the loop, when data was replaced and the last trim is old enough.
    func releaseIfDue() {
        let due: Bool = lock.withLock {
            guard replaced, !trimming, Date().timeIntervalSince(last) >= interval else { return false }
            replaced = false
            trimming = true
            return true
        }
        guard due else { return }
        Thread.detachNewThread { [self] in
            BesideTheLoop.lowerPriority()
            malloc_trim(0)
            lock.withLock {
                trimming = false
                last = Date()
            }
        }
    }
}
