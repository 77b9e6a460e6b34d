import Foundation

/// A failed system call, in words: what was being done, to which file, and why.
public struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operation, e.g. `write`.
    public let operation: String
    /// The file concerned.
    public let path: String
    /// The errno value.
    public let code: Int32

    /// An error for `operation` on `path` with errno `code`.
    public init(_ operation: String, _ path: String, _ code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String {
        let why: String
        switch code {
        case ENOSPC: why = say("log.system.full")
        case EDQUOT: why = say("log.system.quota")
        case EIO: why = say("log.system.io")
        case EACCES, EPERM: why = say("log.system.denied")
        case EROFS: why = say("log.system.readOnly")
        default: why = String(cString: strerror(code))
        }
        return say("log.system", Language.reading == .en ? operation : doing, path, why)
    }

    /// The operation in words, in a language other than English (where the
    /// operation's own name is said).
    private var doing: String {
        switch operation {
        case "open": say("log.op.open")
        case "create": say("log.op.create")
        case "create directory": say("log.op.createDirectory")   // catalogue: not text
        case "open directory": say("log.op.openDirectory")   // catalogue: not text
        case "read": say("log.op.read")
        case "write": say("log.op.write")
        case "fsync", "fdatasync": say("log.op.sync")
        case "lock": say("log.op.lock")
        case "rename": say("log.op.rename")
        case "stat": say("log.op.stat")
        case "truncate": say("log.op.truncate")
        default: operation
        }
    }
}

/// Size and identity of an open or named file.
public struct FileStatus: Equatable, Sendable {
    public var size: Int64
    public var device: UInt64
    public var inode: UInt64
    public var mode: UInt32
}

/// The system calls the log store makes, so that tests can inject faults
/// (a full disk, I/O errors) between the store and the kernel.
public protocol FileIO: Sendable {
    func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemError) -> Int32
    func close(_ fd: Int32)
    func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64, path: String) throws(SystemError) -> Int
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int
    func syncData(_ fd: Int32, path: String) throws(SystemError)
    func truncate(_ fd: Int32, to length: Int64, path: String) throws(SystemError)
    func status(_ fd: Int32, path: String) throws(SystemError) -> FileStatus
    func status(path: String) -> FileStatus?
    /// Takes the advisory lock if it is free; false when another holds it.
    func tryLock(_ fd: Int32, exclusive: Bool, path: String) throws(SystemError) -> Bool
    func unlock(_ fd: Int32)
    func makeDirectory(_ path: String, mode: mode_t) throws(SystemError)
    func syncDirectory(_ path: String) throws(SystemError)
    /// Where the file's data ends when the rest of it, from some point on, is
    /// a hole (blocks never written); nil when the file has no such hole.
    func startOfFinalHole(_ fd: Int32, from offset: Int64, size: Int64) -> Int64?
}

/// The real system calls.
public struct PosixFileIO: FileIO {
    public init() {}

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemError) -> Int32 {
        let fd = Foundation.open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SystemError("open", path, errno) }
        return fd
    }

    public func close(_ fd: Int32) { _ = Foundation.close(fd) }

    public func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64, path: String) throws(SystemError) -> Int {
        while true {
            let n = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
            if n >= 0 { return n }
            if errno != EINTR { throw SystemError("read", path, errno) }
        }
    }

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int {
        while true {
            let n = Foundation.write(fd, bytes.baseAddress, bytes.count)
            if n >= 0 { return n }
            if errno != EINTR { throw SystemError("write", path, errno) }
        }
    }

    public func syncData(_ fd: Int32, path: String) throws(SystemError) {
        guard fdatasync(fd) == 0 else { throw SystemError("fdatasync", path, errno) }
    }

    public func truncate(_ fd: Int32, to length: Int64, path: String) throws(SystemError) {
        guard ftruncate(fd, off_t(length)) == 0 else { throw SystemError("truncate", path, errno) }
    }

    public func status(_ fd: Int32, path: String) throws(SystemError) -> FileStatus {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw SystemError("stat", path, errno) }
        return FileStatus(st)
    }

    public func status(path: String) -> FileStatus? {
        var st = stat()
        return stat(path, &st) == 0 ? FileStatus(st) : nil
    }

    public func tryLock(_ fd: Int32, exclusive: Bool, path: String) throws(SystemError) -> Bool {
        while flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            if errno == EWOULDBLOCK { return false }
            if errno != EINTR { throw SystemError("lock", path, errno) }
        }
        return true
    }

    public func unlock(_ fd: Int32) { _ = flock(fd, LOCK_UN) }

    public func makeDirectory(_ path: String, mode: mode_t) throws(SystemError) {
        guard mkdir(path, mode) == 0 || errno == EEXIST else { throw SystemError("create directory", path, errno) }   // catalogue: not text
    }

    public func startOfFinalHole(_ fd: Int32, from offset: Int64, size: Int64) -> Int64? {
        // Linux's SEEK_DATA and SEEK_HOLE, which Glibc does not export to Swift.
        let seekData: Int32 = 3, seekHole: Int32 = 4
        let hole = lseek(fd, off_t(offset), seekHole)
        guard hole >= 0, Int64(hole) < size else { return nil }
        // Data after the hole means it is not the final one.
        if lseek(fd, hole, seekData) >= 0 { return nil }
        return errno == ENXIO ? Int64(hole) : nil
    }

    public func syncDirectory(_ path: String) throws(SystemError) {
        let fd = Foundation.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError("open directory", path, errno) }   // catalogue: not text
        defer { Foundation.close(fd) }
        guard fsync(fd) == 0 else { throw SystemError("fsync", path, errno) }
    }
}

extension FileStatus {
    init(_ st: stat) {
        size = Int64(st.st_size)
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        mode = UInt32(st.st_mode)
    }
}

extension FileIO {
    /// Writes all of `bytes`, continuing after short writes.
    func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemError) {
        var done = 0
        while done < bytes.count {
            let n = try bytes.withUnsafeBytes { raw in
                Result { () throws(SystemError) in try write(fd, UnsafeRawBufferPointer(rebasing: raw[done...]), path: path) }
            }.get()
            guard n > 0 else { throw SystemError("write", path, EIO) }
            done += n
        }
    }

    /// Reads up to `count` bytes at `offset`; fewer if the file ends first.
    /// Large reads run in parallel pieces, so that the kernel's copying and
    /// page zeroing use every core.
    func readFully(_ fd: Int32, count: Int, at offset: Int64, path: String) throws(SystemError) -> [UInt8] {
        let pieces = count < 8 << 20 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2
        var filledBy = [Int](repeating: 0, count: pieces)
        var failures = [SystemError?](repeating: nil, count: pieces)
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buf, initialized in
            filledBy.withUnsafeMutableBufferPointer { filledOut in
                failures.withUnsafeMutableBufferPointer { failuresOut in
                    let shared = UnsafeSendable((UnsafeMutableRawBufferPointer(buf), filledOut, failuresOut))
                    DispatchQueue.concurrentPerform(iterations: pieces) { k in
                        let (raw, filledOut, failuresOut) = shared.value
                        let lo = count * k / pieces, hi = count * (k + 1) / pieces
                        var filled = 0
                        while lo + filled < hi {
                            do throws(SystemError) {
                                let n = try read(fd, into: UnsafeMutableRawBufferPointer(rebasing: raw[(lo + filled)..<hi]),
                                                 at: offset + Int64(lo + filled), path: path)
                                if n == 0 { break }
                                filled += n
                            } catch {
                                failuresOut[k] = error
                                break
                            }
                        }
                        filledOut[k] = filled
                    }
                }
            }
            // The file may have been shorter than expected: keep the bytes up to the first gap.
            var total = 0
            for k in 0..<pieces {
                total += filledBy[k]
                if total < count * (k + 1) / pieces { break }
            }
            initialized = total
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        return bytes
    }
}
