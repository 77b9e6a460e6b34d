import Foundation
import Testing

/// The screen while its log changes around it: moved away and back, replaced,
/// cut short, its disk full; and the terminal: Ctrl-Z then fg, a storm of
/// resizes. The screen says what happened on its status line, saves nothing
/// anywhere but the log it read, never crashes, and recovers when it can.
@Suite(.serialized) struct ScreenFileFaultTests {
    static func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    /// Opens the new-customer form, types `name`, saves.
    static func addCustomer(_ screen: TmuxScreen, _ name: String) throws {
        try screen.press("n")
        try screen.waitFor("New customer")
        try screen.type(name)
        try screen.press("C-s")
    }

    @Test func aLogMovedAwayStopsSavingUntilItIsBack() throws {
        let cli = try ScreenTests.demo()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli, width: 200)
        try screen.waitFor("60 customers")
        let moved = cli.dir + "/moved.log"
        #expect(rename(cli.log, moved) == 0)
        try screen.waitFor("the log was moved or deleted: showing what was read; nothing is saved until it is back")
        let before = Self.bytes(moved)
        try Self.addCustomer(screen, "华远建设")
        try screen.waitFor("no log at \(cli.log); nothing was saved")
        #expect(!FileManager.default.fileExists(atPath: cli.log))   // not created afresh
        #expect(Self.bytes(moved) == before)                           // nor written to where it went
        #expect(rename(moved, cli.log) == 0)
        try screen.waitFor("the log reads again")
        try screen.press("C-s")   // the form was kept: save it now
        try screen.waitFor("added customer c61 华远建设")
        #expect(try cli.run("check").status == 0)
        #expect(try cli.run("customer", "show", "c61").out.contains("华远建设"))
    }

    @Test func aLogReplacedByAnotherFileIsNeverWrittenThroughTheOldOne() throws {
        let cli = try ScreenTests.demo()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli, width: 200)
        try screen.waitFor("60 customers")
        let original = cli.dir + "/original.log"
        #expect(link(cli.log, original) == 0)   // keeps the old file reachable
        let copy = cli.dir + "/copy.log"
        try Self.bytes(cli.log).write(to: URL(fileURLWithPath: copy))
        #expect(rename(copy, cli.log) == 0)
        try screen.waitFor("the log was replaced or cut short by another program: showing what was read; nothing is saved; restart rapport to read it")
        let old = Self.bytes(original), new = Self.bytes(cli.log)
        try Self.addCustomer(screen, "华远建设")
        try screen.waitFor("nothing was saved")
        #expect(Self.bytes(original) == old && Self.bytes(cli.log) == new)
        try screen.press("Escape")
        try screen.waitFor("Discard what you typed?")
        try screen.press("y")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
    }

    /// Cut short by another program: no signal (the checkpoint seal once
    /// read the log through a mapping) and no crash; the screen keeps answering.
    @Test func aLogCutShortKeepsTheScreenAnswering() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--customers", "4000").status == 0)   // with a checkpoint
        let screen = try TmuxScreen(cli, width: 200)
        try screen.waitFor("4,000 customers")
        let size = Self.bytes(cli.log).count
        #expect(truncate(cli.log, off_t(size / 3)) == 0)
        try screen.waitFor("was replaced or cut short by another program")
        try screen.press("/")
        try screen.type("Schmidt")
        try screen.waitFor("Schmidt")
        try screen.press("Escape")
        try Self.addCustomer(screen, "华远建设")
        try screen.waitFor("nothing was saved")
        #expect(Self.bytes(cli.log).count == size / 3)
        try screen.press("Escape")
        try screen.waitFor("Discard what you typed?")
        try screen.press("y")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
    }

    /// The form stays open with what was typed, saying why; once there is
    /// room again, Ctrl-S saves it.
    @Test(.enabled(if: SmallDisk.unavailable == nil, Comment(rawValue: SmallDisk.unavailable ?? "")))
    func aFullDiskKeepsTheFormAndItsText() throws {
        let base = CLI()
        defer { base.remove() }
        let disk = try SmallDisk(megabytes: 2, in: base.dir)
        let (cli, log) = FileSystemFaultTests.cli(on: disk, base)
        #expect(try cli.run("demo", "--customers", "60").status == 0)
        let screen = try TmuxScreen(cli, width: 200)
        try screen.waitFor("60 customers")
        disk.fill()
        let before = Self.bytes(log)
        try screen.press("c")
        try screen.waitFor("Call with")
        try screen.type("r")
        try screen.press("Tab", "Tab", "Tab", "Tab")
        try screen.type(String(repeating: "客户要求详细的报价和交付时间表。", count: 150))   // more than a page's slack
        try screen.press("C-s")
        try screen.waitFor("the disk is full")
        #expect(try screen.capture().contains("Call with"))
        #expect(Self.bytes(log) == before)
        disk.free()
        try screen.press("C-s")
        try screen.waitFor("logged call")
        #expect(try cli.run("check").status == 0)
    }

    /// Ctrl-Z gives the shell its terminal back; fg brings the screen back whole.
    @Test func suspendingAndResumingRestoresTheScreen() throws {
        let cli = try ScreenTests.demo()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli, width: 120, height: 36, inShell: true)
        let first = try screen.waitFor("60 customers")
        try screen.press("C-z")
        try screen.waitFor("Stopped")
        #expect(try screen.value("#{alternate_on}") == "0")
        try screen.type("fg")
        try screen.press("Enter")
        let back = try screen.waitFor("60 customers")
        #expect(try screen.value("#{alternate_on}") == "1")
        #expect(back == first)
        try screen.press("j")   // and it answers keys
        try screen.waitFor("the frame changes") { $0 != first }
        try screen.press("q")
        try screen.waitFor("the shell's prompt") { $0.split(separator: "\n").last == "$" }
        try screen.type("echo EXIT=$?")
        try screen.press("Enter")
        try screen.waitFor("EXIT=0")
    }

    /// However the size changed on the way, the frame at the end is the one
    /// a screen started at that size draws.
    @Test func aStormOfResizesEndsInACorrectFrame() throws {
        let cli = try ScreenTests.demo()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli, width: 120, height: 36)
        try screen.waitFor("60 customers")
        var random = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            try screen.resize(Int.random(in: 40...220, using: &random), Int.random(in: 10...60, using: &random))
        }
        try screen.resize(131, 41)
        let fresh = try TmuxScreen(cli, width: 131, height: 41)
        let expected = try fresh.waitFor("60 customers")
        try screen.waitFor("the frame a fresh screen draws at 131 × 41") { $0 == expected }
        #expect(try screen.value("#{pane_dead}") == "0")
    }
}
