/// The kinds of things the domain keeps, each with the letter its ids start with.
public enum EntityKind: String, CaseIterable, Sendable {
    case customer = "c", contact = "p", deal = "d", interaction = "i", followUp = "f"
    case complaint = "k", purchase = "b", moodNote = "m", note = "n", survey = "s", product = "a"

    /// The kind's name in English: "customer", "follow-up" (as anomaly
    /// reasons keep it, whatever the language).
    public var noun: String {
        switch self {
        case .customer: "customer"   // catalogue: not text (kept in English: log anomalies)
        case .contact: "contact person"   // catalogue: not text (kept in English: log anomalies)
        case .deal: "deal"   // catalogue: not text (kept in English: log anomalies)
        case .interaction: "interaction"   // catalogue: not text (kept in English: log anomalies)
        case .followUp: "follow-up"   // catalogue: not text (kept in English: log anomalies)
        case .complaint: "complaint"   // catalogue: not text (kept in English: log anomalies)
        case .purchase: "purchase"   // catalogue: not text (kept in English: log anomalies)
        case .moodNote: "mood note"   // catalogue: not text (kept in English: log anomalies)
        case .note: "note"   // catalogue: not text (kept in English: log anomalies)
        case .survey: "satisfaction survey"   // catalogue: not text (kept in English: log anomalies)
        case .product: "installed product"   // catalogue: not text (kept in English: log anomalies)
        }
    }

    /// The kind's name in the language of the moment: "customer", 客户.
    public var word: String {
        switch self {
        case .customer: say("model.kind.customer")
        case .contact: say("model.kind.contact")
        case .deal: say("model.kind.deal")
        case .interaction: say("model.kind.interaction")
        case .followUp: say("model.kind.followUp")
        case .complaint: say("model.kind.complaint")
        case .purchase: say("model.kind.purchase")
        case .moodNote: say("model.kind.moodNote")
        case .note: say("model.kind.note")
        case .survey: say("model.kind.survey")
        case .product: say("model.kind.product")
        }
    }
}

/// Something with an id of its own kind.
public protocol Identified {
    static var kind: EntityKind { get }
    var id: ID<Self> { get }
}

/// Something that belongs to one customer and can be withdrawn (by undo).
public protocol CustomerOwned: Identified {
    var customer: CustomerID { get }
    var withdrawn: Bool { get }
}

/// The id of an entity: its kind's letter and a number counted from 1 in
/// log order, e.g. `c12`, `d3`. Typed, so a deal id cannot stand for a customer.
public struct ID<Entity: Identified>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 1, 2, 3 … in the order the entities were created.
    public let number: Int32

    /// The id with this number.
    public init(_ number: Int32) { self.number = number }

    /// Parses `c12` (any case); nil for anything else.
    public init?(_ text: String) {
        guard let ref = EntityRef(text), ref.kind == Entity.kind else { return nil }
        number = ref.number
    }

    public var description: String { Entity.kind.rawValue + String(number) }
    /// The untyped reference.
    public var ref: EntityRef { EntityRef(kind: Entity.kind, number: number) }
    /// The position in a state's array of these entities.
    var index: Int { Int(number) - 1 }

    public static func < (a: ID, b: ID) -> Bool { a.number < b.number }
}

/// An id of any kind: `c12`, `f3`.
public struct EntityRef: Hashable, Sendable, CustomStringConvertible {
    public let kind: EntityKind
    public let number: Int32

    public init(kind: EntityKind, number: Int32) {
        self.kind = kind
        self.number = number
    }

    /// Parses a letter and a positive number (any case); nil otherwise.
    public init?(_ text: String) {
        let t = text.trimmingSpaces.lowercased()
        guard let first = t.first, let kind = EntityKind(rawValue: String(first)),
              let n = Int32(t.dropFirst()), n > 0, t.dropFirst().allSatisfy(\.isASCII)
        else { return nil }
        self.kind = kind
        number = n
    }

    public var description: String { kind.rawValue + String(number) }
}

public typealias CustomerID = ID<Customer>
public typealias ContactID = ID<Contact>
public typealias DealID = ID<Deal>
public typealias InteractionID = ID<Interaction>
public typealias FollowUpID = ID<FollowUp>
public typealias ComplaintID = ID<Complaint>
public typealias PurchaseID = ID<Purchase>
public typealias MoodNoteID = ID<MoodNote>
public typealias NoteID = ID<Note>
public typealias SurveyID = ID<Survey>
public typealias ProductID = ID<Product>
