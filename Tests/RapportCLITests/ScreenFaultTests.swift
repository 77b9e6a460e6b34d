import ChildProcess
import Foundation
import RapportCore
import Testing

/// The screen under faults from outside: signals, another program's damage
/// to the log, a lock held by a stopped process, enormous notes.
@Suite(.serialized) struct ScreenFaultTests {
    /// Sends `signal` to the rapport running in the screen's pane.
    static func signal(_ screen: TmuxScreen, _ name: String) throws {
        let shell = try screen.value("#{pane_pid}")
        let r = try ChildProcess.run("/usr/bin/pkill", ["-\(name)", "-P", shell, "rapport"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(r.status == 0, "pkill -\(name): \(r.err)")
    }

    /// Every signal that ends the program gives the terminal back first: the
    /// alternate screen left, the cursor shown; Ctrl-\ prints no backtrace.
    @Test(arguments: [("TERM", 15), ("QUIT", 3), ("USR1", 10), ("HUP", 1), ("INT", 2), ("ALRM", 14)])
    func everyEndingSignalRestoresTheTerminal(name: String, number: Int) throws {
        let cli = try ScreenTests.demo()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli, width: 100, height: 30)
        try screen.waitFor("60 customers")
        try Self.signal(screen, name)
        let shown = try screen.waitFor("EXIT=\(128 + number)")
        #expect(try screen.value("#{alternate_on}") == "0")
        #expect(try screen.value("#{cursor_flag}") == "1")
        #expect(!shown.contains("Backtracing") && !shown.contains("Press space"))
    }

    /// A crash restores the terminal, says where the report is, and never
    /// waits for a key.
    @Test func aCrashRestoresTheTerminalAndWritesItsReportAside() throws {
        let cli = try ScreenTests.demo()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli, width: 120, height: 30)
        try screen.waitFor("60 customers")
        try Self.signal(screen, "SEGV")
        let shown = try screen.waitFor("EXIT=139", timeout: 30)
        #expect(try screen.value("#{alternate_on}") == "0")
        #expect(shown.contains("rapport: crashed; the terminal was restored"))
        #expect(!shown.contains("Press space"))
        let reports = try FileManager.default.contentsOfDirectory(atPath: cli.dir + "/.local/state/rapport")
        #expect(reports.contains { $0.hasPrefix("crash-") })
    }

    /// Another program appending a damaged line once made the screen exit 65.
    @Test func aDamagedLineAppendedByAnotherProgramKeepsTheScreenGoing() throws {
        let cli = try ScreenTests.demo()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli)
        try screen.waitFor("60 customers")
        let fd = open(cli.log, O_WRONLY | O_APPEND)
        _ = Array("{\"not\": \"a record\"}\n{\"nor\": \"this\"}\n".utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        try screen.waitFor("log damaged at line")
        try screen.press("Tab")
        try screen.press("?")
        try screen.waitFor("Keys")
        try screen.press("Escape")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
    }

    /// A writer stopped with Ctrl-Z once froze the screen: keys, q and
    /// SIGTERM all waited for it.
    @Test func aStoppedLockHolderLeavesTheScreenAnswering() throws {
        let cli = try ScreenTests.demo()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli)
        try screen.waitFor("60 customers")
        let holder = try ChildProcess.spawn("/usr/bin/flock", [Array("-o".utf8), Array(cli.log.utf8), Array("sleep".utf8), Array("60".utf8)],
                                            environment: ["PATH": "/usr/bin:/bin"], stdin: "/dev/null",
                                            stdout: "/dev/null", stderr: "/dev/null")
        defer {
            kill(holder, SIGKILL)
            waitpid(holder, nil, 0)
        }
        usleep(300_000)
        kill(holder, SIGSTOP)
        try screen.waitFor("by pid \(holder) (flock")
        try screen.press("?")
        try screen.waitFor("Keys")
        try screen.press("Escape")
        kill(holder, SIGKILL)
        try screen.waitFor("the log's lock is free again")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
    }

    /// Five notes of 131,000 characters once took 8.5 s to show and 7.9 s per key.
    @Test func enormousNotesInTheLogDoNotSlowTheScreen() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "Long")
        let store = try LogStore.open(path: cli.log, actor: "hook")
        let text = String(repeating: "x", count: 131_000)
        try store.append((1...5).map { n in
            Event.noteAdded(Note(id: NoteID(Int32(n)), customer: CustomerID(1), text: text, at: Timestamp(milliseconds: 1_795_395_600_000))).record()
        })
        let screen = try TmuxScreen(cli, width: 120, height: 40)
        try screen.waitFor("1 customers")
        try screen.press("/")
        try screen.type("Long")
        try screen.waitFor("c1")
        try screen.press("Enter")
        try screen.waitFor("Dossier ─ c1 Long", timeout: 5)
        for pane in ["3", "2", "3"] {
            try screen.press(pane)
            try screen.waitFor("pane \(pane) focused", timeout: 3) { _ in true }
        }
        try screen.waitFor("the notes, cut to fit", timeout: 3) { $0.contains("xxxxxxxx…") }
        try screen.press("q")
        try screen.waitFor("EXIT=0", timeout: 3)
    }
}
