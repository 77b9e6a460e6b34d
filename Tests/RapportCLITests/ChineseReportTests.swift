import Foundation
import Testing

/// The manager's reports on the command line in Chinese: the text in Chinese,
/// JSON and CSV the same as in English.
@Suite struct ChineseReportTests {
    /// Words of three ASCII letters or more, except the ones a Chinese text keeps (ids, commands, formats).
    static func englishWords(_ text: String) -> [String] {
        let kept: Set<String> = ["rapport", "limit", "JSON", "CSV", "CNY", "USD", "EUR", "RFM"]
        return text.split(whereSeparator: { !$0.isASCII || !$0.isLetter }).map(String.init)
            .filter { $0.count >= 3 && !kept.contains($0) }
    }

    @Test func reportsInChineseAndEnglish() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("demo", "--customers", "40")
        let english = try cli.run("report", "segments").out
        #expect(english.contains("Segments: size × value type (as of"))
        #expect(english.contains("not set") || english.contains("customers"))
        let chinese = try cli.run("report", "segments", "--lang", "zh").out
        #expect(chinese.contains("客户分群：规模 × 价值类型（截至"))
        #expect(chinese.contains("按规模和价值类型分的客户"))
        #expect(chinese.contains("规模") && chinese.contains("价值类型"))
        #expect(Self.englishWords(chinese).isEmpty, "\(Self.englishWords(chinese))")
        for name in ["reps", "conversion", "forecast", "winloss", "value", "churn", "complaints", "changes"] {
            let r = try cli.run("report", name, "--lang", "zh")
            #expect(r.status == 0)
            // Names of demo people and companies are ASCII; the report's own words are not.
            let words = Set(Self.englishWords(r.out))
            for w in ["not", "set", "none", "recorded", "deals", "customers", "weighted", "stage", "rep", "won", "lost", "overdue", "date",
                      "quarter", "month", "median", "days", "shaded", "up", "cumulative", "share", "top", "tier", "champions", "others"] {
                #expect(!words.contains(w), "\(name): \(w)")
            }
        }
        let value = try cli.run("report", "value", "--lang", "zh").out
        #expect(value.contains("客户价值：收入来自谁") && value.contains("累计占比：") && value.contains("冠军客户"))
        let winloss = try cli.run("report", "winloss", "--lang", "zh").out
        #expect(winloss.contains("价格过高") && winloss.contains("按原因"), "a reason of the vocabulary in Chinese")
        let forecast = try cli.run("report", "forecast", "--lang", "zh").out
        #expect(forecast.contains("年Q"), "the backtest's quarters")
    }

    @Test func jsonAndCSVAreTheSameInEveryLanguage() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("demo", "--customers", "40")
        for name in ["segments", "value", "churn", "winloss", "forecast"] {
            let english = try cli.run("report", name, "--json").out
            let chinese = try cli.run("report", name, "--json", "--lang", "zh").out
            #expect(!english.isEmpty && english == chinese, "\(name)")
            #expect(!chinese.contains("截至"))
            let csvEnglish = try cli.run("report", name, "--csv").out
            let csvChinese = try cli.run("report", name, "--csv", "--lang", "zh").out
            #expect(csvEnglish == csvChinese, "\(name)")
        }
    }

    @Test func mistakesAndHelpInChinese() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        let r = try cli.run("report", "segments", "--json", "--csv", "--lang", "zh")
        #expect(r.status != 0 && r.err.contains("--json 和 --csv 要求两种格式"))
        let help = try cli.run("report", "segments", "--help", "--lang", "zh").out
        #expect(help.contains("规模 × 价值类型") && help.contains("只看这位销售的客户和商机"), "\(help)")
    }

    @Test func importAndExportMessagesInChinese() throws {
        let cli = CLI()
        defer { cli.remove() }
        try cli.run("customer", "add", "A")
        let empty = cli.dir + "/empty.csv", nameless = cli.dir + "/nameless.csv"
        try Data().write(to: URL(fileURLWithPath: empty))
        try Data("x,y\n1,2\n".utf8).write(to: URL(fileURLWithPath: nameless))
        #expect(try cli.run("import", "csv", empty, "--lang", "zh").err.contains("文件是空的：第一行应写列名"))
        #expect(try cli.run("import", "csv", empty).err.contains("the file is empty: its first line should name the columns"))
        #expect(try cli.run("import", "csv", nameless, "--lang", "zh").err.contains("没有表示客户的列"))
        #expect(try cli.run("import", "csv", nameless, "--map", "q=zz", "--lang", "zh").err.contains("--map “q=zz”：未知字段"))
        #expect(try cli.run("import", "csv", nameless, "--encoding", "ebcdic", "--lang", "zh").err.contains("未知编码“ebcdic”"))
        let out = cli.dir + "/out.csv"
        #expect(try cli.run("export", "csv", "-o", out, "--lang", "zh").err.contains("已导出 1 位客户和 0 位联系人"))
        #expect(try cli.run("export", "csv", "-o", out).err.contains("exported 1 customer and 0 contact persons"))
        // The file itself is the same in both languages.
        let english = try cli.run("export", "csv").out, chinese = try cli.run("export", "csv", "--lang", "zh").out
        #expect(english == chinese && english.contains("value type"))
    }
}
