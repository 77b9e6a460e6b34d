import Foundation
import Testing
@testable import RapportCore

/// The log's area in Chinese (issue 16): events in words, the log's errors
/// and notices, read under `Language.$override` in Chinese, and the same
/// values unchanged in English. What goes to `--json` (a damage's reason)
/// stays English in both.
@Suite struct ChineseLogTests {
    /// Words of three or more ASCII letters left in `text`, besides commands
    /// to type and names that stay as they are.
    static func englishWords(_ text: String) -> [String] {
        let allowed: Set<String> = ["rapport", "check", "repair", "kill", "CONT", "SIGSTOP", "Ctrl", "MiB", "demo", "log", "tmp", "crm"]
        return text.matches(of: /[A-Za-z]{3,}/).map { String(text[$0.range]) }.filter { !allowed.contains($0) }
    }

    func zh<T>(_ body: () throws -> T) rethrows -> T { try Language.$override.withValue(.zh, operation: body) }
    func en<T>(_ body: () throws -> T) rethrows -> T { try Language.$override.withValue(.en, operation: body) }

    @Test func eventsReadInChineseAndStayTheSameInEnglish() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("光明科技")
        let d = try b.deal(c, "年度采购", stage: .presentation)
        let events: [(Event, english: String, chinese: String)] = [
            (.dealMoved(d, from: .presentation, to: .closing), "moved d1 年度采购: Presentation → Closing", "移动 d1 年度采购：展示产品 → 达成交易"),
            (.dealClosed(d, .lost, reason: "预算砍了"), "lost d1 年度采购: 预算砍了", "丢单 d1 年度采购：预算砍了"),
            (.dealReopened(d, .won, reason: nil), "reopened d1 年度采购 (was won)", "重新打开 d1 年度采购（原为成交）"),
            (.followUpReopened(FollowUpID(4), was: .done, outcome: nil, reason: nil), "reopened f4 (was done)", "重新打开 f4（原为已完成）"),
            (.followUpCancelled(FollowUpID(4), reason: nil), "cancelled f4", "取消了 f4"),
            (.followUpAssigned(FollowUpID(4), from: "li", to: "wang"), "gave f4 to wang (was li)", "将 f4 交给 wang（原为 li）"),
        ]
        for (event, english, chinese) in events {
            #expect(en { Describe.event(event, in: b.state) } == english)
            #expect(zh { Describe.event(event, in: b.state) } == chinese)
        }
        var customer = Customer(id: CustomerID(7), name: "明日商贸")
        customer.kind = .organisation
        let created = Event(CustomerCreated(customer))
        #expect(en { Describe.event(created, in: b.state) } == "created customer c7 明日商贸 (organisation)")
        #expect(zh { Describe.event(created, in: b.state) } == "新建客户 c7 明日商贸（组织）")
        // A long note is cut the same way in both, said in each.
        let long = String(repeating: "长", count: Describe.previewCharacters + 10)
        let cutZh = zh { Describe.preview(long) }, cutEn = en { Describe.preview(long) }
        #expect(cutZh.contains("…（共 ") && cutZh.hasSuffix("）") && !cutZh.contains("in all"))
        #expect(cutEn.contains("… (") && cutEn.hasSuffix(" in all)"))
        #expect(zh { Describe.value(.bool(true)) } == "是" && en { Describe.value(.bool(true)) } == "yes")
    }

    @Test func aChangedFieldIsNamedInChineseAndByItsCodeInEnglish() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        let c = try b.customer("光明科技")
        let d = try b.deal(c, "年度采购", stage: .presentation)
        let change = Event.dealChanged(d, FieldChange(.probability, from: 40, to: 60))
        #expect(en { Describe.event(change, in: b.state) } == "changed probability of d1 年度采购: 40 → 60")
        #expect(zh { Describe.event(change, in: b.state) } == "更改 d1 年度采购 的成交概率：40 → 60")
        let flag = Event.customerChanged(c, FieldChange(.doNotContact, from: false, to: true))
        #expect(zh { Describe.event(flag, in: b.state) } == "更改 c1 光明科技 的请勿联系：否 → 是")
        #expect(en { Describe.event(flag, in: b.state) } == "changed doNotContact of c1 光明科技: no → yes")
        // Every field of every kind has its Chinese name.
        let zhTexts = Catalogue.of(.zh).texts
        func missing<F: EntityField>(_ kind: EntityKind, _: F.Type) -> [String] {
            F.allCases.map { "log.field.\(kind).\($0.rawValue)" }.filter { zhTexts[$0] == nil }
        }
        #expect(missing(.customer, CustomerField.self) + missing(.deal, DealField.self) + missing(.contact, ContactField.self)
                + missing(.complaint, ComplaintField.self) + missing(.product, ProductField.self) == [])
    }

    @Test func aDamagedLogIsReportedInChineseWhileItsReasonForJSONStaysEnglish() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("d.log")
        let store = try LogFixtures.write(path, batches: [1, 1, 1, 1])
        var bytes = Array(FileManager.default.contents(atPath: path)!)
        let third = store.records[2]
        bytes[Int(third.offset) + 40] ^= 0x04
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))

        let error = zh { Result { try LogStore.open(path: path, actor: "li") } }
        guard case .failure(let failure) = error, case .damaged(let where_, let damage)? = failure as? LogError else {
            Issue.record("expected a damaged log, got \(error)")
            return
        }
        #expect(where_ == path)
        // What `rapport check --json` gives stays English; people read Chinese.
        #expect(damage.reason == "checksum mismatch (the line was altered)")
        #expect(damage.explanation == "校验和不符（该行被改动过）")
        let said = zh { LogError.damaged(path: path, damage).description }
        #expect(said == "\(path)：记录损坏，位于第 3 行（字节偏移 \(third.offset)）：校验和不符（该行被改动过）；未做任何更改"
                + "（`rapport check` 可查看详情；`rapport repair` 会在旁边写一份修复后的副本）")
        #expect(Self.englishWords(said.replacingOccurrences(of: path, with: "")) == [])

        // Opened in English, the same log reads exactly as before.
        let english = en { Result { try LogStore.open(path: path, actor: "li") } }
        guard case .failure(let failure) = english, let e = failure as? LogError, case .damaged(_, let d) = e else {
            Issue.record("expected a damaged log, got \(english)")
            return
        }
        #expect(d.words == nil && d == damage)
        #expect(en { e.description } == "\(path): damaged record at line 3, byte offset \(third.offset): checksum mismatch (the line was altered); "
                + "nothing was changed (`rapport check` tells more; `rapport repair` writes a repaired copy beside it)")
    }

    @Test func aLockedLogAndTheHolderReadInChinese() {
        let holder = LockHolder(pid: 4242, command: "rapport demo", isStopped: true)
        let locked = LogError.locked(path: "/data/crm.log", holder: holder, seconds: 5)
        #expect(zh { locked.description } == "/data/crm.log 已被锁定，等待 5 秒后放弃，未做任何更改；持有者：进程 4242（rapport demo），"
                + "该进程已暂停（Ctrl-Z 或 SIGSTOP）；请用 `fg` 或 `kill -CONT 4242` 让它继续")
        #expect(en { locked.description } == "/data/crm.log is locked by pid 4242 (rapport demo), which is stopped (Ctrl-Z or SIGSTOP); "
                + "resume it with `fg` or `kill -CONT 4242`; gave up after 5 s; nothing was changed")
        #expect(zh { LogError.locked(path: "/data/crm.log", holder: nil, seconds: 5).description }.hasSuffix("持有者：另一个进程"))
        #expect(zh { holder.brief } == "进程 4242（rapport demo），已暂停")
        #expect(en { holder.brief } == "pid 4242 (rapport demo), stopped")
        #expect(zh { LogError.readOnly(path: "/data/crm.log").description } == "/data/crm.log 在此为只读；无法记录更改")
        let full = LogError.notDurable(SystemError("write", "/data/crm.log", ENOSPC))
        #expect(zh { full.description } == "更改未保存，原因：写入 /data/crm.log 失败：磁盘已满；之前的记录完好无损")
        #expect(en { full.description } == "the change was not saved, because write /data/crm.log: the disk is full; earlier records are intact")
    }

    @Test func noticesAndSmallerMessagesReadInChinese() throws {
        let zeros = LogNotice.zerosRemoved(offset: 4096, bytes: 8192)
        #expect(zh { zeros.description } == "已恢复：字节偏移 4096 之后的 8,192 个零字节（崩溃时未写入的块）已从日志截去")
        #expect(en { zeros.description } == "recovered: 8,192 zero bytes after byte offset 4096 (blocks a crash left unwritten) were cut off the log")
        let torn = LogNotice.tornTailMovedAside(offset: 300, bytes: 57, sidePath: "/data/crm.log.torn-300")
        #expect(zh { torn.description } == "已恢复：字节偏移 300 处一次未完成的写入（57 字节，崩溃所致）已移至 /data/crm.log.torn-300")

        #expect(zh { TerminalText.problemAsLine("a\u{1B}b") } == "含有控制字符（转义符 ESC）；单行字段只能填写可打印的文字")
        #expect(en { TerminalText.problemAsLine("a\u{1B}b") } == "holds a control character (an escape, ESC); one-line fields take printable text only")
        let refused = zh { Result { () throws(InputError) in try DataLocation.logPath(option: "", environment: [:], home: nil) } }
        #expect(throws: InputError("--data 为空；请给出日志文件的路径")) { try refused.get() }
        let refusedEn = en { Result { () throws(InputError) in try DataLocation.logPath(option: "", environment: [:], home: nil) } }
        #expect(throws: InputError("--data is empty; give the log file's path")) { try refusedEn.get() }

        // A syntax error is worded when read: the same value in either language.
        let syntax = try #require(Result { () throws(JSONSyntaxError) in try JSONScanner.parse(Array(#"{"a":01}"#.utf8)) }.failure)
        #expect(en { syntax.description }.hasPrefix("leading zero at byte "))
        #expect(zh { syntax.description }.hasPrefix("数字以零开头，位于第 "))
        #expect(Self.englishWords(zh { syntax.description }) == [])

        let newer = SchemaUpgrades.Failure.newerVersion(type: "deal.moved", version: 9, known: 2)
        #expect(zh { newer.description } == "deal.moved 第 9 版由更新的 rapport 写入（本程序最多读到第 2 版）；请升级 rapport")
    }
}

extension Result {
    fileprivate var failure: Failure? { if case .failure(let e) = self { e } else { nil } }
}
