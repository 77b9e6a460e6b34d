import Foundation
@testable import RapportCore

/// The real file layer with faults the test switches on: a disk that fills
/// after some bytes, I/O errors on write or on fdatasync.
final class FaultyFileIO: FileIO, @unchecked Sendable {
    private let real = PosixFileIO()
    private let lock = NSLock()
    private var _spaceLeft: Int?
    private var _failWrites: Int32?
    private var _failSyncs: Int32?
    private var _syncCalls = 0
    private var _bytesRead = 0
    private var _duringSync: (@Sendable () -> Void)?

    /// Bytes that may still be written before writes fail with ENOSPC (nil: unlimited).
    var spaceLeft: Int? {
        get { lock.withLock { _spaceLeft } }
        set { lock.withLock { _spaceLeft = newValue } }
    }
    /// When set, every write fails with this errno.
    var failWrites: Int32? {
        get { lock.withLock { _failWrites } }
        set { lock.withLock { _failWrites = newValue } }
    }
    /// When set, every fdatasync fails with this errno.
    var failSyncs: Int32? {
        get { lock.withLock { _failSyncs } }
        set { lock.withLock { _failSyncs = newValue } }
    }
    /// Runs inside each fdatasync, before it completes or fails.
    var duringSync: (@Sendable () -> Void)? {
        get { lock.withLock { _duringSync } }
        set { lock.withLock { _duringSync = newValue } }
    }
    /// How many times fdatasync was called.
    var syncCalls: Int { lock.withLock { _syncCalls } }
    /// How many bytes were read.
    var bytesRead: Int { lock.withLock { _bytesRead } }

    func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemError) -> Int32 {
        try real.open(path, flags: flags, mode: mode)
    }
    func close(_ fd: Int32) { real.close(fd) }
    func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64, path: String) throws(SystemError) -> Int {
        let n = try real.read(fd, into: buffer, at: offset, path: path)
        lock.withLock { _bytesRead += n }
        return n
    }
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int {
        if let code = failWrites { throw SystemError("write", path, code) }
        if let left = spaceLeft {
            if left == 0 { throw SystemError("write", path, ENOSPC) }
            let n = try real.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<min(left, bytes.count)]), path: path)
            spaceLeft = left - n
            return n
        }
        return try real.write(fd, bytes, path: path)
    }
    func syncData(_ fd: Int32, path: String) throws(SystemError) {
        lock.withLock { _syncCalls += 1 }
        duringSync?()
        if let code = failSyncs { throw SystemError("fdatasync", path, code) }
        try real.syncData(fd, path: path)
    }
    func truncate(_ fd: Int32, to length: Int64, path: String) throws(SystemError) {
        try real.truncate(fd, to: length, path: path)
    }
    func status(_ fd: Int32, path: String) throws(SystemError) -> FileStatus { try real.status(fd, path: path) }
    func status(path: String) -> FileStatus? { real.status(path: path) }
    func tryLock(_ fd: Int32, exclusive: Bool, path: String) throws(SystemError) -> Bool {
        try real.tryLock(fd, exclusive: exclusive, path: path)
    }
    func unlock(_ fd: Int32) { real.unlock(fd) }
    func makeDirectory(_ path: String, mode: mode_t) throws(SystemError) { try real.makeDirectory(path, mode: mode) }
    func syncDirectory(_ path: String) throws(SystemError) { try real.syncDirectory(path) }
    func startOfFinalHole(_ fd: Int32, from offset: Int64, size: Int64) -> Int64? {
        real.startOfFinalHole(fd, from: offset, size: size)
    }
}
