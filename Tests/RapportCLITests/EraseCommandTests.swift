import Foundation
import Testing

/// Erasure on request, as a person would ask it done from the command line.
@Suite struct EraseCommandTests {
    /// Every file under `dir` that holds `text`.
    static func holders(of text: String, in dir: String) -> [String] {
        let needle = Data(text.utf8)
        let files = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String } ?? []
        return files.filter { FileManager.default.contents(atPath: dir + "/" + $0)?.range(of: needle) != nil }
    }

    @Test func noByteOfTheErasedPersonRemainsAndTheBusinessFiguresStay() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("demo", "--customers", "20", "--seed", "4")
        try cli.run("customer", "add", "欧阳慧敏", "--phone", "+86 159 8765 4321", "--email", "huimin.ouyang@example.cn",
                    "--address", "杭州市西湖区文三路77号", "--company", "Jade River Tea", "--tag", "teahouse-regular")
        try cli.run("contact", "add", "c21", "Ouyang Ming", "--phone", "+86 158 1111 2222", "--title", "Purchasing lead")
        try cli.run("deal", "add", "c21", "Tea supply", "--value", "50000")
        try cli.run("call", "log", "c21", "--outcome", "reached", "--note", "prefers oolong, afternoon calls")
        try cli.run("note", "text", "c21", "her son is at Zhejiang University")
        try cli.run("complaint", "open", "c21", "package arrived wet")
        let funnel = try cli.run("report", "funnel", "--json").out
        let erase = try cli.run("erase", "c21", "--reason", "asked by e-mail on 2026-11-20")
        #expect(erase.status == 0 && erase.out.hasPrefix("erased the personal data of c21 from 6 records"), "\(erase.err)")
        for text in ["欧阳慧敏", "8765 4321", "huimin.ouyang", "文三路", "Jade River", "teahouse-regular", "Ouyang Ming", "1111 2222",
                     "Purchasing lead", "oolong", "Zhejiang", "arrived wet"] {
            #expect(Self.holders(of: text, in: cli.dir).filter { $0.contains("crm.log") }.isEmpty, "\(text) is still stored")
        }
        #expect(try cli.run("check").status == 0)
        #expect(try cli.run("report", "funnel", "--json").out == funnel)
        let history = try cli.run("history", "c21").out
        #expect(history.contains("erased the personal data of c21 from 6 records: asked by e-mail on 2026-11-20"))
        #expect(history.contains("Tea supply (Prospecting, 50,000 CNY)"))   // the business stays
        let undo = try cli.run("undo")
        #expect(undo.status == 75 && undo.err.contains("an erasure cannot be taken back"))
    }

    @Test func sideFilesThatMayHoldCopiesStopItUnlessToldToGo() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "Anna Roth")
        FileManager.default.createFile(atPath: cli.log + ".torn-180", contents: Data("Anna Roth".utf8))
        let before = cli.logBytes
        let refused = try cli.run("erase", "c1", "--reason", "request")
        #expect(refused.status == 64 && refused.err.contains("crm.log.torn-180 may hold copies of c1's records"))
        #expect(cli.logBytes == before)
        let done = try cli.run("erase", "c1", "--reason", "request", "--delete-side-files")
        #expect(done.status == 0 && done.out.contains("removed") && !FileManager.default.fileExists(atPath: cli.log + ".torn-180"))
        #expect(Self.holders(of: "Anna Roth", in: cli.dir).isEmpty)
    }
}
