import Foundation
import Testing

/// `rapport import` and `rapport export` on the real binary, as a new user would run them.
@Suite struct ExchangeCommandTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RapportExchangeTests/Fixtures/\(name)").path
    }

    @Test func aChineseExcelFileDryRunThenImportThenUndoneWhole() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = Self.fixture("excel-gbk.csv")
        let dry = try cli.run("import", "csv", file, "--dry-run")
        #expect(dry.status == 0 && cli.logBytes.isEmpty)
        let lines = dry.out.split(separator: "\n").map(String.init)
        #expect(lines[0] == "read \(file) as gb18030, comma-separated: 5 customers in the file")
        #expect(lines[2] == "not imported: 微信 (no field of that name; give --map \"微信=FIELD\", or =ignore)")
        #expect(lines.contains("would be created (2):") && lines.contains { $0.hasPrefix("  line 2  c1  北京星辰科技有限公司") })
        #expect(lines.contains { $0.hasPrefix("  line 4") && $0.contains("source: \"转介绍\" is not a prospecting method") })
        #expect(lines.contains { $0.hasPrefix("  line 6") && $0.contains("phone \"请致电\" is not a phone number") })
        #expect(lines.contains { $0.hasPrefix("  line 7  c1  北京星辰科技") && $0.hasSuffix("phone 13800138000 is c1 北京星辰科技有限公司's") })
        #expect(lines.last == "dry run, nothing was written: 2 customers created, 2 contact persons, 2 notes, 0 merged, 1 skipped as duplicates, 2 rejected")
        #expect(!dry.err.contains("\r"))   // no progress bar when the output is not a terminal

        let done = try cli.run("import", "csv", file, "--on-duplicate", "merge", "--map", "微信=note", "--json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(done.out.utf8)) as? [String: Any])
        #expect((report["created"] as? [Any])?.count == 2 && (report["merged"] as? [Any])?.count == 1 && report["notesAdded"] as? Int == 4)
        #expect(try cli.run("customer", "show", "c1").out.contains("赵磊"))
        #expect(try cli.run("undo").line == "undid the import of 2 customers (2026-11-23 09:00)")
        #expect(try cli.run("customer", "list").line == "id  name  company  size  value  owner  mood  temp")
    }

    @Test func aFileNotValidInItsEncodingIsRefusedInOneLineAndChangesNothing() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("customer", "add", "张伟").status == 0)
        let before = cli.logBytes
        let file = cli.dir + "/bad.csv"
        try Data(Array("姓名,电话\n王芳,139\n".utf8) + [0xC0, 0x80] + Array(",138\n".utf8)).write(to: URL(fileURLWithPath: file))
        let refused = try cli.run("import", "csv", file, "--encoding", "utf-8")
        #expect(refused.status == 65 && refused.out.isEmpty)
        #expect(refused.err == "rapport: \(file): the file is not valid UTF-8 at line 3, byte 26; nothing was imported\n")
        #expect(cli.logBytes == before)
        let unknown = try cli.run("import", "csv", file, "--on-duplicate", "replace")
        #expect(unknown.status == 64 && unknown.err == "rapport: --on-duplicate: \"replace\" is not one of: skip, merge, add\n")
        #expect(try cli.run("import", "vcard", cli.dir + "/missing.vcf").err == "rapport: cannot read \(cli.dir)/missing.vcf: no such file\n")
        #expect(cli.logBytes == before)
    }

    @Test func aFileWhoseEveryEntryIsRejectedSaysWhyByLine() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.dir + "/bad.csv"
        try "name,phone\nAnna,call me\n,138 0013 8000\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try cli.run("import", "csv", file)
        #expect(r.status == 64 && r.err == "rapport: nothing to import from bad.csv: 0 customers created, 0 merged, 0 skipped as duplicates, 2 rejected\n")
        #expect(r.out.contains("rejected (2):") && r.out.contains("line 2") && r.out.contains("phone \"call me\" is not a phone number")
            && r.out.contains("line 3") && r.out.contains("name must not be empty"))
        #expect(cli.logBytes.isEmpty)
    }

    @Test func exportThenImportIntoAnEmptyLogGivesTheSameCustomersAndContacts() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--customers", "60").status == 0)
        for path in ["ios.vcf", "android.vcf", "google.vcf", "outlook.vcf"] {
            #expect(try cli.run("import", "vcard", Self.fixture(path), "--on-duplicate", "add").status == 0)
        }
        let original = try cli.run("export", "csv", "--include-private")
        #expect(original.status == 0 && original.out.split(separator: "\r\n").count > 60)
        for format in ["csv", "vcard"] {
            let file = cli.dir + "/all.\(format)"
            #expect(try cli.run("export", format, "--include-private", "-o", file).status == 0)
            var other = cli
            other.environment["RAPPORT_DATA"] = cli.dir + "/\(format).log"
            let imported = try other.run("import", format, file)
            #expect(imported.status == 0 && imported.out.contains(", 0 rejected"))
            #expect(try other.run("export", "csv", "--include-private").out == original.out, "round trip through \(format)")
        }
        let json = try cli.run("export", "json", "--include-private")
        let customers = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(customers.count == original.out.split(separator: "\r\n").map { $0.prefix { $0 != "," } }.dropFirst().reduce(into: Set<Substring>()) { $0.insert($1) }.count)
        #expect(customers.allSatisfy { ["contacts", "deals", "followUps", "purchases", "complaints", "notes"].allSatisfy($0.keys.contains) })
    }

    @Test func doNotShareCustomersAreLeftOutAndCounted() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(try cli.run("customer", "add", "张伟", "--size", "large", "--value-type", "profit").status == 0)
        #expect(try cli.run("customer", "add", "Anna", "--do-not-share", "yes", "--size", "large", "--value-type", "profit").status == 0)
        #expect(try cli.run("customer", "add", "Ben", "--size", "small").status == 0)
        let bom = try cli.run("export", "csv", "--bom", "--segment", "large/profit")
        #expect(bom.out.hasPrefix("\u{FEFF}id,name,kind") && bom.out.contains("c1,张伟") && !bom.out.contains("Anna") && !bom.out.contains("Ben"))
        #expect(bom.err == "exported 1 customer and 0 contact persons; 1 flagged do-not-share left out (--include-private includes them)\n")
        let vcard = try cli.run("export", "vcard", "--include-private", "--segment", "large")
        #expect(vcard.out.components(separatedBy: "BEGIN:VCARD").count == 3 && vcard.out.contains("FN:Anna\r\nUID:urn:rapport:c2\r\nKIND:individual\r\n") && vcard.out.contains("X-RAPPORT-DONOTSHARE:true\r\n"))
        #expect(try cli.run("export", "xml").err == "rapport: unknown format \"xml\"; use csv, vcard or json\n")
        #expect(try cli.run("customer", "edit", "c3", "--owner", "wang").status == 0)
        #expect(try cli.run("export", "csv", "--owner", "wang").out.split(separator: "\r\n").map { $0.prefix(3) } == ["id,", "c3,"])
        let before = try cli.run("export", "json", "--as-of", "2026-11-22")
        #expect(before.out == "[]\n" && before.err.hasSuffix("exported 0 customers and 0 contact persons\n"))
    }
}

/// `:import` and `:export` on the screen, in tmux: what the file would do is shown to confirm, then written as one action.
@Suite(.serialized) struct ScreenExchangeTests {
    @Test func importAfterConfirmingThenUndoThenExport() throws {
        let cli = CLI()
        defer { cli.remove() }
        let screen = try TmuxScreen(cli, width: 160, height: 48)
        try screen.waitFor("Welcome to Rapport")
        try screen.press(":")
        try screen.type("import \(ExchangeCommandTests.fixture("excel-gbk.csv")) merge")
        try screen.press("Enter")
        try screen.waitFor("Import excel-gbk.csv? y / n · 2 customers created, 3 contact persons, 3 notes, 1 merged")
        #expect(cli.logBytes.isEmpty)   // nothing written before y
        try screen.press("y")
        try screen.waitFor("imported excel-gbk.csv: 2 customers created")
        #expect(try cli.run("customer", "list", "--json").out.contains("北京星辰科技有限公司"))
        try screen.press("u")
        try screen.waitFor("Undo the import of 2 customers")
        try screen.press("y")
        try screen.waitFor("undid the import of 2 customers")
        try screen.press(":")
        try screen.type("import \(ExchangeCommandTests.fixture("google.vcf"))")
        try screen.press("Enter")
        try screen.waitFor("Import google.vcf? y / n")
        try screen.press("y")
        try screen.waitFor("imported google.vcf")
        let file = cli.dir + "/out.vcf"
        try screen.press(":")
        try screen.type("export vcard \(file)")
        try screen.press("Enter")
        try screen.waitFor("exported 1 customer and 2 contact persons to \(file)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("FN:Luca Bianchi\r\n"))
        try screen.press(":")
        try screen.type("import \(cli.dir)/none.csv")
        try screen.press("Enter")
        try screen.waitFor("cannot read \(cli.dir)/none.csv: no such file")
        try screen.press("q")
        try screen.waitFor("EXIT=0")
    }
}
