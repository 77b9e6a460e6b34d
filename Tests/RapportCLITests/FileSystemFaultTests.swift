import ChildProcess
import Foundation
import Testing

/// A small file system of its own for one test: a size-limited tmpfs that
/// can be filled, freed, and made read-only. Mounting needs root; CI runs
/// as root on this machine kind, so there these tests always run.
final class SmallDisk {
    let dir: String
    private var fillers: [String] = []

    /// Why the tests that need one are skipped here, or nil when they run.
    static let unavailable: String? = geteuid() == 0 ? nil
        : "skipped: mounting a size-limited tmpfs (to fill a disk, to make it read-only) needs root; CI runs these as root"

    init(megabytes: Int, in parent: String) throws {
        dir = parent + "/small-disk"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", dir])
    }

    deinit {
        _ = try? Self.run("/bin/umount", ["-l", dir])
        rmdir(dir)
    }

    /// Fills what space is left, to the last byte.
    func fill() {
        let path = dir + "/filler-\(fillers.count)"
        fillers.append(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x2E, count: 1 << 16)
        for size in [1 << 16, 1 << 12, 1] {
            while chunk.withUnsafeBytes({ write(fd, $0.baseAddress, size) }) == size {}
        }
    }

    /// Frees what `fill` took.
    func free() {
        for path in fillers { unlink(path) }
        fillers = []
    }

    func remount(readOnly: Bool) throws {
        try Self.run("/bin/mount", ["-o", readOnly ? "remount,ro" : "remount,rw", dir])
    }

    /// The names in the disk's data directory.
    func names(in sub: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: dir + "/" + sub))?.sorted() ?? []
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let r = try ChildProcess.run(tool, arguments, environment: ["PATH": "/usr/bin:/bin"])
        guard r.status == 0 else { throw SmallDiskError(what: "\(tool) \(arguments.joined(separator: " ")): \(r.err)") }
    }
}

struct SmallDiskError: Error, CustomStringConvertible {
    let what: String
    var description: String { what }
}

/// Faults around the program, on the real binary: a full disk, a
/// read-only or unreadable log. Each gives one clear line and a non-zero
/// exit, keeps every acknowledged byte, and stops as soon as the cause does.
@Suite(.enabled(if: SmallDisk.unavailable == nil, Comment(rawValue: SmallDisk.unavailable ?? "")))
struct FileSystemFaultTests {
    /// A command line whose log is in `data` on `disk`.
    static func cli(on disk: SmallDisk, _ base: CLI) -> (CLI, String) {
        var cli = base
        let log = disk.dir + "/data/crm.log"
        cli.environment["RAPPORT_DATA"] = log
        return (cli, log)
    }

    static func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    @Test func aFullDiskRefusesAChangeKeepsWhatWasSavedAndRecovers() throws {
        let base = CLI()
        defer { base.remove() }
        let disk = try SmallDisk(megabytes: 1, in: base.dir)
        let (cli, log) = Self.cli(on: disk, base)
        #expect(try cli.run("customer", "add", "海天医疗").status == 0)
        disk.fill()
        let before = Self.bytes(log)
        let note = String(repeating: "长篇的拜访记录。", count: 400)   // larger than what slack a page leaves
        let refused = try cli.run("note", "text", "c1", note)
        #expect(refused.status == 74 && refused.out.isEmpty)
        #expect(refused.err == "rapport: the change was not saved, because write \(log): the disk is full; earlier records are intact\n")
        #expect(Self.bytes(log) == before)
        #expect(try cli.run("check").status == 0)
        disk.free()
        let again = try cli.run("note", "text", "c1", note)
        #expect(again.status == 0, "\(again.err)")
        #expect(try cli.run("check").status == 0)
    }

    @Test func aFullDiskDuringABatchKeepsWholeBatchesOnly() throws {
        let base = CLI()
        defer { base.remove() }
        let disk = try SmallDisk(megabytes: 2, in: base.dir)
        let (cli, log) = Self.cli(on: disk, base)
        try cli.run("customer", "add", "Anna Roth", "--phone", "+49 30 1234567")
        let demo = try cli.run("demo", "--customers", "20000", "--append")
        #expect(demo.status == 74 && demo.out.isEmpty)
        #expect(demo.err.contains("the change was not saved, because") && demo.err.contains("the disk is full"), "\(demo.err)")
        #expect(demo.err.split(separator: "\n").count == 1)
        let check = try cli.run("check")
        #expect(check.status == 0, "\(check.out)\(check.err)")
        #expect(try cli.run("customer", "show", "c1").out.contains("Anna Roth"))
        #expect(disk.names(in: "data").allSatisfy { !$0.hasSuffix(".tmp") })
    }

    /// An erasure rewrites the log beside it: on a full disk it is refused whole.
    @Test func anErasureOnAFullDiskChangesNothing() throws {
        let base = CLI()
        defer { base.remove() }
        let disk = try SmallDisk(megabytes: 1, in: base.dir)
        let (cli, log) = Self.cli(on: disk, base)
        try cli.run("customer", "add", "Anna Roth", "--phone", "+49 30 1234567")
        disk.fill()
        let before = Self.bytes(log)
        let erase = try cli.run("erase", "c1", "--reason", "asked by phone")
        #expect(erase.status == 74 && erase.out.isEmpty)
        #expect(erase.err.hasPrefix("rapport: the change was not saved, because write \(log)."), "\(erase.err)")
        #expect(erase.err.hasSuffix(".tmp: the disk is full; earlier records are intact\n"))
        #expect(Self.bytes(log) == before)
        #expect(disk.names(in: "data") == ["crm.log"])
        disk.free()
        let erased = try cli.run("erase", "c1", "--reason", "asked by phone")
        #expect(erased.status == 0, "\(erased.err)")
        #expect(try cli.run("check").status == 0)
        #expect(Self.bytes(log).range(of: Data("Anna Roth".utf8)) == nil)
    }

    @Test func aCheckpointThatCannotBeWrittenIsMentionedAndLeavesNothingBehind() throws {
        let base = CLI()
        defer { base.remove() }
        let disk = try SmallDisk(megabytes: 24, in: base.dir)
        let (cli, log) = Self.cli(on: disk, base)
        #expect(try cli.run("demo", "--customers", "4000").status == 0)   // over 50,000 records: opening saves a checkpoint
        let checkpoint = log + ".checkpoint"
        #expect(unlink(checkpoint) == 0)
        let expected = try cli.run("report", "funnel", "--json").out
        #expect(unlink(checkpoint) == 0)
        disk.fill()
        let full = try cli.run("report", "funnel", "--json")
        #expect(full.status == 0 && full.out == expected)
        #expect(full.err.contains("the checkpoint (which only speeds up the next start) could not be saved, because write"))
        #expect(full.err.contains("the disk is full; the log is intact, and the next start reads it whole"))
        #expect(disk.names(in: "data") == ["crm.log"])
        disk.free()
        let freed = try cli.run("report", "funnel", "--json")
        #expect(freed.status == 0 && freed.out == expected && freed.err.isEmpty)
        #expect(disk.names(in: "data") == ["crm.log", "crm.log.checkpoint"])
        #expect(try cli.run("report", "funnel", "--json").out == expected)
    }

    @Test func aReadOnlyFileSystemRefusesChangesButShowsEverything() throws {
        let base = CLI()
        defer { base.remove() }
        let disk = try SmallDisk(megabytes: 1, in: base.dir)
        let (cli, log) = Self.cli(on: disk, base)
        try cli.run("customer", "add", "Anna Roth")
        try disk.remount(readOnly: true)
        let refused = try cli.run("customer", "add", "Ben Ode")
        #expect(refused.status == 74 && refused.err == "rapport: \(log) is read-only here; cannot record changes\n")
        let shown = try cli.run("customer", "show", "c1")
        #expect(shown.status == 0 && shown.out.contains("Anna Roth"))
        #expect(try cli.run("check").status == 0)
        try disk.remount(readOnly: false)
        #expect(try cli.run("customer", "add", "Ben Ode").status == 0)
    }

    /// As another user (nobody): a log this user may only read, or not even read.
    @Test func aLogThisUserMayNotWriteOrReadSaysSo() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "Anna Roth")
        let nobody = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary]
        func asNobody(_ arguments: String...) throws -> ChildProcess.Outcome {
            try ChildProcess.run("/usr/bin/setpriv", nobody + arguments, environment: cli.environment)
        }
        chmod(cli.dir, 0o755)
        chown(cli.log, 65534, 65534)
        chmod(cli.log, 0o400)
        let refused = try asNobody("customer", "add", "Ben Ode")
        #expect(refused.status == 74 && refused.err == "rapport: \(cli.log) is read-only here; cannot record changes\n")
        #expect(try asNobody("customer", "show", "c1").out.contains("Anna Roth"))
        chmod(cli.log, 0o000)
        let unreadable = try asNobody("customer", "list")
        #expect(unreadable.status == 74 && unreadable.out.isEmpty)
        #expect(unreadable.err == "rapport: cannot read \(cli.log): permission denied for this user; rapport must be able to read the log (and write it, to record changes): check its owner and mode, or choose another with --data\n")
        chmod(cli.log, 0o600)
        #expect(try asNobody("customer", "add", "Ben Ode").status == 0)
        #expect(try cli.run("check").status == 0)
    }
}
