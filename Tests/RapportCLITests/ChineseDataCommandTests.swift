import Foundation
import Testing

/// The commands that move data in and out and look after the log (import,
/// export, demo, repair, erase) in Chinese under a Chinese locale: what they
/// say, their mistakes, and Chinese field names in `--map`.
@Suite struct ChineseDataCommandTests {
    func english(_ text: String, allowing allowed: Set<String>) -> [String] {
        ChineseCommandTests().english(text, allowing: allowed)
    }

    /// The file and command words the output quotes, which stay as they are.
    let quoted: Set<String> = ["work", "main", "Tests", "RapportExchangeTests", "Fixtures", "excel", "gbk", "csv", "map", "duplicate",
                               "merge", "add", "rapport", "undo", "repaired", "old", "tmp", "vcf", "vcard", "json", "bom", "segment",
                               "large", "profit", "append", "John", "Appleseed"]

    @Test func importAndExportSayWhatTheyDidInChinese() throws {
        var cli = CLI()
        defer { cli.remove() }
        cli.environment["LANG"] = "zh_CN.UTF-8"
        let file = ExchangeCommandTests.fixture("excel-gbk.csv")
        let dry = try cli.run("import", "csv", file, "--dry-run")
        let lines = dry.out.split(separator: "\n").map(String.init)
        #expect(dry.status == 0 && lines[0] == "已按 gb18030 读取 \(file)，以逗号分隔：文件中有 5 位客户")
        #expect(lines[1].hasPrefix("列：客户名称 → 客户名称，联系人 → 联系人，职位 → 职位，手机 → 电话"))
        #expect(lines[2] == "未导入：微信（没有这个名字的字段；用 --map \"微信=字段\" 指定，或 =忽略）")
        #expect(lines.contains("将新建（2）：") && lines.contains { $0.hasPrefix("  第 2 行  c1  北京星辰科技有限公司") })
        #expect(lines.last == "试运行，什么也没写：新建 2 位客户，2 位联系人，2 条备注，合并 0 位，跳过 1 位重复的，拒收 2 条")
        #expect(english(dry.out.replacingOccurrences(of: file, with: ""), allowing: quoted) == [], "\(dry.out)")

        // A Chinese field name maps a column; the import's report stays English in JSON.
        let done = try cli.run("import", "csv", file, "--map", "微信=备注", "--json")
        #expect(done.status == 0 && done.out.contains(#""detail":"phone 13800138000 is c1 北京星辰科技有限公司's""#), "\(done.out)")
        let badField = try cli.run("import", "csv", file, "--map", "微信=爱好")
        #expect(badField.status == 64 && badField.err.hasPrefix("rapport: --map “微信=爱好”：未知字段；可用：客户名称、客户类型、电话、邮箱、公司"))
        #expect(try cli.run("import", "csv", "无此文件.csv").err == "rapport: 无法读取 无此文件.csv：文件不存在\n")
        #expect(try cli.run("import", "csv", file, "--on-duplicate", "x").err == "rapport: --on-duplicate：“x”不是 skip、merge、add 之一\n")

        let export = try cli.run("export", "csv", "-o", cli.dir + "/客户.csv")
        #expect(export.status == 0 && export.err == "已导出 2 位客户和 2 位联系人，导出到 \(cli.dir)/客户.csv\n", "\(export.err)")
        #expect(try cli.run("export", "pdf").err == "rapport: 未知的格式“pdf”；请用 csv、vcard 或 json\n")
        #expect(try cli.run("export", "json", "--bom").err == "rapport: --bom 只用于 csv\n")
        #expect(try cli.run("export", "csv", "--segment", "大/利润/多").err == "rapport: --segment “大/利润/多”：应为 规模/价值，例如 large/profit 或 大/利润\n")
    }

    @Test func demoRepairAndEraseInChinese() throws {
        var cli = CLI()
        defer { cli.remove() }
        cli.environment["LANG"] = "zh_CN.UTF-8"
        #expect(try cli.run("demo", "--customers", "5").out == "已写入 5 位客户，共 61 条记录，到 \(cli.log)\n")
        #expect(try cli.run("demo").err == "rapport: \(cli.log) 已有 61 条记录；加 --append 仍可添加演示业务\n")
        #expect(try cli.run("demo", "--customers", "0").err == "rapport: --customers 必须在 1 到 1,000,000 之间\n")

        let erase = try cli.run("erase", "c1", "--reason", "邮件要求")
        #expect(erase.status == 0 && erase.out.hasPrefix("已从 ") && erase.out.hasSuffix("条记录中删除 c1 的个人信息；此前做的副本（备份、导出）仍有这些信息\n"))

        let crlf = Data(cli.logBytes.flatMap { $0 == 0x0A ? [UInt8(0x0D), 0x0A] : [$0] })
        FileManager.default.createFile(atPath: cli.log, contents: crlf)
        let repair = try cli.run("repair")
        let lines = repair.out.split(separator: "\n").map(String.init)
        #expect(repair.status == 0 && lines.count == 2, "\(repair.out)\(repair.err)")
        #expect(lines.first?.hasPrefix("已写入 \(cli.log).repaired：") == true && lines.first?.contains("处 CR LF 换行改为 LF") == true)
        #expect(lines.last == "换上它（先关闭所有 rapport）：mv \(cli.log) \(cli.log).old && mv \(cli.log).repaired \(cli.log)")
        let help = try cli.run("repair", "--help").out
        // Options, variables and paths aside.
        let names: Set<String> = ["LOG", "unrepaired", "from", "line", "data", "path", "actor", "name", "lang", "help", "version",
                                  "RAPPORT", "DATA", "USER", "XDG", "HOME", "local", "share", "log", "repair"]
        #expect(help.hasPrefix("概述：在日志旁写一份修复后的副本"))
        #expect(english(help, allowing: quoted.union(names)) == [])
    }
}
