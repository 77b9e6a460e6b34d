import Foundation
import Testing

/// Bad input gets one clear line on stderr and a non-zero exit, and the log
/// stays byte-identical.
@Suite struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        let arguments: [String]
        let message: String
        let status: Int32
        var description: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["call", "log", "c99"], message: "no customer c99", status: 64),
        Case(arguments: ["call", "log", "Nobody"], message: "no customer matches \"Nobody\"", status: 64),
        Case(arguments: ["call", "log", "张伟"], message: "matches 2 customers: c1 张伟明, c2 张伟东; use an id", status: 64),
        Case(arguments: ["followup", "add", "c1", "someday"], message: "bad date \"someday\"; use YYYY-MM-DD", status: 64),
        Case(arguments: ["deal", "add", "c1", "X", "--value=-5"], message: "must not be negative", status: 64),
        Case(arguments: ["deal", "add", "c1", "X", "--stage", "negotiation"],
             message: "unknown stage \"negotiation\"; use one of: prospecting, preparation, approach, presentation, objections, closing, follow-through",
             status: 64),
        Case(arguments: ["note", "mood", "c1", "happy"], message: "unknown mood \"happy\"; use one of: rising, falling, calm, complacent",
             status: 64),
        Case(arguments: ["deal", "move", "d7", "closing"], message: "no deal d7", status: 64),
        Case(arguments: ["deal", "lose", "d1"], message: "say why d1 was lost", status: 64),
        Case(arguments: ["customer", "add", "X", "--phone", "call me"], message: "is not a phone number", status: 64),
        Case(arguments: ["purchase", "add", "c1", "0"], message: "more than zero", status: 64),
        Case(arguments: ["followup", "snooze", "f1", "yesterday"], message: "snooze until a later time", status: 64),
        Case(arguments: ["call", "log", "c1", "--at", "tomorrow"], message: "is in the future", status: 64),
        Case(arguments: ["call", "log", "c1", "--technique", "deny"], message: "a technique answers an objection", status: 64),
        Case(arguments: ["deal", "move", "x1", "closing"], message: "is not a deal id", status: 64),
        Case(arguments: ["report", "queue", "--limit=-1"], message: "--limit must be 0 or more", status: 64),
        Case(arguments: ["customer", "add"], message: "Missing expected argument", status: 64),
        Case(arguments: ["customer", "add", "evil\u{1B}[31mred"], message: "name holds a control character (an escape, ESC)", status: 64),
        Case(arguments: ["customer", "edit", "c1", "--company", "a\nb"], message: "company holds a control character (a newline)", status: 64),
        Case(arguments: ["deal", "add", "c1", "X", "--value", "1000000000000000"], message: "is too large; amounts go up to", status: 64),
        Case(arguments: ["note", "text", "c1", String(repeating: "长", count: 30_000)], message: "a note holds at most 65,536 bytes",
             status: 64),
        Case(arguments: ["report", "funnel", "--as-of", "tomorrow"], message: "is in the future; as-of looks back", status: 64),
        Case(arguments: ["--actor", "", "customer", "add", "X"], message: "--actor is empty", status: 64),
        // The seed's method (issue 11).
        Case(arguments: ["satisfaction", "add", "c1", "--scores", "5 4 4 5 4 4 5 5 3 4 4 4 1 5"],
             message: "expected 15 ratings of 1 to 5 (one per statement), got 14", status: 64),
        Case(arguments: ["satisfaction", "add", "c1", "--scores", "5 4 4 5 4 4 5 5 3 4 4 4 1 5 6"],
             message: "\"6\" is not a rating; each is a whole number from 1 to 5", status: 64),
        Case(arguments: ["product", "add", "c1", "Scanner", "--service-every", "6 parsecs"],
             message: "\"6 parsecs\" is not an interval; write a number and d, w, m or y", status: 64),
        Case(arguments: ["product", "remove", "a1"], message: "no installed product a1", status: 64),
        Case(arguments: ["deal", "win", "d1"], message: "d1 has no value: give the purchase's amount, or record no purchase", status: 64),
        Case(arguments: ["deal", "win", "d1", "--no-purchase", "--amount", "5"], message: "--no-purchase takes no --amount", status: 64),
        Case(arguments: ["deal", "move", "d1", "follow-through"], message: "reaches follow-through when it is won", status: 64),
        Case(arguments: ["deal", "move", "d1", "approach", "--presentation", "programmed"],
             message: "presentation is recorded in Presentation, not in Approach", status: 64),
        Case(arguments: ["deal", "move", "d1", "approach", "--approach", "telepathy"], message: "unknown approach method \"telepathy\"",
             status: 64),
        Case(arguments: ["deal", "complete", "d1"], message: "d1 is not won yet", status: 64),
        Case(arguments: ["call", "log", "c1", "--outcome", "order"], message: "an order needs its amount", status: 64),
        Case(arguments: ["call", "log", "c1", "--outcome", "complaint"], message: "a complaint needs what it is about", status: 64),
        Case(arguments: ["call", "log", "c1", "--outcome", "call-back"], message: "a call-back needs its time", status: 64),
        Case(arguments: ["call", "log", "c1", "--amount", "50"], message: "an amount goes with an order", status: 64),
        Case(arguments: ["complaint", "confirm", "k9", "--satisfied", "yes"], message: "no complaint k9", status: 64),
        Case(arguments: ["contact", "edit", "p9", "--role", "user"], message: "no contact person p9", status: 64),
        Case(arguments: ["customer", "edit", "c1", "--wallet-share", "150"], message: "expected a percentage from 0 to 100", status: 64),
        Case(arguments: ["customer", "edit", "c1", "--lock-in", "gold"], message: "unknown lock-in \"gold\"", status: 64),
        Case(arguments: ["sweep", "start", "Q4", "--segment", "colour=red"], message: "segment: unknown key \"colour\"", status: 64),
        Case(arguments: ["sweep", "start", "Q4", "--segment", "size=huge"], message: "unknown size \"huge\"", status: 64),
        Case(arguments: ["sweep", "stop", "Q4"], message: "no sweep named \"Q4\" is under way", status: 64),
        Case(arguments: ["customer", "list", "--segment", "large"], message: "segment: \"large\" is not key=value", status: 64),
    ]

    @Test(arguments: cases)
    func badInputIsRefusedAndChangesNothing(_ c: Case) throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "张伟明")
        try cli.run("customer", "add", "张伟东")
        try cli.run("deal", "add", "c1", "ERP")
        try cli.run("followup", "add", "c1", "tomorrow")
        let before = cli.logBytes
        let r = try cli.run(c.arguments)
        #expect(r.status == c.status, "\(c): exit \(r.status), stderr \(r.err)")
        #expect(r.err.contains(c.message), "\(c): \(r.err)")
        #expect(r.out.isEmpty, "\(c): printed \(r.out)")
        #expect(cli.logBytes == before, "\(c): the log changed")
    }

    @Test func aDamagedLogStopsEveryCommandWithItsPosition() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        try cli.run("customer", "add", "B")
        try cli.run("customer", "add", "C")
        var bytes = [UInt8](cli.logBytes)
        bytes[bytes.count / 2] ^= 0x20
        FileManager.default.createFile(atPath: cli.log, contents: Data(bytes))
        for args in [["check"], ["report", "queue"], ["customer", "add", "D"]] {
            let r = try cli.run(args)
            #expect(r.status == 65 && r.err.contains("damaged record at line 2, byte offset"), "\(args): \(r.err)")
        }
        #expect([UInt8](cli.logBytes) == bytes)
    }
}
