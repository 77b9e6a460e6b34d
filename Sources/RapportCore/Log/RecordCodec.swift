import Foundation

/// The line format of the log, one record per line:
///
///     {"id":"01JDQ…","time":"2026-11-23T07:32:00.123Z","actor":"li","type":"deal.moved",
///      "v":1,"batch":[1,2],"prev":"8c1d2e3f","data":{…},"crc":"1a2b3c4d"}
///
/// `batch` appears only in batches of two or more records. `prev` is the
/// checksum of the record before (`00000000` for the first), so a missing or
/// moved line breaks the chain. `crc` is the CRC-32C, in lowercase hex, of
/// every byte of the line before `,"crc":`.
public enum RecordCodec {
    /// The bytes `,"crc":"xxxxxxxx"}` that close every line.
    static let trailerLength = 18

    /// The envelope fields of one record about to be written.
    public struct Envelope {
        public var id: RecordID
        public var time: Timestamp
        public var actor: String
        public var batchIndex: Int, batchCount: Int
        public var previousChecksum: UInt32
    }

    /// Appends the line for `record` (newline included) to `out`; returns its checksum.
    public static func encode(_ record: NewRecord, _ envelope: Envelope, into out: inout [UInt8]) -> UInt32 {
        var w = JSONWriter(capacity: 256)
        w.bytes += Array(#"{"id":""#.utf8)
        w.bytes += Array(envelope.id.description.utf8)
        w.bytes += Array(#"","time":""#.utf8)
        w.bytes += envelope.time.utf8
        w.bytes += Array(#"","actor":"#.utf8)
        w.write(string: envelope.actor)
        w.bytes += Array(#","type":"#.utf8)
        w.write(string: record.type)
        w.bytes += Array(#","v":"#.utf8)
        w.write(integer: Int64(record.version))
        if envelope.batchCount > 1 {
            w.bytes += Array(#","batch":["#.utf8)
            w.write(integer: Int64(envelope.batchIndex))
            w.bytes.append(0x2C)
            w.write(integer: Int64(envelope.batchCount))
            w.bytes.append(0x5D)
        }
        w.bytes += Array(#","prev":""#.utf8)
        w.bytes += hex8(envelope.previousChecksum)
        w.bytes += Array(#"","data":"#.utf8)
        w.write(record.payload)
        let crc = w.bytes.withUnsafeBytes { CRC32C.checksum($0) }
        w.bytes += Array(#","crc":""#.utf8)
        w.bytes += hex8(crc)
        w.bytes += [0x22, 0x7D, 0x0A]
        out += w.bytes
        return crc
    }

    static func hex8(_ v: UInt32) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)   // catalogue: not text
        return (0..<8).map { digits[Int((v >> (28 - 4 * UInt32($0))) & 15)] }
    }
}
