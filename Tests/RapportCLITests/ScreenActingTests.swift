import Foundation
import Testing

/// The screen acting from the keyboard, on the real binary in tmux; what it
/// wrote is read back from the log with the command line.
@Suite(.serialized) struct ScreenActingTests {
    /// The events of a customer's history, oldest first, as `type` strings.
    static func history(_ cli: CLI, _ customer: String) throws -> [[String: Any]] {
        let r = try cli.run("history", customer, "--json")
        #expect(r.status == 0, "\(r.err)")
        return ((try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]]) ?? []).reversed()
    }

    /// A salesperson: a new customer, a deal for it, three stages on, won, and a follow-up.
    @Test func theSalespersonsFlow() throws {
        let cli = CLI()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli, width: 160, height: 48)
        try screen.waitFor("Welcome to Rapport")
        try screen.press("n")
        try screen.waitFor("New customer")
        try screen.type("华远建设")
        try screen.press("Tab")
        try screen.type("o")   // organisation
        try screen.press("Tab")
        try screen.type("+86 138 0013 8000")
        try screen.press("C-s")
        try screen.waitFor("added customer c1 华远建设")
        try screen.press("d")
        try screen.waitFor("New deal for 华远建设")
        try screen.type("ERP rollout")
        try screen.press("Tab")
        try screen.type("120000")
        try screen.press("C-s")
        try screen.waitFor("added deal d1 ERP rollout")
        for stage in ["Preparation", "Approach", "Presentation"] {
            try screen.press(">")
            try screen.waitFor("→ \(stage)")
        }
        try screen.press("W")
        try screen.waitFor("Won: d1 ERP rollout")
        try screen.press("C-s")
        try screen.waitFor("won d1 ERP rollout; follow-through begins")
        try screen.press("f")
        try screen.waitFor("Follow-up with 华远建设")
        try screen.type("tomorrow 10:00")
        try screen.press("Tab")
        try screen.type("visit to our")
        try screen.press("Tab")
        try screen.type("check the installation")
        try screen.press("C-s")
        try screen.waitFor("scheduled f4")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
        let types = try Self.history(cli, "c1").map { $0["type"] as? String ?? "" }
        #expect(types == ["customer.created", "deal.created", "deal.moved", "deal.moved", "deal.moved", "deal.won",
                          "purchase.recorded", "followup.scheduled", "followup.scheduled", "followup.scheduled", "followup.scheduled"])
        let list = try cli.run("followup", "list", "--json").out
        #expect(list.contains(#""tactic":"company-visit""#) && list.contains("2026-11-24T10:00:00+08:00"))
    }

    /// A call-centre agent: an inbound caller found by the last digits, the call
    /// with objection, technique and mood, the next step tomorrow at 10:00.
    @Test func theAgentsFlow() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "王芳", "--phone", "+86 139 5555 0123")
        let screen = try TmuxScreen(cli, width: 120, height: 40)
        try screen.waitFor("1 customers")
        try screen.press("/")
        try screen.type("0123")
        try screen.waitFor("+86 139 5555 0123")
        try screen.press("Enter")
        try screen.waitFor("Dossier ─ c1 王芳")
        try screen.press("c")
        try screen.waitFor("Call with 王芳")
        try screen.type("r")          // reached
        try screen.press("Tab")
        try screen.type("ri")         // rising
        try screen.press("Tab")
        try screen.type("price")
        try screen.press("Tab")
        try screen.type("agree")
        try screen.press("Tab")
        try screen.type("wants a volume discount")
        try screen.press("Tab")
        try screen.type("tomorrow 10:00")
        try screen.press("C-s")
        try screen.waitFor("logged call i1 with c1 王芳; next: f1 at 2026-11-24 10:00")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
        let events = try Self.history(cli, "c1")
        let call = try #require(events.first { $0["type"] as? String == "interaction.logged" })
        let text = call["text"] as? String ?? ""
        #expect(text.contains("call in") && text.contains("reached") && text.contains("objection price (agree and offset)")
                && text.contains("mood rising") && text.contains("wants a volume discount"), "\(text)")
        #expect(events.last?["type"] as? String == "followup.scheduled")
    }

    /// Working the queue: two items done and one snoozed, top to bottom.
    @Test func workingTheQueue() throws {
        let cli = CLI()
        defer { cli.remove() }
        for (name, when) in [("甲", "09:30"), ("乙", "10:00"), ("丙", "10:30")] {
            try cli.run("customer", "add", name)
            try cli.run("followup", "add", name, "today \(when)")
        }
        let screen = try TmuxScreen(cli, width: 120, height: 40)
        try screen.waitFor("3 in the queue")
        try screen.press("4", "x")
        try screen.waitFor("Done: f1")
        try screen.type("reached")
        try screen.press("C-s")
        try screen.waitFor("completed f1")
        try screen.press("x")
        try screen.waitFor("Done: f2")
        try screen.press("C-s")
        try screen.waitFor("completed f2")
        try screen.press("z")
        try screen.waitFor("Snooze f3")
        try screen.type("3")   // tomorrow 9:00
        try screen.press("C-s")
        try screen.waitFor("snoozed f3 to 2026-11-24 09:00")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
        let list = try cli.run("followup", "list", "--all", "--json").out
        #expect(list.contains(#""id":"f1""#) && list.components(separatedBy: #""status":"done""#).count == 3)
        #expect(list.contains("2026-11-24T09:00:00+08:00"))
    }

    /// Esc in a half-filled form writes nothing; a change another process
    /// made while a form was open is refused on save, naming it.
    @Test func escapeWritesNothingAndAConflictIsRefused() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "李雷")
        try cli.run("deal", "add", "c1", "Seats", "--value", "1000")
        let before = cli.logBytes
        let screen = try TmuxScreen(cli, width: 120, height: 40)
        try screen.waitFor("1 customers")
        try screen.press("n")
        try screen.type("Half typed")
        try screen.press("Escape")
        try screen.waitFor("Discard what you typed?")
        try screen.press("y")
        try screen.waitFor("form closed") { !$0.contains("New customer") }
        #expect(cli.logBytes == before)
        try screen.press("e")
        try screen.waitFor("Edit d1 Seats")
        try screen.type(" for 20")
        #expect(try cli.run(["deal", "edit", "d1", "--value", "2000"], with: ["RAPPORT_USER": "wang"]).status == 0)
        try screen.press("C-s")
        try screen.waitFor("d1 was changed since the form was opened")
        try screen.waitFor("(wang,")
        #expect(try cli.run("deal", "list", "--json").out.contains(#""title":"Seats""#))
        try screen.press("Escape", "y", "q")
        try screen.waitFor("EXIT=0")
    }
}
