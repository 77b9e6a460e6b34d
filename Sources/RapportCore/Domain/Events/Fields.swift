/// A field of an entity that can be set when it is created and changed later.
/// The same table writes creation payloads, applies changes and renders history.
public protocol EntityField: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    associatedtype Entity
    /// The field's value as JSON (`null` when unset).
    func value(of entity: Entity) -> JSON
    /// Sets the field from JSON; throws when the value is of the wrong shape.
    func set(_ value: JSON, on entity: inout Entity) throws(InputError)
}

extension EntityField {
    /// Sets every field present in `object` on `entity`.
    static func apply(_ object: JSONObject, to entity: inout Entity) throws(InputError) {
        for field in allCases {
            if let v = object[field.rawValue] { try field.set(v, on: &entity) }
        }
    }

    /// Whether two versions of an entity hold the same values in every field.
    static func same(_ a: Entity, _ b: Entity) -> Bool { allCases.allSatisfy { $0.value(of: a) == $0.value(of: b) } }

    /// The fields of `entity` that differ from `blank`, as JSON members.
    static func members(of entity: Entity, besides blank: Entity) -> [(String, JSON)] {
        allCases.compactMap { f in
            let v = f.value(of: entity)
            return v == f.value(of: blank) ? nil : (f.rawValue, v)
        }
    }
}

/// The editable fields of a customer.
public enum CustomerField: String, EntityField {
    case name, kind, phones, emails, company, address, size, valueType
    case relationship, bonds, source, need, canPay, authority, experience, channel
    case doNotContact, doNotShare, owner, tags, personality, aidmas

    public func value(of c: Customer) -> JSON {
        switch self {
        case .name: .string(c.name)
        case .kind: .string(c.kind.rawValue)
        case .phones: .strings(c.phones)
        case .emails: .strings(c.emails)
        case .company: .text(c.company)
        case .address: .text(c.address)
        case .size: .term(c.size)
        case .valueType: .term(c.valueType)
        case .relationship: .string(c.relationship.rawValue)
        case .bonds: .strings(c.bonds.map(\.rawValue))
        case .source: .term(c.source)
        case .need: c.hasNeed.map(JSON.bool) ?? .null
        case .canPay: c.canPay.map(JSON.bool) ?? .null
        case .authority: c.hasAuthority.map(JSON.bool) ?? .null
        case .experience: .term(c.experience)
        case .channel: .term(c.channel)
        case .doNotContact: .bool(c.doNotContact)
        case .doNotShare: .bool(c.doNotShare)
        case .owner: .text(c.owner)
        case .tags: .strings(c.tags)
        case .personality: .term(c.personality)
        case .aidmas: .term(c.aidmas)
        }
    }

    public func set(_ v: JSON, on c: inout Customer) throws(InputError) {
        let key = rawValue
        switch self {
        case .name: c.name = try v.requiredText(key)
        case .kind: c.kind = try v.requiredTerm(key)
        case .phones: c.phones = try v.stringList(key)
        case .emails: c.emails = try v.stringList(key)
        case .company: c.company = try v.optionalText(key)
        case .address: c.address = try v.optionalText(key)
        case .size: c.size = try v.optionalTerm(key)
        case .valueType: c.valueType = try v.optionalTerm(key)
        case .relationship: c.relationship = try v.requiredTerm(key)
        case .bonds: c.bonds = try v.stringList(key).map { s throws(InputError) in try JSON.string(s).requiredTerm(key) }
        case .source: c.source = try v.optionalTerm(key)
        case .need: c.hasNeed = try v.optionalBool(key)
        case .canPay: c.canPay = try v.optionalBool(key)
        case .authority: c.hasAuthority = try v.optionalBool(key)
        case .experience: c.experience = try v.optionalTerm(key)
        case .channel: c.channel = try v.optionalTerm(key)
        case .doNotContact: c.doNotContact = try v.optionalBool(key) ?? false
        case .doNotShare: c.doNotShare = try v.optionalBool(key) ?? false
        case .owner: c.owner = try v.optionalText(key)
        case .tags: c.tags = try v.stringList(key)
        case .personality: c.personality = try v.optionalTerm(key)
        case .aidmas: c.aidmas = try v.optionalTerm(key)
        }
    }
}

/// The editable fields of a deal (its stage moves by its own events).
public enum DealField: String, EntityField {
    case title, value, probability, close, owner

    public func value(of d: Deal) -> JSON {
        switch self {
        case .title: .string(d.title)
        case .value: .text(d.value?.description)
        case .probability: d.probabilityOverride.map { .int(Int64($0)) } ?? .null
        case .close: .text(d.expectedClose?.description)
        case .owner: .text(d.owner)
        }
    }

    public func set(_ v: JSON, on d: inout Deal) throws(InputError) {
        switch self {
        case .title: d.title = try v.requiredText(rawValue)
        case .value:
            d.value = try v.optionalText(rawValue).map { s throws(InputError) in
                guard let m = Money(s) else { throw InputError("value: \"\(s)\" is not an amount") }
                return m
            }
        case .probability:
            guard v.isNull || (v.int.map { (0...100).contains($0) } ?? false) else {
                throw InputError("probability: expected 0 to 100")
            }
            d.probabilityOverride = v.int.map { Int($0) }
        case .close:
            d.expectedClose = try v.optionalText(rawValue).map { s throws(InputError) in
                guard let day = Day(s) else { throw InputError("close: \"\(s)\" is not a date") }
                return day
            }
        case .owner: d.owner = try v.optionalText(rawValue)
        }
    }
}

/// The editable fields of a contact person.
public enum ContactField: String, EntityField {
    case name, role, title, phone, email, coach

    public func value(of p: Contact) -> JSON {
        switch self {
        case .name: .string(p.name)
        case .role: .term(p.role)
        case .title: .text(p.title)
        case .phone: .text(p.phone)
        case .email: .text(p.email)
        case .coach: .bool(p.isCoach)
        }
    }

    public func set(_ v: JSON, on p: inout Contact) throws(InputError) {
        switch self {
        case .name: p.name = try v.requiredText(rawValue)
        case .role: p.role = try v.optionalTerm(rawValue)
        case .title: p.title = try v.optionalText(rawValue)
        case .phone: p.phone = try v.optionalText(rawValue)
        case .email: p.email = try v.optionalText(rawValue)
        case .coach: p.isCoach = try v.optionalBool(rawValue) ?? false
        }
    }
}

// MARK: - JSON shapes of field values

extension JSON {
    public static func text(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    public static func strings(_ a: [String]) -> JSON { .array(a.map(JSON.string)) }
    public static func term<T: Term>(_ t: T?) -> JSON { t.map { .string($0.rawValue) } ?? .null }

    func requiredText(_ key: String) throws(InputError) -> String {
        guard let s = string, !s.isEmpty else { throw InputError("\(key): expected text") }
        return s
    }

    func optionalText(_ key: String) throws(InputError) -> String? {
        if isNull { return nil }
        guard let s = string else { throw InputError("\(key): expected text") }
        return s.isEmpty ? nil : s
    }

    func stringList(_ key: String) throws(InputError) -> [String] {
        if isNull { return [] }
        guard let a = array else { throw InputError("\(key): expected a list") }
        return try a.map { e throws(InputError) in
            guard let s = e.string else { throw InputError("\(key): expected a list of text") }
            return s
        }
    }

    func requiredTerm<T: Term>(_ key: String) throws(InputError) -> T {
        guard let s = string, let t = T(rawValue: s) else {
            throw InputError("\(key): expected a \(T.noun) (\(T.choices))")
        }
        return t
    }

    func optionalTerm<T: Term>(_ key: String) throws(InputError) -> T? {
        isNull ? nil : try requiredTerm(key) as T
    }

    func optionalBool(_ key: String) throws(InputError) -> Bool? {
        if isNull { return nil }
        guard let b = bool else { throw InputError("\(key): expected true or false") }
        return b
    }
}
