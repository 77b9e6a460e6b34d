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
    case shiftSigns, contributions, sensitiveTo, horizon, walletShare, recommends, switchingBarrier, lockIns, strategy

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
        case .shiftSigns: .terms(c.shiftSigns)
        case .contributions: .terms(c.contributions)
        case .sensitiveTo: .term(c.sensitiveTo)
        case .horizon: .term(c.horizon)
        case .walletShare: c.walletShare.map { .int(Int64($0)) } ?? .null
        case .recommends: c.recommends.map(JSON.bool) ?? .null
        case .switchingBarrier: .term(c.switchingBarrier)
        case .lockIns: .terms(c.lockIns)
        case .strategy: .term(c.strategy)
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
        case .shiftSigns: c.shiftSigns = try v.termList(key)
        case .contributions: c.contributions = try v.termList(key)
        case .sensitiveTo: c.sensitiveTo = try v.optionalTerm(key)
        case .horizon: c.horizon = try v.optionalTerm(key)
        case .walletShare: c.walletShare = try v.optionalPercent(key)
        case .recommends: c.recommends = try v.optionalBool(key)
        case .switchingBarrier: c.switchingBarrier = try v.optionalTerm(key)
        case .lockIns: c.lockIns = try v.termList(key)
        case .strategy: c.strategy = try v.optionalTerm(key)
        }
    }
}

/// The editable fields of a deal (its stage moves by its own events),
/// including what each stage records.
public enum DealField: String, EntityField {
    case title, value, probability, close, owner
    case contactTime, plan, appointmentWith, appointmentAt, appointmentPlace, appointmentPurpose, approach, presentation, closing

    public func value(of d: Deal) -> JSON {
        switch self {
        case .title: .string(d.title)
        case .value: .text(d.value?.description)
        case .probability: d.probabilityOverride.map { .int(Int64($0)) } ?? .null
        case .close: .text(d.expectedClose?.description)
        case .owner: .text(d.owner)
        case .contactTime: .text(d.contactTime)
        case .plan: .text(d.plan)
        case .appointmentWith: .text(d.appointmentWith)
        case .appointmentAt: .text(d.appointmentAt?.description)
        case .appointmentPlace: .text(d.appointmentPlace)
        case .appointmentPurpose: .text(d.appointmentPurpose)
        case .approach: .term(d.approach)
        case .presentation: .term(d.presentation)
        case .closing: .term(d.closing)
        }
    }

    /// The stage whose content the field records, if any.
    public var stage: Stage? {
        switch self {
        case .contactTime, .plan: .preparation
        case .appointmentWith, .appointmentAt, .appointmentPlace, .appointmentPurpose, .approach: .approach
        case .presentation: .presentation
        case .closing: .closing
        case .title, .value, .probability, .close, .owner: nil
        }
    }

    public func set(_ v: JSON, on d: inout Deal) throws(InputError) {
        switch self {
        case .title: d.title = try v.requiredText(rawValue)
        case .value:
            d.value = try v.optionalText(rawValue).map { s throws(InputError) in
                guard let m = Money(s) else { throw InputError(say("actions.field.notAmount", Check.fieldWord("value"), s)) }
                return m
            }
        case .probability:
            guard v.isNull || (v.int.map { (0...100).contains($0) } ?? false) else {
                throw InputError(say("actions.field.expectedPercent", Check.fieldWord("probability")))
            }
            d.probabilityOverride = v.int.map { Int($0) }
        case .close:
            d.expectedClose = try v.optionalText(rawValue).map { s throws(InputError) in
                guard let day = Day(s) else { throw InputError(say("actions.field.notDate", Check.fieldWord("close"), s)) }
                return day
            }
        case .owner: d.owner = try v.optionalText(rawValue)
        case .contactTime: d.contactTime = try v.optionalText(rawValue)
        case .plan: d.plan = try v.optionalText(rawValue)
        case .appointmentWith: d.appointmentWith = try v.optionalText(rawValue)
        case .appointmentAt: d.appointmentAt = try v.optionalTime(rawValue)
        case .appointmentPlace: d.appointmentPlace = try v.optionalText(rawValue)
        case .appointmentPurpose: d.appointmentPurpose = try v.optionalText(rawValue)
        case .approach: d.approach = try v.optionalTerm(rawValue)
        case .presentation: d.presentation = try v.optionalTerm(rawValue)
        case .closing: d.closing = try v.optionalTerm(rawValue)
        }
    }
}

/// The editable fields of a contact person.
public enum ContactField: String, EntityField {
    case name, role, title, phone, email, coach, coachCriteria

    public func value(of p: Contact) -> JSON {
        switch self {
        case .name: .string(p.name)
        case .role: .term(p.role)
        case .title: .text(p.title)
        case .phone: .text(p.phone)
        case .email: .text(p.email)
        case .coach: .bool(p.isCoach)
        case .coachCriteria: .terms(p.coachCriteria)
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
        case .coachCriteria: p.coachCriteria = try v.termList(rawValue)
        }
    }
}

/// The editable fields of a complaint: its steps toward resolution and the
/// customer's confirmation that they are satisfied.
public enum ComplaintField: String, EntityField {
    case summary, steps, satisfied

    public func value(of k: Complaint) -> JSON {
        switch self {
        case .summary: .string(k.summary)
        case .steps: .array(k.steps.map { .object(["day": .string($0.day.description), "text": .string($0.text)]) })   // catalogue: not text
        case .satisfied: k.satisfied.map(JSON.bool) ?? .null
        }
    }

    public func set(_ v: JSON, on k: inout Complaint) throws(InputError) {
        switch self {
        case .summary: k.summary = try v.requiredText(rawValue)
        case .steps:
            guard let list = v.isNull ? [] : v.array else { throw InputError(say("actions.field.expectedList", Check.fieldWord("steps"))) }
            k.steps = try list.map { step throws(InputError) in
                guard let o = step.object, let day = o["day"]?.string.flatMap({ Day($0) }), let text = o["text"]?.string, !text.isEmpty else {
                    throw InputError(say("actions.field.expectedSteps", Check.fieldWord("steps")))
                }
                return ComplaintStep(day: day, text: text)
            }
        case .satisfied: k.satisfied = try v.optionalBool(rawValue)
        }
    }
}

/// The editable fields of an installed product.
public enum ProductField: String, EntityField {
    case name, installedOn, serviceEvery, serial, note, removedOn

    public func value(of a: Product) -> JSON {
        switch self {
        case .name: .string(a.name)
        case .installedOn: .string(a.installedOn.description)
        case .serviceEvery: .text(a.serviceEvery?.description)
        case .serial: .text(a.serial)
        case .note: .text(a.note)
        case .removedOn: .text(a.removedOn?.description)
        }
    }

    public func set(_ v: JSON, on a: inout Product) throws(InputError) {
        switch self {
        case .name: a.name = try v.requiredText(rawValue)
        case .installedOn: a.installedOn = try v.requiredDay(rawValue)
        case .serviceEvery:
            a.serviceEvery = try v.optionalText(rawValue).map { s throws(InputError) in try ServiceInterval.parsing(s, field: rawValue) }
        case .serial: a.serial = try v.optionalText(rawValue)
        case .note: a.note = try v.optionalText(rawValue)
        case .removedOn: a.removedOn = try v.optionalText(rawValue) == nil ? nil : try v.requiredDay(rawValue)
        }
    }
}

// MARK: - JSON shapes of field values

extension JSON {
    public static func text(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    public static func strings(_ a: [String]) -> JSON { .array(a.map(JSON.string)) }
    public static func term<T: Term>(_ t: T?) -> JSON { t.map { .string($0.rawValue) } ?? .null }
    public static func terms<T: Term>(_ list: [T]) -> JSON { .array(list.map { .string($0.rawValue) }) }

    func requiredText(_ key: String) throws(InputError) -> String {
        guard let s = string, !s.isEmpty else { throw InputError(say("actions.field.expectedText", Check.fieldWord(key))) }
        return s
    }

    func optionalText(_ key: String) throws(InputError) -> String? {
        if isNull { return nil }
        guard let s = string else { throw InputError(say("actions.field.expectedText", Check.fieldWord(key))) }
        return s.isEmpty ? nil : s
    }

    func stringList(_ key: String) throws(InputError) -> [String] {
        if isNull { return [] }
        guard let a = array else { throw InputError(say("actions.field.expectedList", Check.fieldWord(key))) }
        return try a.map { e throws(InputError) in
            guard let s = e.string else { throw InputError(say("actions.field.expectedTexts", Check.fieldWord(key))) }
            return s
        }
    }

    func requiredTerm<T: Term>(_ key: String) throws(InputError) -> T {
        guard let s = string, let t = T(rawValue: s) ?? T.parse(s) else {
            let both = Language.reading == .en ? T.allCases.map { "\($0.rawValue)/\($0.chinese)" }.joined(separator: ", ") : T.choicesWord
            if let string { throw InputError(say("actions.field.notTerm", Check.fieldWord(key), string, T.nounWord, both)) }
            throw InputError(say("actions.field.expectedTerm", Check.fieldWord(key), T.nounWord, both))
        }
        return t
    }

    func optionalTerm<T: Term>(_ key: String) throws(InputError) -> T? {
        isNull ? nil : try requiredTerm(key) as T
    }

    func termList<T: Term>(_ key: String) throws(InputError) -> [T] {
        var out: [T] = []
        for s in try stringList(key) {
            let t: T = try JSON.string(s).requiredTerm(key)
            if !out.contains(t) { out.append(t) }
        }
        return out
    }

    func optionalPercent(_ key: String) throws(InputError) -> Int? {
        if isNull { return nil }
        guard let n = int, (0...100).contains(n) else { throw InputError(say("actions.field.expectedPercentage", Check.fieldWord(key)), field: key) }
        return Int(n)
    }

    func optionalTime(_ key: String) throws(InputError) -> Timestamp? {
        guard let s = try optionalText(key) else { return nil }
        guard let t = Timestamp(rfc3339: Array(s.utf8)) else { throw InputError(say("actions.field.expectedTime", Check.fieldWord(key)), field: key) }
        return t
    }

    func requiredDay(_ key: String) throws(InputError) -> Day {
        guard let s = string, let day = Day(s) else { throw InputError(say("actions.field.expectedDate", Check.fieldWord(key)), field: key) }
        return day
    }

    func optionalBool(_ key: String) throws(InputError) -> Bool? {
        if isNull { return nil }
        guard let b = bool else { throw InputError(say("actions.field.expectedBool", Check.fieldWord(key))) }
        return b
    }
}
