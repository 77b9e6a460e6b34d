import Foundation
import Testing
@testable import RapportCore

@Suite struct RecordFormatTests {
    @Test func crc32cMatchesTheStandardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        // Slicing-by-8 and the byte-wise tail agree at every length.
        let bytes = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        for n in 0...bytes.count {
            var c: UInt32 = 0
            for b in bytes[0..<n] { c = [b].withUnsafeBytes { CRC32C.update(c, $0) } }
            #expect(c == CRC32C.checksum(bytes[0..<n]))
        }
    }

    @Test func timestampsRoundTripThroughTheirText() {
        for ms: Int64 in [0, 1, 951_782_400_000, 1_795_424_958_597, 4_102_444_799_999] {
            let t = Timestamp(milliseconds: ms)
            #expect(Timestamp(rfc3339: t.utf8) == t)
        }
        #expect(Timestamp(milliseconds: 1_795_424_958_597).description == "2026-11-23T09:09:18.597Z")
        #expect(Timestamp(rfc3339: Array("2026-02-30T00:00:00.000Z".utf8)) == nil)
        #expect(Timestamp(rfc3339: Array("2026-11-23 09:09:18.597Z".utf8)) == nil)
    }

    @Test func aSharedDayCacheParsesLikeAFreshOne() {
        var cache = Timestamp.DayCache()
        let texts = ["2026-11-23T09:09:18.597Z", "2026-11-23T23:59:59.999Z", "2026-11-24T00:00:00.000Z",
                     "2026-11-24T24:00:00.000Z", "2026-11-24T12:60:00.000Z", "2026-11-24T1a:00:00.000Z",
                     "2024-02-29T00:00:00.000Z", "2025-02-29T00:00:00.000Z", "2026-11-24T00:00:00.000Z"]
        for text in texts {
            let bytes = Array(text.utf8)
            let shared = bytes.withUnsafeBytes { Timestamp(rfc3339: $0, cache: &cache) }
            #expect(shared == Timestamp(rfc3339: bytes), "\(text)")
        }
        #expect(Timestamp(rfc3339: Array("2026-11-24T24:00:00.000Z".utf8)) == nil)
        #expect(Timestamp(rfc3339: Array("2024-02-29T00:00:00.000Z".utf8)) != nil)
    }

    @Test func recordIDsSortByCreationAndNeverGoBack() {
        let t = Timestamp(milliseconds: 1_795_424_958_597)
        let a = RecordID.next(at: t, after: nil, random: 99)
        let b = RecordID.next(at: t.adding(seconds: 1), after: a, random: 1)
        #expect(a < b)
        #expect(a.description.count == 26 && a.description < b.description)
        #expect(RecordID(a.description) == a)
        #expect(a.time == t)
        // The clock jumps back: the id still follows the previous one.
        let c = RecordID.next(at: Timestamp(milliseconds: 0), after: b, random: 5)
        #expect(c > b)
        #expect(RecordID("01M83TNE45B5RKJPPTYPRQEJG") == nil)
        #expect(RecordID("81M83TNE45B5RKJPPTYPRQEJGK") == nil)   // overflows 128 bits
    }

    @Test func aLineIsOneJSONObjectCarryingTheEnvelope() throws {
        var bytes = [UInt8]()
        let id = RecordID.next(at: Timestamp(milliseconds: 1_795_424_958_597), after: nil, random: 7)
        let crc = RecordCodec.encode(LogFixtures.record(3, type: "deal.moved"), .init(
            id: id, time: Timestamp(milliseconds: 1_795_424_958_597), actor: "王芳",
            batchIndex: 2, batchCount: 3, previousChecksum: 0xDEAD_BEEF), into: &bytes)
        #expect(bytes.last == 0x0A)
        #expect(bytes.dropLast().contains(0x0A) == false)
        // An independent parser reads it.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["id"] as? String == id.description)
        #expect(object["time"] as? String == "2026-11-23T09:09:18.597Z")
        #expect(object["actor"] as? String == "王芳")
        #expect(object["type"] as? String == "deal.moved")
        #expect(object["v"] as? Int == 1)
        #expect(object["batch"] as? [Int] == [2, 3])
        #expect(object["prev"] as? String == "deadbeef")
        #expect((object["data"] as? [String: Any])?["text"] as? String == "第3次回访 · follow-up 3: 客户满意 \"quoted\" \\ ok")
        #expect(object["crc"] as? String == String(format: "%08x", crc))
        // The checksum covers every byte before `,"crc":`.
        let covered = bytes.count - 1 - RecordCodec.trailerLength
        #expect(CRC32C.checksum(bytes[0..<covered]) == crc)
    }

    @Test func everySingleByteChangeOfALineIsDetected() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let path = dir.file("one.log")
        try LogFixtures.write(path, batches: [1])
        let good = readBytes(path)
        for i in 0..<good.count - 1 {     // the final newline is framing, tested with truncation
            for flip: UInt8 in [0x01, 0x20, 0x80] {
                var bad = good
                bad[i] ^= flip
                let result = LogScan.scan(LogChunk(bytes: bad, fileOffset: 0), context: ScanContext())
                #expect(result.records.isEmpty, "byte \(i) ^ \(flip) went unnoticed")
            }
        }
    }

    @Test func jsonTextRoundTripsThroughWriterAndScanner() throws {
        let value: JSON = .object([
            "s": "引号 \" 反斜杠 \\ newline \n tab \t bell \u{7} 😀",
            "i": .int(-42), "big": .int(Int64.max), "d": .double(2.5), "t": true, "f": false, "n": nil,
            "a": [1, "two", [3]], "o": .object(["k": "v"]),
        ])
        let text = JSONWriter.encode(value)
        #expect(try JSONScanner.parse(text) == value)
        #expect(try JSONScanner.parse(Array(#"{"e":"\ud83d\ude00\u00e9"}"#.utf8)) == .object(["e": "😀é"]))
        #expect(throws: JSONSyntaxError.self) { try JSONScanner.parse(Array(#"{"a":1,}"#.utf8)) }
        #expect(throws: JSONSyntaxError.self) { try JSONScanner.parse(Array(#"{"a":01}"#.utf8)) }
        #expect(throws: JSONSyntaxError.self) { try JSONScanner.parse(Array(#""\ud800""#.utf8)) }
    }
}
