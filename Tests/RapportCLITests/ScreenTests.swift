import ChildProcess
import Foundation
import Testing

/// The screen as a person sees it: the real binary in tmux, keys sent, the pane read.
@Suite(.serialized) struct ScreenTests {
    /// A log with a 60-customer demo business.
    static func demo() throws -> CLI {
        let cli = CLI()
        let r = try cli.run("demo", "--customers", "60")
        #expect(r.status == 0, "\(r.err)")
        return cli
    }

    /// The first Chinese customer name in the demo, and its id.
    static func chineseCustomer(_ cli: CLI) throws -> (id: String, name: String) {
        let list = try cli.run("customer", "list", "--limit", "0", "--json")
        let rows = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as! [[String: Any]]
        let row = try #require(rows.first { ($0["name"] as! String).unicodeScalars.first!.value >= 0x4E00 })
        return (row["id"] as! String, row["name"] as! String)
    }

    @Test func panesSearchThemesResizeAndQuit() throws {
        let cli = try ScreenTests.demo()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli)
        try screen.waitFor("Follow-ups ─")
        let full = try screen.waitFor("60 customers")
        #expect(full.contains("Funnel ─") && full.contains("Dossier ─") && full.contains("Personality & mood"))
        #expect(try screen.value("#{alternate_on}") == "1")

        // Search a Chinese name and open its dossier.
        let (id, name) = try ScreenTests.chineseCustomer(cli)
        try screen.press("/")
        try screen.waitFor("Find a customer")
        try screen.type(name)
        try screen.waitFor("\(id)")
        try screen.press("Enter")
        try screen.waitFor("Dossier ─ \(id) \(name)")

        // Switch theme, and a broken theme names its file and line.
        try screen.press(":")
        try screen.type("theme light")
        try screen.press("Enter")
        try screen.waitFor("theme light")
        let themes = cli.dir + "/.config/rapport/themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try "normal 252\nselection pinkish 24\n".write(toFile: themes + "/broken.theme", atomically: true, encoding: .utf8)
        try screen.press(":")
        try screen.type("theme broken")
        try screen.press("Enter")
        try screen.waitFor("broken.theme:2: unknown colour \"pinkish\"")

        // 80×24 shows one pane with tabs; back at 160×48 all four again.
        try screen.resize(80, 24)
        try screen.waitFor("1 Funnel  2 Dossier")
        try screen.press("Tab")
        try screen.waitFor("funnel tab moved on") { $0.contains("Personality & mood ─") || $0.contains("Personality & mood ──") || $0.contains("┌─ Personality & mood") }
        try screen.resize(160, 48)
        try screen.waitFor("all four panes") { s in ["┌─ Funnel", "┌─ Dossier", "┌─ Follow-ups", "┌─ Personality & mood"].allSatisfy(s.contains) }

        // Quit: the terminal is restored.
        try screen.press("q")
        try screen.waitFor("EXIT=0")
        #expect(try screen.value("#{alternate_on}") == "0")
    }

    @Test func anotherProcessesCallShowsWithoutAKey() throws {
        let cli = try ScreenTests.demo()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli)
        try screen.waitFor("60 customers")
        #expect(try cli.run("customer", "add", "外部客户", "--phone", "+86 139 0000 1111").status == 0)
        try screen.waitFor("61 customers")
        try screen.press("/")
        try screen.type("外部")
        try screen.waitFor("+86 139 0000 1111")
        try screen.press("Enter")
        try screen.waitFor("Mood not noted yet")
        let call = try cli.run("call", "log", "外部客户", "--outcome", "reached", "--mood", "complacent", "--note", "外部来电")
        #expect(call.status == 0, "\(call.err)")
        try screen.waitFor("complacent 自满")
        try screen.waitFor("外部来电")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
    }

    @Test func welcomeOnAnEmptyLogWritesTheDemoWithOneKey() throws {
        let cli = CLI()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli, width: 80, height: 24)
        try screen.waitFor("Welcome to Rapport")
        try screen.press("d")
        try screen.waitFor("300 customers")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
        #expect(try cli.run("check").status == 0)
    }

    @Test func noTerminalOrADumbOneGetsOneLine() throws {
        let cli = CLI()
        defer { cli.remove() }
        var piped = cli
        piped.environment["TERM"] = "xterm-256color"
        let r = try piped.run([])
        #expect(r.status == 69)
        #expect(r.err == "rapport: the screen needs a terminal, and stdin or stdout is not one; run rapport in a terminal, or use a subcommand (rapport --help)\n")
        #expect(!FileManager.default.fileExists(atPath: cli.log))
        let screen = try TmuxScreen(cli, width: 220, height: 10, term: "dumb")
        let shown = try screen.waitFor("EXIT=69")
        #expect(shown.contains("rapport: TERM=dumb cannot move the cursor or clear the screen"))
    }
}
