/// One kind of event, whole in one file: its payload, how it is written to
/// and read from the log, how it changes the state, how undo takes it back,
/// and how it reads in a timeline. `EventRegistry` lists every kind.
///
/// To add a kind: write its file (a type conforming to `EventBody`, and a
/// factory on `Event`), add it to `EventRegistry.kinds`, and teach the views
/// that show it. The registry's tests check that every kind round-trips,
/// applies, undoes and describes itself.
public protocol EventBody: Sendable, Equatable {
    /// The record type in the log, e.g. `deal.moved`.
    static var type: String { get }
    /// The schema version written; raise it with an upgrade step.
    static var version: Int { get }
    /// Steps that bring older versions of the payload up to `version`.
    static var upgrades: [SchemaUpgrades.Step] { get }

    /// Reads a payload already brought up to `version`.
    init(_ payload: PayloadReader) throws(InputError)
    /// Writes the payload's members, in the order the log has always had them.
    func write(to payload: inout PayloadWriter)
    /// Changes the state; returns the customer the record concerns, if any.
    /// Throws (and the fold keeps the record as an anomaly) when it names
    /// something that is not there.
    func apply(to state: inout CRMState, _ record: RecordInfo) throws(InputError) -> CustomerID?
    /// The event that takes this one back in `state` (nil: nothing to take
    /// back), or why it cannot be: something changed since.
    func inverse(in state: CRMState) throws(Undo.Conflict) -> Event?
    /// One line for a timeline: who changed what.
    func describe(in state: CRMState, time: LocalTime?) -> String
    /// The entity this event creates, if it creates one.
    var created: EntityRef? { get }
    /// The entity this event changes (or creates), if it is about one: what
    /// a form open on that entity must hear of before it saves over it.
    var target: EntityRef? { get }
}

extension EventBody {
    public static var version: Int { 1 }
    public static var upgrades: [SchemaUpgrades.Step] { [] }
    public var created: EntityRef? { nil }
    public var target: EntityRef? { created }

    /// Whether `other` is this very event.
    func isEqual(to other: any EventBody) -> Bool { (other as? Self) == self }
}

/// A payload being written: members in order, `null`s left out.
public struct PayloadWriter {
    public private(set) var object = JSONObject()

    /// Sets `key`, unless the value is `null` (or nil).
    public mutating func put(_ key: String, _ value: JSON?) {
        if let value, !value.isNull { object[key] = value }
    }

    /// Sets `key` even to `null` (an edit's `from` and `to`).
    public mutating func keep(_ key: String, _ value: JSON) { object[key] = value }

    public mutating func put<E>(_ key: String, _ id: ID<E>?) { put(key, id.map { .string($0.description) }) }
    public mutating func put(_ key: String, _ text: String?) { put(key, text.map(JSON.string)) }
    public mutating func put<T: Term>(_ key: String, _ term: T?) { put(key, term.map { .string($0.rawValue) }) }
    public mutating func put(_ key: String, _ time: Timestamp?) { put(key, time.map { .string($0.description) }) }
    public mutating func put(fields members: [(String, JSON)]) { for (k, v) in members { object[k] = v } }
}

/// Typed access to a payload's members, with messages that name the field.
public struct PayloadReader {
    let object: JSONObject

    func value(_ key: String) -> JSON { object[key] ?? .null }
    func text(_ key: String) throws(InputError) -> String { try value(key).requiredText(key) }
    func optionalText(_ key: String) throws(InputError) -> String? { try value(key).optionalText(key) }
    func term<T: Term>(_ key: String) throws(InputError) -> T { try value(key).requiredTerm(key) }
    func optionalTerm<T: Term>(_ key: String) throws(InputError) -> T? { try value(key).optionalTerm(key) }

    func id<E>(_ key: String) throws(InputError) -> ID<E> {
        guard let id = ID<E>(try text(key)) else { throw InputError("\(key): expected a \(E.kind.noun) id", field: key) }   // catalogue: not text (about the log's records: kept in English)
        return id
    }

    func optionalID<E>(_ key: String) throws(InputError) -> ID<E>? {
        value(key).isNull ? nil : try id(key) as ID<E>
    }

    func ids<E>(_ key: String) throws(InputError) -> [ID<E>] {
        try value(key).stringList(key).map { s throws(InputError) in
            guard let id = ID<E>(s) else { throw InputError("\(key): expected \(E.kind.noun) ids", field: key) }   // catalogue: not text (about the log's records: kept in English)
            return id
        }
    }

    func time(_ key: String) throws(InputError) -> Timestamp {
        guard let t = Timestamp(rfc3339: Array(try text(key).utf8)) else { throw InputError("\(key): expected a time", field: key) }   // catalogue: not text (about the log's records: kept in English)
        return t
    }

    func optionalTime(_ key: String) throws(InputError) -> Timestamp? {
        value(key).isNull ? nil : try time(key)
    }

    func optionalInt(_ key: String) throws(InputError) -> Int64? {
        let v = value(key)
        if v.isNull { return nil }
        guard let i = v.int else { throw InputError("\(key): expected a whole number", field: key) }   // catalogue: not text (about the log's records: kept in English)
        return i
    }

    func ref(_ key: String) throws(InputError) -> EntityRef {
        guard let ref = EntityRef(try text(key)) else { throw InputError("\(key): expected an entity id", field: key) }   // catalogue: not text (about the log's records: kept in English)
        return ref
    }

    func change<F: EntityField>() throws(InputError) -> FieldChange<F> {
        let name = try text("field")
        guard let field = F(rawValue: name) else { throw InputError("field: unknown field \"\(name)\"", field: "field") }   // catalogue: not text (about the log's records: kept in English)
        return FieldChange(field, from: value("from"), to: value("to"))
    }
}
