import Foundation

/// Work that runs beside the screen's loop, on a thread of its own, so that
/// keys stay live on a large log: at most one piece runs at a time, a newer
/// request replaces one not yet started, and the loop takes the newest result.
final class Background<Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var waiting: (@Sendable () -> Output)?
    private var finished: Output?

    /// Asks for `work` to be done (replacing any request not yet started).
    func request(_ work: @escaping @Sendable () -> Output) {
        let start: Bool = lock.withLock {
            if running {
                waiting = work
                return false
            }
            running = true
            return true
        }
        if start { run(work) }
    }

    /// The newest result since the last call, if any.
    func take() -> Output? {
        lock.withLock {
            defer { finished = nil }
            return finished
        }
    }

    /// Whether nothing runs, waits, or waits to be taken.
    var isIdle: Bool { lock.withLock { !running && finished == nil } }

    private func run(_ work: @escaping @Sendable () -> Output) {
        Thread.detachNewThread { [self] in
            BesideTheLoop.lowerPriority()
            let output = work()
            let next: (@Sendable () -> Output)? = lock.withLock {
                finished = output
                defer { waiting = nil }
                if waiting == nil { running = false }
                return waiting
            }
            if let next { run(next) }
        }
    }
}

/// The threads that work beside the screen's loop.
enum BesideTheLoop {
    /// Lowers the calling thread's priority to nice 10, so that on a busy
    /// machine a key is answered before the work beside it (on Linux the
    /// nice value of `PRIO_PROCESS, 0` is the calling thread's alone).
    static func lowerPriority() {
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
    }
}
