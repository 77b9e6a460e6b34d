/// Why the log could not be opened, read or appended to.
public enum LogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A damaged record before the end; the file was left as it was.
    case damaged(path: String, LogDamage)
    /// A system call failed.
    case system(SystemError)
    /// An append could not be made durable; nothing of it was kept.
    case notDurable(SystemError)
    /// There is no log at the path (and it was not to be created).
    case missing(path: String)
    /// The log was opened read-only.
    case readOnly(path: String)
    /// This user may not read the log.
    case unreadable(path: String)
    /// A record is larger than a line may be.
    case recordTooLarge(bytes: Int)
    /// The file was replaced, or is shorter than what was already read.
    case changedUnderneath(path: String)
    /// The bytes a checkpoint vouches for have changed: the checkpoint is of no use.
    case sealBroken(path: String)
    /// Another process kept the write lock for as long as a writer waits.
    case locked(path: String, holder: LockHolder?, seconds: Int)

    public var description: String {
        switch self {
        case .damaged(let path, let d):
            say("log.error.damaged", path, d)
        case .system(let e): "\(e)"
        case .notDurable(let e): say("log.error.notDurable", e)
        case .missing(let path): say("log.error.missing", path)
        case .readOnly(let path): say("log.error.readOnly", path)
        case .unreadable(let path): say("log.error.unreadable", path)
        case .recordTooLarge(let n): say("log.error.tooLarge", n)
        case .sealBroken(let path): say("log.error.sealBroken", path)
        case .locked(let path, let holder, let seconds):
            say("log.error.locked", path, holder.map(\.description) ?? say("log.error.anotherProcess"), seconds)
        case .changedUnderneath(let path): say("log.error.changedUnderneath", path)
        }
    }
}

/// Something the store did on its own that the user should hear about once.
public enum LogNotice: Equatable, Sendable, CustomStringConvertible {
    /// An unfinished write (from a crash) was moved out of the log into a side file.
    case tornTailMovedAside(offset: Int64, bytes: Int, sidePath: String)
    /// Zero bytes at the end (blocks a crash left unwritten) were cut off.
    case zerosRemoved(offset: Int64, bytes: Int64)

    public var description: String {
        switch self {
        case .zerosRemoved(let offset, let bytes):
            say("log.notice.zeros", Format.grouped(bytes), offset)
        case .tornTailMovedAside(let offset, let bytes, let side):
            say("log.notice.torn", bytes, offset, side)
        }
    }
}
