import Foundation
import RapportCore

/// Builds the search index on another thread, so that the screen stays
/// responsive on a large log; at most one build runs, the newest state wins.
public final class SearchIndexBuilder: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var waiting: CRMState?
    private var finished: SearchIndex?

    public init() {}

    /// Asks for an index of `state` (replacing any request not yet started).
    public func request(_ state: CRMState) {
        lock.lock()
        defer { lock.unlock() }
        if running { waiting = state; return }
        running = true
        start(state)
    }

    /// The newest index built since the last call, if any.
    public func take() -> SearchIndex? {
        lock.lock()
        defer { lock.unlock() }
        let index = finished
        finished = nil
        return index
    }

    private func start(_ state: CRMState) {
        Thread.detachNewThread { [self] in
            let index = SearchIndex(state)
            lock.lock()
            finished = index
            if let next = waiting {
                waiting = nil
                lock.unlock()
                start(next)
            } else {
                running = false
                lock.unlock()
            }
        }
    }
}
