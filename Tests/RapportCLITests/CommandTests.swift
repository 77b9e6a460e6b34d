import Foundation
import Testing

@Suite struct CommandTests {
    @Test func aSalespersonsDayOnTheCommandLine() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("customer", "add", "张伟", "--kind", "organisation", "--company", "Lumen Co.",
                            "--phone", "+86 138 0013 8000", "--size", "large", "--value-type", "profit").line == "c1")
        #expect(try cli.run("customer", "add", "Anna Schmidt", "--email", "anna@example.de", "--owner", "wang").line == "c2")
        #expect(try cli.run("contact", "add", "Lumen", "李雷", "--role", "decision-maker", "--coach").line == "p1")
        #expect(try cli.run("deal", "add", "张伟", "ERP rollout", "--value", "120,000", "--stage", "presentation").line == "d1")
        #expect(try cli.run("deal", "move", "d1", "next").line == "moved d1 ERP rollout: Presentation → Objections")
        // A telephony hook logs an inbound call by the caller's number.
        let call = try cli.run("call", "log", "138 0013 8000", "--direction", "in", "--outcome", "reached", "--mood", "rising",
                               "--objection", "price", "--technique", "postpone", "--note", "wants a volume discount",
                               "--next", "tomorrow 10:00", "--next-tactic", "proposal")
        #expect(call.status == 0 && call.line == "i1")
        #expect(try cli.run("note", "personality", "c1", "driver").status == 0)
        #expect(try cli.run("followup", "add", "Anna", "fri", "--tactic", "phone", "--note", "check budget").line == "f2")
        #expect(try cli.run("complaint", "open", "c2", "invoice wrong").line == "k1")
        #expect(try cli.run("purchase", "add", "c1", "12000").line == "b1")

        let queue = try cli.run("report", "queue")
        #expect(queue.status == 0)
        let lines = queue.out.split(separator: "\n")
        #expect(lines[0] == "0 overdue · 0 today · 3 in the queue")
        #expect(lines[1].contains("k1") && lines[1].contains("resolve complaint: invoice wrong"))
        #expect(lines[2].contains("f1") && lines[2].hasSuffix("due 2026-11-24 10:00 · middle tier · mood rising"))
        #expect(lines[3].contains("f2") && lines[3].contains("Anna Schmidt") && lines[3].hasSuffix("prospect"))

        let funnel = try cli.run("report", "funnel", "--json")
        let object = try JSONSerialization.jsonObject(with: Data(funnel.out.utf8)) as? [String: Any]
        let stages = try #require(object?["stages"] as? [[String: Any]])
        #expect(stages[4]["stage"] as? String == "objections" && stages[4]["count"] as? Int == 1)

        let show = try cli.run("customer", "show", "c1")
        #expect(show.out.contains("李雷") && show.out.contains("coach") && show.out.contains("Driver") && show.out.contains("ERP rollout"))
        let history = try cli.run("history", "c1", "--json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(history.out.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["text"] as? String ?? "" }.prefix(2)
            == ["purchase b1: 12,000 CNY on 2026-11-23", "changed personality of c1 张伟: — → driver"])
        #expect(entries.allSatisfy { $0["actor"] as? String == "li" })

        #expect(try cli.run("undo").line == "undid purchase b1: 12,000 CNY on 2026-11-23 (2026-11-23 09:00)")
        #expect(try cli.run("history", "c1", "--limit", "3").out.contains("purchase b1: 12,000 CNY on 2026-11-23 (undone)"))
        #expect(try cli.run("customer", "search", "伟", "--json").out.contains("\"id\":\"c1\""))
        #expect(try cli.run("check", "--events").status == 0)
    }

    /// Readers answer from the parts of the checkpoint they need exactly as
    /// from the whole log; a change makes the next reader fold and save again.
    @Test func readersAnswerFromTheCheckpointAsFromTheLog() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--customers", "5000").status == 0)
        let commands = [["customer", "search", "张"], ["customer", "search", "8707", "--json"], ["customer", "search", "li", "--limit", "50"],
                        ["report", "funnel", "--json", "--deals"], ["report", "queue", "--limit", "0", "--json"]]
        func answers() throws -> [String] {
            try commands.map { args in
                let r = try cli.run(args)
                #expect(r.status == 0, "\(args): \(r.err)")
                return r.out
            }
        }
        let fromCheckpoint = try answers()
        try FileManager.default.removeItem(atPath: cli.log + ".checkpoint")
        #expect(try answers() == fromCheckpoint)   // folded from the log (which saves a checkpoint again)
        #expect(FileManager.default.fileExists(atPath: cli.log + ".checkpoint"))
        try cli.run("customer", "add", "Zhang Newcomer", "--phone", "+86 139 8707 0000")
        let after = try cli.run("customer", "search", "Newcomer")
        #expect(after.status == 0 && after.out.contains("Zhang Newcomer"))
        #expect(try cli.run("customer", "search", "Newcomer").out == after.out)   // from the checkpoint saved by the first
    }

    @Test func listsAndShowsSpeakJSONWithDomainFieldNames() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "张伟", "--size", "large")
        try cli.run("deal", "add", "c1", "ERP", "--value", "5000.50", "--close", "2026-12-31")
        let deals = try JSONSerialization.jsonObject(with: Data(try cli.run("deal", "list", "--json").out.utf8)) as? [[String: Any]]
        let deal = try #require(deals?.first)
        #expect(deal["id"] as? String == "d1" && deal["customer"] as? String == "c1" && deal["stage"] as? String == "prospecting")
        #expect(deal["value"] as? String == "5000.50" && deal["probability"] as? Int == 10 && deal["tier"] as? String == "top")
        #expect(deal["expectedClose"] as? String == "2026-12-31")
        let created = try JSONSerialization.jsonObject(with: Data(try cli.run("customer", "add", "Anna", "--json").out.utf8)) as? [String: Any]
        #expect(created?["created"] as? String == "c2")
        let customers = try JSONSerialization.jsonObject(with: Data(try cli.run("customer", "list", "--json").out.utf8)) as? [[String: Any]]
        #expect(customers?.map { $0["name"] as? String } == ["Anna", "张伟"])
    }

    @Test func theQueueAndFunnelAnswerAsOfAPastDate() throws {
        var cli = CLI(now: "2026-11-10T09:00:00+08:00")
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        try cli.run("deal", "add", "c1", "X", "--stage", "approach")
        cli.environment["RAPPORT_NOW"] = "2026-11-20T09:00:00+08:00"
        try cli.run("deal", "move", "d1", "closing")
        let before = try cli.run("report", "funnel", "--as-of", "2026-11-15", "--json").out
        #expect(before.contains(#""stage":"approach","number":3,"count":1"#))
        let now = try cli.run("report", "funnel", "--json").out
        #expect(now.contains(#""stage":"closing","number":6,"count":1"#))
        #expect(try cli.run("report", "queue", "--as-of", "2026-11-15").out.hasPrefix("as of 2026-11-15 23:59"))
        let future = try cli.run("report", "queue", "--as-of", "2027-01-01")
        #expect(future.status == 64 && future.err.contains("in the future"))
    }

    @Test func theDemoFillsAnEmptyLogOnlyUnlessToldToAppend() throws {
        let cli = CLI()
        defer { cli.remove() }
        let demo = try cli.run("demo", "--customers", "40", "--seed", "3")
        #expect(demo.status == 0 && demo.line.hasPrefix("wrote 40 customers in"))
        let size = cli.logBytes.count
        let again = try cli.run("demo")
        #expect(again.status == 64 && again.err.contains("already holds") && again.err.contains("--append"))
        #expect(cli.logBytes.count == size)
        #expect(try cli.run("demo", "--customers", "5", "--append").status == 0)
        #expect(try cli.run("check", "--events").status == 0)
    }
}

/// `customer merge` on the real binary.
@Suite struct MergeCommandTests {
    @Test func mergingDuplicatesFromTheCommandLine() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "张伟", "--phone", "138 0013 8000")
        try cli.run("customer", "add", "张伟 old", "--email", "zw@lumen.example")
        try cli.run("deal", "add", "c2", "ERP", "--value", "5000")
        let merged = try cli.run("customer", "merge", "c1", "c2")
        #expect(merged.status == 0, "\(merged.err)")
        #expect(merged.line == "merged c2 张伟 old into c1 张伟: moved 1 deal; emails filled from c2")
        let history = try cli.run("history", "c2")
        #expect(history.err.contains("c2 was merged into c1; using c1"))
        #expect(history.out.contains("merged c2 张伟 old into c1 张伟") && history.out.contains("opened deal d1 ERP"))
        #expect(try cli.run("customer", "list", "--json").out.contains(#""id":"c2""#) == false)
        let again = try cli.run("customer", "merge", "c1", "c1")
        #expect(again.status == 64 && again.err.contains("cannot be merged into itself"))
        #expect(try cli.run("undo").line.hasPrefix("undid merged c2"))
        #expect(try cli.run("deal", "list", "--json").out.contains(#""customer":"c2""#))
    }
}

/// Follow-ups given to reps, on the command line.
@Suite struct FollowUpOwnerCommandTests {
    @Test func assigningAndListingByOwner() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        #expect(try cli.run("followup", "add", "c1", "tomorrow 10:00").line == "f1")
        #expect(try cli.run("followup", "add", "c1", "tomorrow 11:00", "--owner", "wang").line == "f2")
        #expect(try cli.run("followup", "list", "--owner", "wang", "--json").out.contains(#""id":"f2""#))
        #expect(!(try cli.run("followup", "list", "--owner", "wang", "--json").out.contains(#""id":"f1""#)))
        #expect(try cli.run("followup", "assign", "f1", "chen").line == "gave f1 to chen")
        let mine = try cli.run(["report", "queue", "--mine", "--json"], with: ["RAPPORT_USER": "chen"])
        #expect(mine.out.contains(#""f1""#) && !mine.out.contains(#""f2""#))
        let both = try cli.run("report", "queue", "--mine", "--owner", "x")
        #expect(both.status == 64)
    }
}
