import Foundation

/// How a writer waits for the log's lock while another process holds it.
public struct LockPolicy: Sendable {
    /// After this many seconds of waiting, `onWait` is told who holds the lock.
    public var noticeAfter: Double = 1
    /// After this many seconds, the writer gives up (`LogError.locked`).
    public var timeout: Double = 60
    /// Told once per wait, with the holder when the system says who it is.
    public var onWait: (@Sendable (LockHolder?) -> Void)?

    public init() {}
}

/// The advisory lock on the log: writers wait for it (and say for whom),
/// readers never wait long.
extension LogStore {
    /// Takes the write lock, waiting as `lockPolicy` says.
    func lockForWriting() throws(LogError) {
        if try tryLock(exclusive: true, within: 0) { return }
        let started = Date()
        var told = false
        var pause: UInt32 = 200
        while true {
            usleep(pause)
            pause = min(pause * 2, 20_000)
            if try tryLock(exclusive: true, within: 0) { return }
            let waited = Date().timeIntervalSince(started)
            if !told, waited >= lockPolicy.noticeAfter {
                told = true
                lockPolicy.onWait?(lockHolder())
            }
            if waited >= lockPolicy.timeout { throw .locked(path: path, holder: lockHolder(), seconds: Int(waited)) }
        }
    }

    /// How a read may go while another process holds the lock.
    enum ReadAccess {
        /// Under the shared lock: no write is in progress.
        case locked
        /// Without the lock: its holder is stopped (Ctrl-Z) and would keep it
        /// forever, or kept it past all patience. Complete batches are read as
        /// they are.
        case unlocked
        /// Not now: a running writer holds the lock; come back later.
        case busy
    }

    /// The shared lock for reading, waiting up to `patience` seconds for a
    /// writer that is running (it will let go); never for one that is stopped.
    func lockForReading(patience: Double) throws(LogError) -> ReadAccess {
        if try tryLock(exclusive: false, within: 0) { return .locked }
        let started = Date()
        var told = false
        var pause: UInt32 = 200
        while true {
            if lockHolder()?.isStopped == true { return .unlocked }
            let waited = Date().timeIntervalSince(started)
            if waited >= patience { return patience > 0 ? .unlocked : .busy }
            if !told, waited >= lockPolicy.noticeAfter {
                told = true
                lockPolicy.onWait?(lockHolder())
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
            if try tryLock(exclusive: false, within: 0) { return .locked }
        }
    }

    /// Takes the lock if it becomes free within `seconds`; false otherwise.
    func tryLock(exclusive: Bool, within seconds: Double) throws(LogError) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var pause: UInt32 = 200
        while true {
            do {
                if try io.tryLock(fd, exclusive: exclusive, path: path) { return true }
            } catch {
                throw .system(error)
            }
            if Date() >= deadline { return false }
            usleep(pause)
            pause = min(pause * 2, 10_000)
        }
    }

    /// Who holds a lock on the log now, if the system says.
    public func lockHolder() -> LockHolder? {
        guard let st = try? io.status(fd, path: path) else { return nil }
        return LockHolder.of(device: st.device, inode: st.inode)
    }

    /// The process keeping the write lock, if it is held at this moment.
    public func busyHolder() -> LockHolder? {
        guard let free = try? io.tryLock(fd, exclusive: false, path: path) else { return nil }
        if free {
            io.unlock(fd)
            return nil
        }
        return lockHolder() ?? LockHolder(pid: 0, command: "", isStopped: false)
    }
}
