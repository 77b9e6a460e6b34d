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
