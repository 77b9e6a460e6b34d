/// Something that happened, as recorded in the log: one record carries one
/// event; a user action writes a batch of them. Each kind of event is its own
/// type (`EventBody`), in its own file; this wraps any of them.
public struct Event: Sendable, Equatable {
    /// The event itself.
    public let body: any EventBody

    public init(_ body: some EventBody) { self.body = body }

    public static func == (a: Event, b: Event) -> Bool { a.body.isEqual(to: b.body) }

    /// The record type written to the log, e.g. `deal.moved`.
    public var type: String { Swift.type(of: body).type }

    /// The event as one kind, if it is of that kind.
    public func `as`<T: EventBody>(_: T.Type) -> T? { body as? T }

    /// The entity this event creates, if it creates one.
    public var createdRef: EntityRef? { body.created }

    /// The payload written to the log.
    public var payload: JSONObject {
        var w = PayloadWriter()
        body.write(to: &w)
        return w.object
    }

    /// The record to append for this event.
    public func record(at time: Timestamp? = nil, actor: String? = nil) -> NewRecord {
        NewRecord(type: type, version: Swift.type(of: body).version, payload: .object(payload), time: time, actor: actor)
    }

    /// Reads the event of a record: upgrades an older payload, then decodes it.
    public init(type typeName: String, version: Int, payload: JSON) throws {
        guard let kind = EventRegistry.kind(typeName) else {
            throw EventDecodingError(type: typeName, reason: "unknown event type (written by a newer rapport?)")   // catalogue: not text (about the log's records: kept in English)
        }
        guard let object = payload.object else { throw EventDecodingError(type: typeName, reason: "payload is not an object") }   // catalogue: not text (about the log's records: kept in English)
        let current = try EventRegistry.upgrades.upgrade(type: typeName, version: version, payload: object)
        do {
            body = try kind.init(PayloadReader(object: current))
        } catch {
            throw EventDecodingError(type: typeName, reason: error.description)   // catalogue: not text (about the log's records: kept in English)
        }
    }
}

/// An event payload that does not read: the record type and what is wrong.
public struct EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let type: String
    public let reason: String
    public var description: String { "\(type): \(reason)" }   // catalogue: not text (about the log's records: kept in English)
}

/// A field's value before and after a change, as JSON.
public struct FieldChange<Field: Hashable & Sendable>: Equatable, Sendable {
    public var field: Field
    public var from: JSON
    public var to: JSON

    public init(_ field: Field, from: JSON, to: JSON) {
        self.field = field
        self.from = from
        self.to = to
    }

    /// The change the other way round.
    public var reversed: FieldChange { FieldChange(field, from: to, to: from) }
}
