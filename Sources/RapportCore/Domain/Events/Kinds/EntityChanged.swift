/// One field of an entity changed; the old value travels beside the new.
/// One generic kind serves every entity whose fields are edited one at a
/// time: `customer.changed`, `contact.changed`, `deal.changed`,
/// `complaint.changed`, `product.changed`.
public struct EntityChanged<Field: ChangeableField>: EventBody {
    public static var type: String { Field.changedType }
    public var id: ID<Field.Entity>
    public var change: FieldChange<Field>

    public init(_ id: ID<Field.Entity>, _ change: FieldChange<Field>) {
        self.id = id
        self.change = change
    }

    public init(_ p: PayloadReader) throws(InputError) {
        id = try p.id("id")
        change = try p.change()
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", id)
        p.put("field", change.field.rawValue)
        p.keep("from", change.from)
        p.keep("to", change.to)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state[keyPath: Field.entities], id)
        try change.field.set(change.to, on: &state[keyPath: Field.entities][i])
        return Field.customer(of: state[keyPath: Field.entities][i])
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        let all = state[keyPath: Field.entities]
        guard id.number >= 1, Int(id.number) <= all.count, change.field.value(of: all[id.index]) == change.to else {
            throw .changedSince(say("log.thing.field", id, fieldName))
        }
        return Event(EntityChanged(id, change.reversed))
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        let name = "\(id)\(Describe.name(id.ref, in: state).map { " " + Describe.preview($0, characters: 80) } ?? "")"
        if let words = Field.describe(change) { return Describe.detail(name, words) }
        return say("log.changed", fieldName, name, Describe.value(change.from), Describe.value(change.to))
    }

    /// The field as people read it: its code in English (as the timeline
    /// always gave it), its name in another language.
    var fieldName: String {
        guard Language.reading != .en else { return change.field.rawValue }
        let key = ["log", "field", "\(id.ref.kind)", change.field.rawValue].joined(separator: ".")   // log.field.deal.probability
        return say(key)
    }

    public var target: EntityRef? { id.ref }
}

/// The fields of an entity that `EntityChanged` edits: where the entities
/// live in the state, and the record type of a change.
public protocol ChangeableField: EntityField where Entity: Identified {
    static var changedType: String { get }
    static var entities: WritableKeyPath<CRMState, ChunkedArray<Entity>> { get }
    /// The customer a change concerns.
    static func customer(of entity: Entity) -> CustomerID
    /// The change in words, where "from → to" would not read well.
    static func describe(_ change: FieldChange<Self>) -> String?
}

extension ChangeableField {
    public static func describe(_ change: FieldChange<Self>) -> String? { nil }
}

extension CustomerField: ChangeableField {
    public static var changedType: String { "customer.changed" }
    public static var entities: WritableKeyPath<CRMState, ChunkedArray<Customer>> { \.customers }
    public static func customer(of c: Customer) -> CustomerID { c.id }
}

extension ContactField: ChangeableField {
    public static var changedType: String { "contact.changed" }
    public static var entities: WritableKeyPath<CRMState, ChunkedArray<Contact>> { \.contacts }
    public static func customer(of p: Contact) -> CustomerID { p.customer }
}

extension DealField: ChangeableField {
    public static var changedType: String { "deal.changed" }
    public static var entities: WritableKeyPath<CRMState, ChunkedArray<Deal>> { \.deals }
    public static func customer(of d: Deal) -> CustomerID { d.customer }
}

extension ComplaintField: ChangeableField {
    public static var changedType: String { "complaint.changed" }
    public static var entities: WritableKeyPath<CRMState, ChunkedArray<Complaint>> { \.complaints }
    public static func customer(of k: Complaint) -> CustomerID { k.customer }

    public static func describe(_ change: FieldChange<ComplaintField>) -> String? {
        switch change.field {
        case .steps:
            let before = change.from.array?.count ?? 0, after = change.to.array ?? []
            guard after.count == before + 1, let text = after.last?.object?["text"]?.string else { return nil }
            return say("log.complaint.step", after.count, Describe.preview(text))
        case .satisfied:
            return change.to.bool.map { say($0 ? "log.complaint.satisfied" : "log.complaint.notSatisfied") }
                ?? say("log.complaint.unconfirmed")
        case .summary:
            return nil
        }
    }
}

extension ProductField: ChangeableField {
    public static var changedType: String { "product.changed" }
    public static var entities: WritableKeyPath<CRMState, ChunkedArray<Product>> { \.products }
    public static func customer(of a: Product) -> CustomerID { a.customer }
}

public typealias CustomerChanged = EntityChanged<CustomerField>
public typealias ContactChanged = EntityChanged<ContactField>
public typealias DealChanged = EntityChanged<DealField>
public typealias ComplaintChanged = EntityChanged<ComplaintField>
public typealias ProductChanged = EntityChanged<ProductField>

extension Event {
    public static func customerChanged(_ id: CustomerID, _ change: FieldChange<CustomerField>) -> Event { Event(CustomerChanged(id, change)) }
    public static func contactChanged(_ id: ContactID, _ change: FieldChange<ContactField>) -> Event { Event(ContactChanged(id, change)) }
    public static func dealChanged(_ id: DealID, _ change: FieldChange<DealField>) -> Event { Event(DealChanged(id, change)) }
    public static func complaintChanged(_ id: ComplaintID, _ change: FieldChange<ComplaintField>) -> Event {
        Event(ComplaintChanged(id, change))
    }
    public static func productChanged(_ id: ProductID, _ change: FieldChange<ProductField>) -> Event { Event(ProductChanged(id, change)) }
}
