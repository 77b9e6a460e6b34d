import Foundation
import Testing
import RapportCore
@testable import RapportExchange

/// The fixtures beside this file: spreadsheets and vCards shaped as Excel, phones, Google and Outlook write them.
func fixture(_ name: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return Array(try Data(contentsOf: url))
}

@Suite struct EncodingTests {
    @Test func eachEncodingExcelSavesReadsAsTheSameText() throws {
        let gbk = try TextDecoding.decode(try fixture("excel-gbk.csv"))
        let bom = try TextDecoding.decode(try fixture("utf8-bom.csv"))
        let utf16 = try TextDecoding.decode(try fixture("excel-unicode.txt"))
        #expect(gbk.encoding == "gb18030" && bom.encoding == "utf-8" && utf16.encoding == "utf-16le")
        #expect(gbk.text == bom.text)
        #expect(gbk.text.hasPrefix("客户名称,联系人") && !bom.text.hasPrefix("\u{FEFF}"))
        #expect(try CSVImport.read(try fixture("excel-unicode.txt")).entries == CSVImport.read(try fixture("excel-gbk.csv")).entries)
    }

    @Test func aFileNotValidInItsEncodingIsRefusedWithItsLineAndByte() throws {
        let bytes = Array("name,phone\r\n张三,138\r\n".utf8) + [0xFF, 0x41] + Array(",139\r\n".utf8)
        #expect(throws: ExchangeError("the file is not valid UTF-8 at line 3, byte 25; if it is in another encoding, give --encoding "
                                      + "(utf-8, utf-16, utf-16le, utf-16be, gb18030, gbk, gb2312, big5, latin1, iso-8859-1)")) {
            try TextDecoding.decode(bytes)
        }
        #expect(throws: ExchangeError("the file is not valid UTF-8 at line 3, byte 25")) { try TextDecoding.decode(bytes, encoding: "utf-8") }
        // GBK bytes cut off at the end are not GBK.
        #expect(throws: ExchangeError("the file is not valid GB18030 at line 1, byte 3")) { try TextDecoding.decode([0xD5, 0xC5, 0xD5], encoding: "gbk") }
        #expect(throws: ExchangeError.self) { try TextDecoding.decode([0x41], encoding: "ebcdic") }
    }
}

@Suite struct CSVReadingTests {
    @Test func quotedFieldsKeepCommasQuotesAndNewlinesAndRowsKeepTheirLines() throws {
        let text = "姓名,电话,备注,公司\r\n\"Lee, Anna\",\"138 0013 8000; 139 1234 5678\",\"said \"\"call later\"\"\r\nnext week\",Lumen\r\n\r\n王芳,010 1234 5678,,\n"
        let table = try CSVImport.read(Array(text.utf8))
        #expect(table.entries.count == 2)
        let anna = table.entries[0]
        #expect(anna.line == 2 && anna.name == "Lee, Anna")
        #expect(anna.fields[.phones] == .array([.string("138 0013 8000"), .string("139 1234 5678")]))
        #expect(anna.notes == ["said \"call later\"\nnext week"])
        #expect(anna.fields[.company] == .string("Lumen"))
        #expect(table.entries[1].line == 5 && table.entries[1].name == "王芳")   // after the two-line row and a blank line
        #expect(table.unmapped.isEmpty)
    }

    @Test func anUnknownColumnIsNamedAndMapMakesItAField() throws {
        let text = Array("客户名称,微信,手机\n张伟,zw88,13800138000\n".utf8)
        let plain = try CSVImport.read(text)
        #expect(plain.unmapped == ["微信"])
        let mapped = try CSVImport.read(text, maps: ["微信=note"])
        #expect(mapped.unmapped.isEmpty && mapped.entries[0].notes == ["zw88"])
        #expect(throws: ExchangeError.self) { try CSVImport.read(text, maps: ["微信=nickname"]) }
        #expect(throws: ExchangeError.self) { try CSVImport.read(text, maps: ["QQ=note"]) }
        #expect(throws: ExchangeError.self) { try CSVImport.read(Array("微信,手机\nzw,138\n".utf8)) }   // nothing names the customer
    }

    @Test func aMalformedRowIsMarkedAndTheOthersStand() throws {
        let extra = try CSVImport.read(Array("name,phone\nAnna,138 0013 8000\nBen,139,oops\nCleo,137 0000 0000\n".utf8))
        #expect(extra.entries.map(\.problem) == [nil, "3 fields where the header has 2 (a comma in a value that is not quoted?)", nil])
        let unclosed = try CSVImport.read(Array("name,phone\nAnna,138 0013 8000\n\"Ben,139\nCleo,137\n".utf8))
        #expect(unclosed.entries.count == 2 && unclosed.entries[0].problem == nil)
        #expect(unclosed.entries[1].line == 3
            && unclosed.entries[1].problem == "the quote opened on line 3 is never closed: the rest of the file was read into one field")
    }

    @Test func aNumberKeptAsAFormulaIsReadAsItsText() throws {
        let table = try CSVImport.read(Array("name,phone\nAnna,\"=\"\"0571 8888 1234\"\"\"\n".utf8))
        #expect(table.entries[0].fields[.phones] == .array([.string("0571 8888 1234")]))
    }

    @Test func rowsWithOneIdAreOneCustomerWithTheirContacts() throws {
        let text = "id,name,kind,contact,contact title\nc1,Lumen,organisation,李雷,CTO\nc1,Lumen,organisation,韩梅梅,CFO\nc2,Anna,individual,,\n"
        let table = try CSVImport.read(Array(text.utf8))
        #expect(table.entries.count == 2)
        #expect(table.entries[0].contacts == [.init(name: "李雷", fields: [.title: .string("CTO")]), .init(name: "韩梅梅", fields: [.title: .string("CFO")])])
        #expect(table.entries[1].contacts.isEmpty)
    }
}

@Suite struct VCardReadingTests {
    func entries(_ name: String) throws -> [ImportEntry] {
        VCardImport.entries(try VCard.cards(in: try TextDecoding.decode(try fixture(name)).text))
    }

    @Test func iPhoneCardsOfOneOrganisationBecomeOneCustomerWithItsPeople() throws {
        let e = try entries("ios.vcf")
        #expect(e.map(\.name) == ["北京星辰科技有限公司", "John Appleseed"])
        let org = e[0]
        #expect(org.fields[.kind] == .string("organisation"))
        #expect(org.contacts == [.init(name: "王伟", fields: [.title: .string("采购经理"), .phone: .string("+86 138 0013 8000"),
                                                            .email: .string("wangwei@xingchen.cn")])])
        #expect(org.fields[.phones] == .array([.string("010 6543 2000"), .string("010 6543 2100")]))
        #expect(org.fields[.address] == .string("中关村大街1号, 北京市, 海淀区, 100080, 中国"))
        #expect(org.notes == ["王伟: 喜欢喝茶\n周五下午有空", "王伟: birthday: 1985-04-12"])
        #expect(e[1].fields[.tags] == .array([.string("golf"), .string("vip")]) && e[1].fields[.kind] == .string("individual"))
    }

    @Test func androidQuotedPrintableInUTF8AndGBKWithSoftLineBreaks() throws {
        let e = try entries("android.vcf")
        #expect(e.map(\.name) == ["陈静", "杭州青山茶业"])
        #expect(e[0].fields[.phones] == .array([.string("139-1234-5678"), .string("021-5888-1234")]))
        #expect(e[0].notes == ["喜欢打高尔夫，不喜欢电话"])
        #expect(e[1].contacts.map(\.name) == ["周敏"])   // N in GBK, quoted-printable
    }

    @Test func googleFoldedLinesAndEscapedCommas() throws {
        let e = try entries("google.vcf")
        #expect(e.count == 1 && e[0].name == "Rossi & Figli S.p.A." && e[0].contacts.map(\.name) == ["Maria Rossi", "Luca Bianchi"])
        #expect(e[0].fields[.address] == .string("Via Roma 1, interno 3, Milano, 20121, Italia"))
        #expect(e[0].notes == ["Maria Rossi: Met at the Milan trade show. Prefers e-mail over phone calls; follow up in the spring about the new catalogue."])
    }

    @Test func outlookPhotoIsPassedOverAndItsLineEndsBecomeNewlines() throws {
        let e = try entries("outlook.vcf")
        #expect(e.count == 1 && e[0].name == "Contoso Ltd." && e[0].contacts.first?.fields[.title] == .string("Account Manager"))
        #expect(e[0].notes == ["Anna Smith: Renewal due in March\nCall before the 15th"])
    }

    @Test func threeCardsFoldedAndQuotedPrintable() throws {
        let e = try entries("three-cards.vcf")
        #expect(e.map(\.name) == ["李娜", "Oliver Twist-Bumble", "Lumen"])
        #expect(e[0].notes == ["第一行\n第二行"])   // CRLF inside quoted-printable, and a soft line break
        #expect(e[1].fields[.emails] == .array([.string("oliver@example.com")]))
        #expect(e[1].notes == ["A long note that a phone folded over three lines, with an escaped comma and a semicolon; at the end"])
        #expect(e[2].contacts == [.init(name: "Zhao Lei", fields: [.phone: .string("+86-139-0000-0002")])])
    }

    @Test func aCardCutOffAtTheEndStillCounts() throws {
        let cards = try VCard.cards(in: "BEGIN:VCARD\nVERSION:3.0\nFN:Anna\nTEL:123 456\n")
        #expect(cards.count == 1 && cards[0].first("FN") == "Anna")
    }
}
