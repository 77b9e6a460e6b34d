/// Everything the log says, folded: entities by id, and the links that the
/// queries walk. A value type: folding up to a past moment gives another one.
public struct CRMState: Equatable, Sendable {
    public internal(set) var customers: ChunkedArray<Customer> = []
    public internal(set) var contacts: ChunkedArray<Contact> = []
    public internal(set) var deals: ChunkedArray<Deal> = []
    public internal(set) var interactions: ChunkedArray<Interaction> = []
    public internal(set) var followUps: ChunkedArray<FollowUp> = []
    public internal(set) var complaints: ChunkedArray<Complaint> = []
    public internal(set) var purchases: ChunkedArray<Purchase> = []
    public internal(set) var moodNotes: ChunkedArray<MoodNote> = []
    public internal(set) var notes: ChunkedArray<Note> = []
    public internal(set) var surveys: ChunkedArray<Survey> = []
    public internal(set) var products: ChunkedArray<Product> = []

    /// Records that could not be applied (a reference to nothing, an id out of
    /// sequence), or not even read (written by a newer version). They stay
    /// in the log; `rapport check` lists them.
    public internal(set) var anomalies: [Anomaly] = []
    /// Records this version cannot read: an unknown event type, a newer
    /// schema version, a payload that does not decode. While there are any,
    /// the log is read but not written to.
    public internal(set) var unreadableCount = 0

    /// How many records have been folded.
    public var recordCount: Int { records.count + recordsLeftOut }
    /// The records whose links a state that only reads left out (see `StateLists.recordLinks`).
    var recordsLeftOut = 0
    /// The time of the last record folded.
    public internal(set) var lastRecordTime: Timestamp?

    /// Per record: where it is, and which customer it concerns.
    var records = RecordLinks()
    /// The lists a command that only reads left out when opening (see
    /// `StateLists`); empty for a state that can be folded on.
    public internal(set) var leftOut: StateLists = []
    /// Each actor's actions (batches), oldest first, for undo.
    var actions: [String: [Batch]] = [:]
    /// Batches that have been undone, by the position of their first record.
    var undone: Set<Int32> = []

    public init() {}

    /// One user action as written: the batch's first record, its size, and
    /// the low bits of the first record's id (to check what an undo names).
    struct Batch: Equatable, Sendable {
        let firstRecord: Int32
        let count: Int32
        let tag: UInt32

        static func tag(_ id: RecordID) -> UInt32 { UInt32(truncatingIfNeeded: id.value) }
    }
}

/// The large lists of the state. A command that only reads may open the
/// log with fewer of them, decoding less of the checkpoint; the lists it
/// leaves out stay empty, and such a state can never be folded on or saved.
public struct StateLists: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let customers = StateLists(rawValue: 1 << 0)
    public static let contacts = StateLists(rawValue: 1 << 1)
    public static let deals = StateLists(rawValue: 1 << 2)
    public static let interactions = StateLists(rawValue: 1 << 3)
    public static let followUps = StateLists(rawValue: 1 << 4)
    /// Where each record is and whom it concerns, and the actions undo
    /// walks: needed by a timeline, history and undo, not by a report.
    public static let recordLinks = StateLists(rawValue: 1 << 5)
    /// Complaints, purchases, mood notes, notes, surveys, products, anomalies.
    public static let otherLists = StateLists(rawValue: 1 << 6)
    /// Every list: a whole state.
    public static let all: StateLists = [.customers, .contacts, .deals, .interactions, .followUps, .recordLinks, .otherLists]

    /// The lists checkpoint section `k` holds, if it is one of these.
    init(section k: Int) {
        switch k {
        case 0..<5: self.init(rawValue: 1 << UInt8(k))
        case 5: self = .otherLists
        case 6: self = .recordLinks
        default: self = []
        }
    }
}

/// A record the fold could not apply, and why.
public struct Anomaly: Equatable, Sendable, CustomStringConvertible {
    /// Its position in the log (0-based).
    public let record: Int
    public let id: RecordID
    public let reason: String
    /// Whether this version could not read it at all (rather than apply it).
    public let isUnreadable: Bool
    public var description: String { say("model.anomaly", record + 1, id, reason) }
}

/// Per-record facts the timeline and undo need, in compact parallel arrays.
struct RecordLinks: Equatable, Sendable {
    /// The byte offset of each record in the log.
    var offsets: ChunkedArray<Int64> = []
    /// The customer number each record concerns (0: none).
    var customer: ChunkedArray<Int32> = []
    /// The previous record about the same customer (-1: none).
    var previous: ChunkedArray<Int32> = []

    var count: Int { offsets.count }

    mutating func reserve(_ n: Int) {
        offsets.reserveCapacity(n)
        customer.reserveCapacity(n)
        previous.reserveCapacity(n)
    }
}

/// Where a record is and what it says: the envelope facts the fold uses.
public struct RecordInfo: Sendable {
    public let id: RecordID
    public let time: Timestamp
    public let actor: String
    public let offset: Int64
    public let batchIndex: Int32
    public let batchCount: Int32

    public init(_ r: Record) {
        id = r.id
        time = r.time
        actor = r.actor
        offset = r.offset
        batchIndex = r.batchIndex
        batchCount = r.batchCount
    }

    public init(id: RecordID, time: Timestamp, actor: String, offset: Int64, batchIndex: Int32 = 1, batchCount: Int32 = 1) {
        self.id = id
        self.time = time
        self.actor = actor
        self.offset = offset
        self.batchIndex = batchIndex
        self.batchCount = batchCount
    }
}
