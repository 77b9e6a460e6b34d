import Foundation

/// Replacing a file whole: the new bytes go to a temporary file beside it,
/// created exclusively and never through a link, synced, then renamed over
/// the old one and the directory synced. A reader sees the old file or the
/// new one, never half of either.
public enum AtomicFile {
    /// Puts `bytes` in place of the file at `final`, whole or not at all.
    public static func replace(_ final: String, with bytes: [UInt8], io: PosixFileIO = PosixFileIO()) throws {
        let (fd, temporary) = try createTemporary(near: final, io: io)
        do {
            try io.writeAll(fd, bytes, path: temporary)
            try io.syncData(fd, path: temporary)
            io.close(fd)
        } catch {
            io.close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, final) == 0 else {
            let code = errno
            unlink(temporary)
            throw SystemError("rename", final, code)
        }
        try? io.syncDirectory(LogStore.directory(of: final))
    }

    /// A new file beside `final`, created exclusively and never through a
    /// link: a name planted in advance (a symlink into someone's files) is
    /// passed over for another.
    static func createTemporary(near final: String, io: PosixFileIO) throws(SystemError) -> (Int32, String) {
        var random = SystemRandomNumberGenerator()
        var last = SystemError("create", final + ".*.tmp", EEXIST)   // catalogue: not text
        for _ in 0..<100 {
            let name = "\(final).\(getpid()).\(String(random.next() as UInt64, radix: 36)).tmp"   // catalogue: not text
            switch Result(catching: { () throws(SystemError) in try io.open(name, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600) }) {
            case .success(let fd): return (fd, name)
            case .failure(let e):
                guard e.code == EEXIST || e.code == ELOOP else { throw e }
                last = e
            }
        }
        throw last
    }
}
