/// An event payload that does not read: the record type and what is wrong.
public struct EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let type: String
    public let reason: String
    public var description: String { "\(type): \(reason)" }
}

extension Event {
    // MARK: - Writing

    /// The record to append for this event.
    public func record(at time: Timestamp? = nil, actor: String? = nil) -> NewRecord {
        NewRecord(type: type.rawValue, version: type.currentVersion, payload: .object(payload), time: time, actor: actor)
    }

    /// The payload written to the log.
    public var payload: JSONObject {
        var o = JSONObject()
        func put(_ key: String, _ value: JSON?) { if let value, !value.isNull { o[key] = value } }
        func putFields(_ members: [(String, JSON)]) { for (k, v) in members { o[k] = v } }
        switch self {
        case .customerCreated(let c):
            put("id", .string(c.id.description))
            putFields(CustomerField.members(of: c, besides: Customer(id: c.id, name: "")))
        case .customerChanged(let id, let change):
            put("id", .string(id.description)); put("field", .string(change.field.rawValue))
            o["from"] = change.from; o["to"] = change.to
        case .contactAdded(let p):
            put("id", .string(p.id.description)); put("customer", .string(p.customer.description))
            putFields(ContactField.members(of: p, besides: Contact(id: p.id, customer: p.customer, name: "")))
        case .contactChanged(let id, let change):
            put("id", .string(id.description)); put("field", .string(change.field.rawValue))
            o["from"] = change.from; o["to"] = change.to
        case .dealCreated(let d):
            put("id", .string(d.id.description)); put("customer", .string(d.customer.description))
            put("stage", .string(d.stage.rawValue))
            putFields(DealField.members(of: d, besides: Deal(id: d.id, customer: d.customer, title: "")))
        case .dealChanged(let id, let change):
            put("id", .string(id.description)); put("field", .string(change.field.rawValue))
            o["from"] = change.from; o["to"] = change.to
        case .dealMoved(let id, let from, let to):
            put("id", .string(id.description)); put("from", .string(from.rawValue)); put("to", .string(to.rawValue))
        case .dealClosed(let id, let outcome, let reason), .dealReopened(let id, let outcome, let reason):
            put("id", .string(id.description)); put("outcome", .string(outcome.rawValue)); put("reason", .text(reason))
        case .interactionLogged(let i):
            put("id", .string(i.id.description)); put("customer", .string(i.customer.description))
            put("deal", i.deal.map { .string($0.description) }); put("contact", i.contact.map { .string($0.description) })
            put("kind", .string(i.kind.rawValue)); put("direction", .string(i.direction.rawValue))
            put("at", .string(i.at.description)); put("duration", i.durationSeconds.map { .int(Int64($0)) })
            put("outcome", .term(i.outcome)); put("objection", .term(i.objection))
            put("technique", .term(i.technique)); put("mood", .term(i.mood)); put("note", .text(i.note))
        case .moodNoted(let m):
            put("id", .string(m.id.description)); put("customer", .string(m.customer.description))
            put("mood", .string(m.mood.rawValue)); put("at", .string(m.at.description)); put("note", .text(m.note))
        case .noteAdded(let n):
            put("id", .string(n.id.description)); put("customer", .string(n.customer.description))
            put("text", .string(n.text)); put("at", .string(n.at.description))
        case .followUpScheduled(let f):
            put("id", .string(f.id.description)); put("customer", .string(f.customer.description))
            put("deal", f.deal.map { .string($0.description) }); put("due", .string(f.due.description))
            put("tactic", .term(f.tactic)); put("note", .text(f.note))
        case .followUpCompleted(let id, let outcome, let interaction):
            put("id", .string(id.description)); put("outcome", .term(outcome))
            put("interaction", interaction.map { .string($0.description) })
        case .followUpSnoozed(let id, let from, let to):
            put("id", .string(id.description)); put("from", .string(from.description)); put("to", .string(to.description))
        case .followUpCancelled(let id, let reason):
            put("id", .string(id.description)); put("reason", .text(reason))
        case .followUpReopened(let id, let was, let outcome, let reason):
            put("id", .string(id.description)); put("was", .string(was.rawValue))
            put("outcome", .term(outcome)); put("reason", .text(reason))
        case .complaintOpened(let k):
            put("id", .string(k.id.description)); put("customer", .string(k.customer.description))
            put("deal", k.deal.map { .string($0.description) }); put("summary", .string(k.summary))
        case .complaintResolved(let id, let resolution), .complaintReopened(let id, let resolution):
            put("id", .string(id.description)); put("resolution", .text(resolution))
        case .purchaseRecorded(let b):
            put("id", .string(b.id.description)); put("customer", .string(b.customer.description))
            put("amount", .string(b.amount.description)); put("date", .string(b.date.description)); put("note", .text(b.note))
        case .withdrawn(let ref), .restored(let ref):
            put("id", .string(ref.description))
        case .undone(let batch):
            put("batch", .string(batch.description))
        }
        return o
    }

    // MARK: - Reading

    /// Reads the event of a record: upgrades an older payload, then decodes it.
    public init(type typeName: String, version: Int, payload: JSON) throws {
        guard let type = EventType(rawValue: typeName) else {
            throw EventDecodingError(type: typeName, reason: "unknown event type (written by a newer rapport?)")
        }
        guard let object = payload.object else { throw EventDecodingError(type: typeName, reason: "payload is not an object") }
        let current = try EventType.upgrades.upgrade(type: typeName, version: version, payload: object)
        do {
            self = try Event.decode(type, PayloadReader(object: current))
        } catch let e as InputError {
            throw EventDecodingError(type: typeName, reason: e.description)
        }
    }

    private static func decode(_ type: EventType, _ p: PayloadReader) throws -> Event {
        switch type {
        case .customerCreated:
            var c = Customer(id: try p.id("id"), name: "")
            try CustomerField.apply(p.object, to: &c)
            guard !c.name.isEmpty else { throw InputError("name: expected text") }
            return .customerCreated(c)
        case .customerChanged:
            return .customerChanged(try p.id("id"), try p.change())
        case .contactAdded:
            var c = Contact(id: try p.id("id"), customer: try p.id("customer"), name: "")
            try ContactField.apply(p.object, to: &c)
            guard !c.name.isEmpty else { throw InputError("name: expected text") }
            return .contactAdded(c)
        case .contactChanged:
            return .contactChanged(try p.id("id"), try p.change())
        case .dealCreated:
            var d = Deal(id: try p.id("id"), customer: try p.id("customer"), title: "")
            d.stage = try p.term("stage")
            try DealField.apply(p.object, to: &d)
            guard !d.title.isEmpty else { throw InputError("title: expected text") }
            return .dealCreated(d)
        case .dealChanged:
            return .dealChanged(try p.id("id"), try p.change())
        case .dealMoved:
            return .dealMoved(try p.id("id"), from: try p.term("from"), to: try p.term("to"))
        case .dealClosed:
            return .dealClosed(try p.id("id"), try p.term("outcome"), reason: try p.optionalText("reason"))
        case .dealReopened:
            return .dealReopened(try p.id("id"), try p.term("outcome"), reason: try p.optionalText("reason"))
        case .interactionLogged:
            var i = Interaction(id: try p.id("id"), customer: try p.id("customer"), at: try p.time("at"))
            i.deal = try p.optionalID("deal")
            i.contact = try p.optionalID("contact")
            i.kind = try p.term("kind")
            i.direction = try p.term("direction")
            i.durationSeconds = try p.optionalInt("duration").map { Int32(clamping: $0) }
            i.outcome = try p.optionalTerm("outcome")
            i.objection = try p.optionalTerm("objection")
            i.technique = try p.optionalTerm("technique")
            i.mood = try p.optionalTerm("mood")
            i.note = try p.optionalText("note")
            return .interactionLogged(i)
        case .moodNoted:
            var m = MoodNote(id: try p.id("id"), customer: try p.id("customer"), mood: try p.term("mood"), at: try p.time("at"))
            m.note = try p.optionalText("note")
            return .moodNoted(m)
        case .noteAdded:
            return .noteAdded(Note(id: try p.id("id"), customer: try p.id("customer"), text: try p.text("text"), at: try p.time("at")))
        case .followUpScheduled:
            var f = FollowUp(id: try p.id("id"), customer: try p.id("customer"), due: try p.time("due"))
            f.deal = try p.optionalID("deal")
            f.tactic = try p.optionalTerm("tactic")
            f.note = try p.optionalText("note")
            return .followUpScheduled(f)
        case .followUpCompleted:
            return .followUpCompleted(try p.id("id"), outcome: try p.optionalTerm("outcome"), interaction: try p.optionalID("interaction"))
        case .followUpSnoozed:
            return .followUpSnoozed(try p.id("id"), from: try p.time("from"), to: try p.time("to"))
        case .followUpCancelled:
            return .followUpCancelled(try p.id("id"), reason: try p.optionalText("reason"))
        case .followUpReopened:
            return .followUpReopened(try p.id("id"), was: try p.term("was"), outcome: try p.optionalTerm("outcome"),
                                     reason: try p.optionalText("reason"))
        case .complaintOpened:
            var k = Complaint(id: try p.id("id"), customer: try p.id("customer"), summary: try p.text("summary"))
            k.deal = try p.optionalID("deal")
            return .complaintOpened(k)
        case .complaintResolved:
            return .complaintResolved(try p.id("id"), resolution: try p.optionalText("resolution"))
        case .complaintReopened:
            return .complaintReopened(try p.id("id"), resolution: try p.optionalText("resolution"))
        case .purchaseRecorded:
            guard let amount = Money(try p.text("amount")) else { throw InputError("amount: expected an amount") }
            guard let date = Day(try p.text("date")) else { throw InputError("date: expected a date") }
            var b = Purchase(id: try p.id("id"), customer: try p.id("customer"), amount: amount, date: date)
            b.note = try p.optionalText("note")
            return .purchaseRecorded(b)
        case .withdrawn, .restored:
            guard let ref = EntityRef(try p.text("id")) else { throw InputError("id: expected an entity id") }
            return type == .withdrawn ? .withdrawn(ref) : .restored(ref)
        case .undone:
            guard let id = RecordID(try p.text("batch")) else { throw InputError("batch: expected a record id") }
            return .undone(batch: id)
        }
    }
}

/// Typed access to a payload's members, with messages that name the field.
struct PayloadReader {
    let object: JSONObject

    func value(_ key: String) -> JSON { object[key] ?? .null }
    func text(_ key: String) throws(InputError) -> String { try value(key).requiredText(key) }
    func optionalText(_ key: String) throws(InputError) -> String? { try value(key).optionalText(key) }
    func term<T: Term>(_ key: String) throws(InputError) -> T { try value(key).requiredTerm(key) }
    func optionalTerm<T: Term>(_ key: String) throws(InputError) -> T? { try value(key).optionalTerm(key) }

    func id<E>(_ key: String) throws(InputError) -> ID<E> {
        guard let id = ID<E>(try text(key)) else { throw InputError("\(key): expected a \(E.kind.noun) id") }
        return id
    }

    func optionalID<E>(_ key: String) throws(InputError) -> ID<E>? {
        value(key).isNull ? nil : try id(key) as ID<E>
    }

    func time(_ key: String) throws(InputError) -> Timestamp {
        guard let t = Timestamp(rfc3339: Array(try text(key).utf8)) else { throw InputError("\(key): expected a time") }
        return t
    }

    func optionalInt(_ key: String) throws(InputError) -> Int64? {
        let v = value(key)
        if v.isNull { return nil }
        guard let i = v.int else { throw InputError("\(key): expected a whole number") }
        return i
    }

    func change<F: EntityField>() throws(InputError) -> FieldChange<F> {
        let name = try text("field")
        guard let field = F(rawValue: name) else { throw InputError("field: unknown field \"\(name)\"") }
        return FieldChange(field, from: value("from"), to: value("to"))
    }
}
