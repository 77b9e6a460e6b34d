import ChildProcess
import Foundation
import RapportCore
import Testing

/// The defects found by running the landed binary as a new user, then as a
/// hostile one would; each test failed before its fix.
@Suite struct DefectTests {
    /// Appends a record as another program might, through the log store.
    static func append(_ cli: CLI, _ records: [NewRecord]) throws {
        try LogStore.open(path: cli.log, actor: "hook").append(records)
    }

    @Test func textFromTheLogNeverReachesTheTerminalRaw() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        try Self.append(cli, [Event.customerCreated(Customer(id: CustomerID(2), name: "evil\u{1B}[31mred\u{9B}2J\u{202E}")).record()])
        try Self.append(cli, [Event.noteAdded(Note(id: NoteID(1), customer: CustomerID(2), text: "line\u{1B}]0;pwned\u{07}",
                                                    at: Timestamp(milliseconds: 1_795_395_600_000))).record()])
        for args in [["customer", "list"], ["customer", "show", "c2"], ["history", "c2"], ["customer", "search", "evil"]] {
            let r = try cli.run(args)
            #expect(r.status == 0, "\(args): \(r.err)")
            #expect(!r.out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(args)")
            #expect(r.out.contains("evil␛[31mred<U+009B>"), "\(args): \(r.out)")
        }
        let json = try cli.run("customer", "show", "c2", "--json")
        #expect(!json.out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" })
        #expect(json.out.contains(#"evil\u001b[31mred\u009b2J\u202e"#))
        // An error echoing what was typed shows it harmlessly too.
        let missing = try cli.run("customer", "show", "x\u{1B}]0;title\u{07}")
        #expect(missing.status == 64 && missing.err.contains("x␛]0;title␇") && !missing.err.contains("\u{1B}"))
    }

    /// A terminal set to GBK passes bytes that are not UTF-8: refused, not
    /// stored as U+FFFD.
    @Test func anArgumentThatIsNotUTF8IsRefused() throws {
        let cli = CLI()
        defer { cli.remove() }
        let gbk: [UInt8] = [0xD5, 0xC5, 0xCE, 0xB0]   // 张伟 in GBK
        let r = try cli.run(bytes: [Array("customer".utf8), Array("add".utf8), gbk])
        #expect(r.status == 64)
        #expect(r.err.contains("argument 3 is not valid UTF-8") && r.err.contains("GBK"))
        #expect(!FileManager.default.fileExists(atPath: cli.log))
    }

    @Test func anEmptyDataPathNeverFallsBackToTheRealLog() throws {
        let cli = CLI()
        defer { cli.remove() }
        let real = cli.dir + "/.local/share/rapport/rapport.log"
        let a = try cli.run(["customer", "add", "X"], with: ["RAPPORT_DATA": ""])
        #expect(a.status == 64 && a.err.contains("RAPPORT_DATA is set but empty"))
        let b = try cli.run(["--data", "", "customer", "add", "X"], with: ["RAPPORT_DATA": nil])
        #expect(b.status == 64 && b.err.contains("--data is empty"))
        #expect(!FileManager.default.fileExists(atPath: real))
    }

    /// A truncated checkpoint once crashed every command (a trap in the reader).
    @Test func aTruncatedCheckpointIsIgnoredAndTheLogRefolded() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--customers", "6000").status == 0)
        let checkpoint = cli.log + ".checkpoint"
        let good = try #require(FileManager.default.contents(atPath: checkpoint))
        let expected = try cli.run("report", "funnel").out
        for cut in [100_000, 1000, 17, good.count - 1] {
            FileManager.default.createFile(atPath: checkpoint, contents: good.prefix(cut))
            let r = try cli.run("report", "funnel")
            #expect(r.status == 0, "cut at \(cut): \(r.err)")
            #expect(r.out == expected)
        }
    }

    /// Opening samples the prefix a checkpoint vouches for; `check` hashes
    /// all of it, and a checkpoint whose prefix changed (here, damage in the
    /// middle) is removed, so that every command meets the damage again.
    @Test func checkReadsTheWholeLogInLittleMemoryAndDropsAStaleCheckpoint() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--customers", "6000").status == 0)
        let checkpoint = cli.log + ".checkpoint"
        #expect(FileManager.default.fileExists(atPath: checkpoint))
        let sound = try cli.run("check")
        let size = try #require(FileManager.default.attributesOfItem(atPath: cli.log)[.size] as? Int)
        #expect(sound.status == 0 && sound.out.contains("ok:"))
        let tiny = CLI()
        defer { tiny.remove() }
        try tiny.run("customer", "add", "A")
        let base = try tiny.run("check").maxRSSKilobytes
        // Before, every record stayed in memory: twice the log's size above the base.
        #expect((sound.maxRSSKilobytes - base) * 1024 < size, "peak \(sound.maxRSSKilobytes) kB (\(base) kB on one record) for \(size) bytes")
        #expect(FileManager.default.fileExists(atPath: checkpoint))

        var bytes = try #require(FileManager.default.contents(atPath: cli.log))
        let middle = bytes.count / 2
        let quote = try #require(bytes[middle...].firstIndex(of: UInt8(ascii: "\"")))
        bytes[quote + 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: cli.log))
        let damaged = try cli.run("check")
        #expect(damaged.status == 65, "\(damaged.err)")
        #expect(damaged.err.contains("no longer match its checkpoint"))
        #expect(!FileManager.default.fileExists(atPath: checkpoint))
        #expect(try cli.run("report", "funnel").status == 65)
    }

    /// A gigabyte of zeros at the end once meant 3 GB of memory and 11 s.
    @Test func aZeroTailIsCutOffInBoundedMemory() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        let size = try #require(FileManager.default.attributesOfItem(atPath: cli.log)[.size] as? Int)
        #expect(truncate(cli.log, off_t(size) + (1 << 30)) == 0)
        let r = try cli.run("customer", "list")
        #expect(r.status == 0 && r.out.contains("c1"))
        #expect(r.err.contains("1,073,741,824 zero bytes"))
        #expect(r.maxRSSKilobytes < 200_000, "peak memory \(r.maxRSSKilobytes) kB")
        #expect(try FileManager.default.attributesOfItem(atPath: cli.log)[.size] as? Int == size)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.dir).filter { $0.contains("torn") }.isEmpty)
    }

    /// A record of a newer version once vanished silently, and its id was
    /// given to the next customer.
    @Test func aNewerRecordIsWarnedAboutAndTheLogIsNotWrittenTo() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        try cli.run("customer", "add", "B")
        try Self.append(cli, [NewRecord(type: "customer.created", version: 99, payload: .object(["id": "c3", "name": "Future"]))])
        let list = try cli.run("customer", "list")
        #expect(list.status == 0 && list.err.contains("1 record this version of rapport cannot read"))
        let before = cli.logBytes
        let add = try cli.run("customer", "add", "Zed")
        #expect(add.status == 65 && add.err.contains("upgrade rapport"))
        #expect(cli.logBytes == before)
    }

    @Test func asOfNowAndTodaySeeEverythingDespiteAFastClock() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        try cli.run("deal", "add", "c1", "first", "--value", "100")
        try cli.run(["deal", "add", "c1", "ahead", "--value", "10"], with: ["RAPPORT_NOW": "2026-11-23T09:15:00+08:00"])
        try cli.run("deal", "add", "c1", "third", "--value", "1000")
        for args in [["report", "funnel"], ["report", "funnel", "--as-of", "now"], ["report", "funnel", "--as-of", "today"]] {
            let r = try cli.run(args + ["--json"])
            #expect(r.status == 0, "\(args): \(r.err)")
            #expect(r.out.contains(#""count":3"#), "\(args): \(r.out)")
        }
    }

    /// POSIX zones count west: TZ=UTC+5 is five hours behind UTC.
    @Test func aPosixTimeZoneKeepsItsSign() throws {
        var cli = CLI(now: "2026-11-23T17:00:00Z")
        defer { cli.remove() }
        cli.environment["TZ"] = "UTC+5"
        try cli.run("customer", "add", "A")
        let f = try cli.run("followup", "add", "c1", "today 15:00", "--json")
        #expect(f.status == 0, "\(f.err)")
        let list = try cli.run(["followup", "list", "--json"], with: ["TZ": "UTC"])
        #expect(list.out.contains("2026-11-23T20:00:00+00:00"), "\(list.out)")
        let unknown = try cli.run(["followup", "list"], with: ["TZ": "Mars/Olympus"])
        #expect(unknown.err.contains("TZ=Mars/Olympus is not a time zone this system knows"))
    }

    @Test func undoConflictsExit75AndNameWhatDependsOnTheAction() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("--actor", "u", "customer", "add", "A")
        try cli.run("--actor", "u", "deal", "add", "c1", "X", "--stage", "presentation")
        try cli.run("--actor", "u", "deal", "move", "d1", "approach")
        try cli.run("--actor", "v", "deal", "move", "d1", "closing")
        let before = cli.logBytes
        let moved = try cli.run("--actor", "u", "undo")
        #expect(moved.status == 75 && moved.err.contains("has changed since"))
        try cli.run("--actor", "li", "customer", "add", "Orphan Co")
        try cli.run("--actor", "wang", "deal", "add", "c2", "Big deal", "--value", "1000")
        let orphan = try cli.run("--actor", "li", "undo")
        #expect(orphan.status == 75)
        #expect(orphan.err.contains("c2 Orphan Co has deal d2 Big deal, added since by wang"), "\(orphan.err)")
        #expect(try cli.run("deal", "list", "--json").out.contains("Big deal"))
        #expect(cli.logBytes.count > before.count)
    }

    /// A writer stopped with Ctrl-Z once froze every command, forever.
    @Test func aStoppedLockHolderNeitherFreezesReadersNorWritersForever() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        let holder = try ChildProcess.spawn("/usr/bin/flock", [Array("-o".utf8), Array(cli.log.utf8), Array("sleep".utf8), Array("60".utf8)],
                                            environment: ["PATH": "/usr/bin:/bin"], stdin: "/dev/null",
                                            stdout: "/dev/null", stderr: "/dev/null")
        defer {
            kill(holder, SIGKILL)
            waitpid(holder, nil, 0)
        }
        usleep(300_000)
        kill(holder, SIGSTOP)
        let started = Date()
        let list = try cli.run("customer", "list")
        #expect(list.status == 0 && list.out.contains("c1"))
        #expect(Date().timeIntervalSince(started) < 5)
        let before = cli.logBytes
        let add = try cli.run(["customer", "add", "B"], with: ["RAPPORT_LOCK_WAIT": "2"])
        #expect(add.status == 75)
        #expect(add.err.contains("waiting for the log lock held by pid \(holder) (flock"), "\(add.err)")
        #expect(add.err.contains("which is stopped"))
        #expect(cli.logBytes == before)
    }

    @Test func smallerDefects() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        // Year 1 keeps four digits.
        let deal = try cli.run("deal", "add", "c1", "Old", "--close", "0001-01-01", "--json")
        #expect(deal.status == 0)
        #expect(try cli.run("deal", "list", "--json").out.contains(#""expectedClose":"0001-01-01""#))
        // The undo message speaks local time.
        try cli.run("followup", "add", "c1", "tomorrow 10:00")
        try cli.run("followup", "snooze", "f1", "2026-11-25 10:00")
        let undo = try cli.run("undo")
        #expect(undo.out.contains("2026-11-24 10:00 → 2026-11-25 10:00"), "\(undo.out)")
        #expect(!undo.out.contains("Z"))
        // check prints the range of times earliest to latest, whatever the order.
        try cli.run(["customer", "add", "Back in time"], with: ["RAPPORT_NOW": "2025-01-01T09:00:00+08:00"])
        let check = try cli.run("check")
        #expect(check.out.contains("2025-01-01T01:00:00.000Z to 2026-11-23"), "\(check.out)")
    }

    /// A final blank line (a text editor) is read past; CR LF endings are
    /// damage that `repair` mends into a copy.
    @Test func editorsLeftoversAreToleratedOrRepaired() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        try cli.run("customer", "add", "B")
        let lf = cli.logBytes
        FileManager.default.createFile(atPath: cli.log, contents: lf + Data([0x0A]))
        #expect(try cli.run("customer", "add", "C").status == 0)
        #expect(try cli.run("check").status == 0)
        let crlf = Data(cli.logBytes.flatMap { $0 == 0x0A ? [UInt8(0x0D), 0x0A] : [$0] })
        FileManager.default.createFile(atPath: cli.log, contents: crlf)
        let damaged = try cli.run("customer", "list")
        #expect(damaged.status == 65 && damaged.err.contains("CR LF") && damaged.err.contains("rapport repair"))
        let repair = try cli.run("repair")
        #expect(repair.status == 0, "\(repair.err)")
        #expect(repair.out.contains("3 records, verified") && repair.out.contains("mv "))
        #expect(cli.logBytes == crlf)
        try FileManager.default.removeItem(atPath: cli.log)
        try FileManager.default.moveItem(atPath: cli.log + ".repaired", toPath: cli.log)
        #expect(try cli.run("customer", "list").out.contains("C"))
    }
}
