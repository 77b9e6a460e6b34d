// catalogue: not yet moved (issue 16)
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
            "\(path): damaged record at \(d); nothing was changed (`rapport check` tells more; `rapport repair` writes a repaired copy beside it)"
        case .system(let e): "\(e)"
        case .notDurable(let e): "the change was not saved, because \(e); earlier records are intact"
        case .missing(let path): "no log at \(path)"
        case .readOnly(let path): "\(path) is read-only here; cannot record changes"
        case .unreadable(let path):
            "cannot read \(path): permission denied for this user; rapport must be able to read the log (and write it, to record changes): check its owner and mode, or choose another with --data"
        case .recordTooLarge(let n): "a record of \(n) bytes is too large (at most 16 MiB)"
        case .sealBroken(let path): "\(path) no longer matches its checkpoint"
        case .locked(let path, let holder, let seconds):
            "\(path) is locked by \(holder.map(\.description) ?? "another process"); gave up after \(seconds) s; nothing was changed"
        case .changedUnderneath(let path):
            "\(path) was replaced or cut short by another program since it was read; open it again"
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
            "recovered: \(Format.grouped(bytes)) zero bytes after byte offset \(offset) (blocks a crash left unwritten) were cut off the log"
        case .tornTailMovedAside(let offset, let bytes, let side):
            "recovered: an unfinished write of \(bytes) bytes at byte offset \(offset) (from a crash) was moved to \(side)"
        }
    }
}
