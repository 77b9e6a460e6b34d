/// Bytes read from the log file, shared by the records that lie in them.
public final class LogChunk: Sendable {
    /// The bytes, starting at `fileOffset` in the log.
    public let bytes: [UInt8]
    /// Where `bytes[0]` lies in the file.
    public let fileOffset: Int64

    /// A chunk of `bytes` read at `fileOffset`.
    public init(bytes: [UInt8], fileOffset: Int64) {
        self.bytes = bytes
        self.fileOffset = fileOffset
    }
}

/// One verified line of the log: an event with its envelope. Its payload
/// bytes stay in the store (`LogStore.payload(of:)`).
public struct Record: Sendable {
    /// Unique, increasing along the log.
    public let id: RecordID
    /// When it was written (for display; order comes from the position).
    public let time: Timestamp
    /// Who wrote it.
    public let actor: String
    /// The event type, e.g. `deal.moved`.
    public let type: String
    /// The schema version of the payload.
    public let version: Int
    /// This record's place in its batch: 1-based index and the batch size.
    public let batchIndex: Int32, batchCount: Int32
    /// The record's own checksum, and the checksum of the record before it.
    public let checksum: UInt32, previousChecksum: UInt32
    /// The byte offset of the line in the log file.
    public let offset: Int64
    /// The line's length in bytes, newline included.
    public let length: Int32
    /// The payload's span within the line.
    let payloadStart: Int32, payloadLength: Int32

    /// A placeholder for a line that did not decode: only its place is known.
    static func placeholder(offset: Int64, length: Int) -> Record {
        Record(id: RecordID(0), time: Timestamp(milliseconds: 0), actor: "", type: "", version: 0,
               batchIndex: 0, batchCount: 0, checksum: 0, previousChecksum: 0,
               offset: offset, length: Int32(clamping: length), payloadStart: 0, payloadLength: 0)
    }

    /// Whether this record ends its batch (a user action is complete).
    public var endsBatch: Bool { batchIndex == batchCount }
}

/// An event to append: its type, schema version and payload.
public struct NewRecord: Sendable {
    /// The event type, e.g. `deal.moved`.
    public var type: String
    /// The payload's schema version.
    public var version: Int
    /// The payload: a JSON object.
    public var payload: JSON
    /// The time to stamp; nil means the moment of the append. Imports of
    /// history (the demo) give the time the event happened.
    public var time: Timestamp?
    /// Who did it; nil means the store's actor. Imports give the original author.
    public var actor: String?

    /// An event of `type` at `version` carrying `payload`.
    public init(type: String, version: Int, payload: JSON, time: Timestamp? = nil, actor: String? = nil) {
        self.type = type
        self.version = version
        self.payload = payload
        self.time = time
        self.actor = actor
    }
}
