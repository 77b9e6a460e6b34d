import Foundation
import Testing

/// The seed's method from the command line, as a rep would use it: what the
/// stages record, the win and its follow-through, a call's consequences,
/// value, satisfaction, installed products, complaints and a sweep.
@Suite struct MethodCommandTests {
    static func json(_ r: CLI.Result) throws -> Any { try JSONSerialization.jsonObject(with: Data(r.out.utf8)) }

    /// The queue's items as `text — explanation`.
    static func queue(_ cli: CLI) throws -> [String] {
        let items = try #require(try json(cli.run("report", "queue", "--json")) as? [[String: Any]])
        return items.map { "\($0["text"] as? String ?? "") — \($0["explanation"] as? String ?? "")" }
    }

    @Test func aDealThroughItsStagesToAConfirmedFollowThrough() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "海天医疗", "--kind", "organisation", "--need", "yes", "--can-pay", "yes", "--authority", "no",
                    "--source", "referral")
        try cli.run("deal", "add", "c1", "Imaging suite", "--value", "250000")
        try cli.run("deal", "move", "d1", "preparation", "--contact-time", "Tue mornings", "--plan", "demo the PACS")
        // Skipping approach's content, and going past it with authority not confirmed: done, with two warnings.
        let skip = try cli.run("deal", "move", "d1", "presentation", "--presentation", "need-satisfaction")
        #expect(skip.status == 0 && skip.out.hasPrefix("moved d1 Imaging suite: Preparation → Presentation"))
        #expect(skip.err.contains("warning: d1 left Approach without its appointment and approach method"), "\(skip.err)")
        #expect(skip.err.contains("warning: c1 海天医疗 is not a qualified prospect (authority not confirmed)"))
        let flagged = try #require(try Self.json(cli.run("deal", "list", "--flagged", "--json")) as? [[String: Any]])
        #expect(flagged.first?["skippedStages"] as? [String] == ["approach"] && flagged.first?["unqualified"] as? Bool == true)
        try cli.run("deal", "edit", "d1", "--appointment-at", "2026-11-20 10:00", "--approach", "referral")
        try cli.run("customer", "edit", "c1", "--authority", "yes")
        #expect(try cli.run("deal", "list", "--flagged").out.contains("d1") == false)

        let win = try cli.run("deal", "win", "d1", "--delivery", "+3d", "--in-use", "+30d", "--json")
        let won = try #require(try Self.json(win) as? [String: Any])
        #expect((won["summary"] as? String)?.contains("purchase b1 of 250,000 CNY; delivery check f1 at 2026-11-26 09:00") == true)
        let deal = try #require((try Self.json(cli.run("deal", "list", "--json")) as? [[String: Any]])?.first)
        #expect(deal["stage"] as? String == "follow-through" && deal["outcome"] as? String == "won" && deal["followingThrough"] as? Bool == true)
        #expect(try cli.run("report", "funnel").out.contains("Follow-through"))
        #expect(try cli.run("deal", "complete", "d1", "--note", "installed").status == 0)
        #expect(try cli.run("deal", "complete", "d1").err.contains("already complete"))
        // The board of the past still shows the deal open, in Presentation.
        let past = try #require(try Self.json(cli.run("deal", "list", "--as-of", "2026-11-22", "--json")) as? [[String: Any]])
        #expect(past.isEmpty)   // the clock's log began today: nothing existed yesterday
        let history = try cli.run("history", "c1").out
        #expect(history.contains("won d1 Imaging suite: follow-through begins") && history.contains("completed the follow-through of d1"))
    }

    @Test func aCallsOutcomeBringsItsConsequencesInOneBatch() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "王芳")
        try cli.run("call", "log", "c1", "--outcome", "order", "--amount", "5000", "--note", "spare parts")
        try cli.run("call", "log", "c1", "--outcome", "complaint", "--note", "calibration is off")
        let back = try cli.run("call", "log", "c1", "--outcome", "call-back", "--next", "tomorrow 15:00", "--json")
        #expect((try Self.json(back) as? [String: Any])?["events"] as? Int == 2)
        let dossier = try #require(try Self.json(cli.run("customer", "show", "c1", "--json")) as? [String: Any])
        #expect((dossier["purchases"] as? [[String: Any]])?.first?["amount"] as? String == "5000.00")
        #expect((dossier["complaints"] as? [[String: Any]])?.first?["summary"] as? String == "calibration is off")
        let next = try #require((dossier["openFollowUps"] as? [[String: Any]])?.first)
        #expect(next["tactic"] as? String == "phone" && (next["note"] as? String)?.hasPrefix("call back") == true)

        // The complaint worked to a confirmed resolution.
        try cli.run("complaint", "step", "k1", "engineer visit booked")
        #expect(try cli.run("complaint", "confirm", "k1", "--satisfied", "yes").err.contains("is not resolved yet"))
        try cli.run("complaint", "resolve", "k1", "--resolution", "recalibrated")
        try cli.run("followup", "done", "f1", "--outcome", "reached")   // called back; nothing else scheduled with her now
        #expect(try Self.queue(cli).contains("ask whether the resolution of k1 satisfies them — prospect · resolved today, satisfaction not confirmed"))
        try cli.run("complaint", "confirm", "k1", "--satisfied", "yes")
        let list = try #require(try Self.json(cli.run("complaint", "list", "--json")) as? [[String: Any]])
        #expect(list.first?["satisfied"] as? Bool == true && (list.first?["steps"] as? [[String: Any]])?.count == 1)
        #expect(try cli.run("complaint", "list", "--open").out == "no complaints\n")
    }

    @Test func valueSatisfactionProductsAndASweep() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "Lumen", "--kind", "organisation", "--size", "large", "--contribution", "profit",
                    "--sensitive-to", "price", "--horizon", "long", "--switching-barrier", "high", "--lock-in", "prepayment",
                    "--shift-sign", "purchasing-joined", "--experience", "inexperienced")
        try cli.run("contact", "add", "c1", "周娟", "--role", "user", "--coach", "--coach-criterion", "true-information")
        try cli.run("contact", "add", "c1", "王强", "--role", "purchaser")
        try cli.run("contact", "edit", "p1", "--coach-criterion", "true-information", "--coach-criterion", "volunteers")
        try cli.run("customer", "add", "Quiet Co", "--size", "large", "--do-not-contact", "yes")
        let show = try cli.run("customer", "show", "c1").out
        #expect(show.contains("matrix: relationship 关系型营销") && show.contains("beware the price-sensitivity trap"))
        #expect(show.contains("big customer 大客户: the buyer is not the user"))
        #expect(show.contains("周娟: 2 of 4 criteria") && show.contains("buyer turning experienced"))
        #expect(show.contains("interaction strategy not set; the seed points to differential (profit contribution)"))

        // Satisfaction falls: the queue says so, in words.
        try cli.run("satisfaction", "add", "c1", "--scores", "5 5 5 5 5 5 5 5 5 5 5 5 1 5 5", "--date", "2026-06-01")
        try cli.run("satisfaction", "add", "c1", "--scores", "4 3 4 4 3 4 4 3 3 4 3 4 2 4 4")
        #expect(try Self.queue(cli).contains("satisfaction falling: call to learn why — prospect · satisfaction 3.7 of 5, down from 5.0"
                                             + " · buyer turning experienced (purchasing joins the decisions): expect price and performance talk"))
        let surveys = try #require(try Self.json(cli.run("satisfaction", "list", "c1", "--json")) as? [[String: Any]])
        #expect(surveys.count == 2 && surveys.first?["score"] as? Double ?? 0 < 4)

        // An installed product gets its check-ups; taking it out of service cancels them.
        let added = try cli.run("product", "add", "c1", "CT scanner", "--installed", "2026-05-10", "--service-every", "6m", "--json")
        #expect((try Self.json(added) as? [String: Any])?["summary"] as? String == "installed a1 CT scanner at c1 Lumen; first check-up f1 on 2027-05-10")
        #expect(try cli.run("product", "list").out.contains("2027-05-10 10:00"))
        try cli.run("product", "remove", "a1")
        #expect(try cli.run("followup", "list").out.contains("f1") == false)

        // A sweep over the large customers leaves out the one not to be contacted, and calls again until satisfied.
        let sweep = try cli.run("sweep", "start", "winter check", "--segment", "size=large", "--due", "tomorrow 10:00")
        #expect(sweep.out.contains("started sweep winter check: 1 customers") && sweep.out.contains("(1 not to be contacted left out)"))
        try cli.run("followup", "done", "f2", "--outcome", "reached", "--satisfied", "no")
        #expect(try cli.run("sweep", "list").out.contains("winter check          1          0        1  under way"))
        try cli.run("followup", "done", "f3", "--outcome", "reached", "--satisfied", "yes")
        #expect(try cli.run("sweep", "list").out.contains("winter check          1          1        0  finished"))
        #expect(try cli.run("customer", "list", "--segment", "matrix=relationship").out.contains("Lumen"))
    }
}
