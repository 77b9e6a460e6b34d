import Foundation

/// Finds customers by any part of a name (Chinese or Latin), company, contact
/// person, e-mail, or phone digits (spaces and punctuation ignored).
///
/// Built once per state: all customers' text in one lowercased buffer, scanned
/// with `memchr` and `memcmp`, so a query over 100,000 customers takes a few milliseconds.
public struct SearchIndex: Sendable {
    /// What a hit matched.
    public enum Field: Int, Comparable, Sendable {
        case name, company, contact, email, phone
        public static func < (a: Field, b: Field) -> Bool { a.rawValue < b.rawValue }
    }

    /// A customer found, and how well.
    public struct Hit: Sendable {
        public let customer: CustomerID
        public let field: Field
        /// 0 exact, 1 prefix, 2 inside.
        public let closeness: Int
    }

    var text: [UInt8] = []
    var digits: [UInt8] = []
    /// Where each customer's text starts (customer number - 1 ↦ offset), plus the end.
    var textStarts: [Int32] = []
    var digitStarts: [Int32] = []
    /// Where each field starts inside a customer's text.
    var fieldStarts: [(Int32, Int32, Int32, Int32)] = []

    /// The state the index was built from (its record count).
    public let recordCount: Int
    /// The lists of the state it reads.
    public static let reads: StateLists = [.customers, .contacts]

    /// An index read back from a checkpoint (see `SearchIndex+Archive`).
    init(recordCount: Int) { self.recordCount = recordCount }

    public init(_ state: CRMState) {
        recordCount = state.recordCount
        text.reserveCapacity(state.customers.count * 48)
        var contactNames = [Int32: [String]]()
        var contactPhones = [Int32: [String]]()
        for p in state.contacts where state.isLive(p) {
            contactNames[p.customer.number, default: []].append(p.name)
            if let phone = p.phone { contactPhones[p.customer.number, default: []].append(phone) }
        }
        for c in state.customers {
            textStarts.append(Int32(text.count))
            digitStarts.append(Int32(digits.count))
            guard state.isLive(c) else {
                fieldStarts.append((Int32(text.count), Int32(text.count), Int32(text.count), Int32(text.count)))
                continue
            }
            func add(_ s: String) {
                text += Array(s.lowercased().utf8)
                text.append(0x1F)
            }
            let nameStart = Int32(text.count)
            add(c.name)
            let companyStart = Int32(text.count)
            add(c.company ?? "")
            let contactStart = Int32(text.count)
            for n in contactNames[c.id.number] ?? [] { add(n) }
            let emailStart = Int32(text.count)
            for e in c.emails { add(e) }
            fieldStarts.append((nameStart, companyStart, contactStart, emailStart))
            for p in c.phones + (contactPhones[c.id.number] ?? []) {
                digits += Array(p.filter(\.isASCIIDigit).utf8)
                digits.append(0x1F)
            }
        }
        textStarts.append(Int32(text.count))
        digitStarts.append(Int32(digits.count))
    }

    /// Customers matching `query`, best first: names before companies,
    /// contacts, e-mails and phones; exact before prefix before inside.
    public func search(_ query: String, limit: Int = 20) -> [Hit] {
        let q = query.trimmingSpaces
        guard !q.isEmpty, limit > 0 else { return [] }
        let needle = Array(q.lowercased().utf8)
        if let names = namesFirst(needle, limit: limit) { return names }
        // Each customer's best rank so far (field × 3 + closeness; 0 best), in
        // one byte per customer: a query of one letter matches nearly all of them.
        let none = UInt8.max
        var rank = [UInt8](repeating: none, count: fieldStarts.count)
        /// Notes a hit; true when nothing later in the customer's text can rank
        /// better (the name is one segment and comes first).
        func consider(_ customer: Int, _ field: Field, _ closeness: Int) -> Bool {
            let r = UInt8(field.rawValue * 3 + closeness)
            if r < rank[customer] { rank[customer] = r }
            return field == .name || closeness == 0
        }
        scan(text, needle, starts: textStarts) { customer, offset in
            let fields = fieldStarts[customer]
            let field: Field = offset < fields.1 ? .name : offset < fields.2 ? .company : offset < fields.3 ? .contact : .email
            return consider(customer, field, closeness(offset, needle.count, text))
        }
        let queryDigits = Array(q.filter(\.isASCIIDigit).utf8)
        if queryDigits.count >= 3, q.allSatisfy({ $0.isASCIIDigit || " +-().".contains($0) }) {
            scan(digits, queryDigits, starts: digitStarts) { customer, offset in
                consider(customer, .phone, closeness(offset, queryDigits.count, digits))
            }
        }
        // The first `limit` customers of each rank, in one pass (customers in
        // order), then the ranks best first.
        var byRank = [[Int]](repeating: [], count: 15)
        for (customer, r) in rank.enumerated() where r != none && byRank[Int(r)].count < limit {
            byRank[Int(r)].append(customer)
        }
        return byRank.enumerated().lazy.flatMap { r, customers in
            customers.lazy.map { Hit(customer: CustomerID(Int32($0 + 1)), field: Field(rawValue: r / 3)!, closeness: r % 3) }
        }.prefix(limit).map { $0 }
    }

    /// The best hits when there are `limit` names that are the query or begin
    /// with it: then nothing else can rank among the first `limit`, and one look
    /// at the start of each name answers (a query of one letter or one 李).
    private func namesFirst(_ needle: [UInt8], limit: Int) -> [Hit]? {
        var exact: [Int] = [], prefix: [Int] = []
        text.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                guard let hb = h.baseAddress, let nb = n.baseAddress else { return }
                for (customer, fields) in fieldStarts.enumerated() {
                    let start = Int(fields.0), length = Int(fields.1) - 1 - start   // the name, without its separator
                    guard length >= n.count, memcmp(hb + start, nb, n.count) == 0 else { continue }
                    if length == n.count {
                        if exact.count < limit { exact.append(customer) }
                    } else if prefix.count < limit {
                        prefix.append(customer)
                    }
                }
            }
        }
        guard exact.count + prefix.count >= limit else { return nil }
        return (exact.map { ($0, 0) } + prefix.map { ($0, 1) }).prefix(limit).map {
            Hit(customer: CustomerID(Int32($0.0 + 1)), field: .name, closeness: $0.1)
        }
    }

    /// How close a match at `offset` of `length` bytes is to its whole segment.
    private func closeness(_ offset: Int, _ length: Int, _ buffer: [UInt8]) -> Int {
        let atStart = offset == 0 || buffer[offset - 1] == 0x1F
        let atEnd = offset + length >= buffer.count || buffer[offset + length] == 0x1F
        return atStart ? (atEnd ? 0 : 1) : 2
    }

    /// Calls `found` for every occurrence of `needle`, with the customer whose
    /// text holds it; the rest of that customer's text is skipped when it says so.
    private func scan(_ haystack: [UInt8], _ needle: [UInt8], starts: [Int32], _ found: (_ customer: Int, _ offset: Int) -> Bool) {
        haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                guard let hb = h.baseAddress, let nb = n.baseAddress, !needle.isEmpty else { return }
                let first = Int32(needle[0])
                var from = 0
                var customer = 0   // occurrences come in order, so the customer only moves on
                while from + n.count <= h.count, let hit = memchr(hb + from, first, h.count - from - n.count + 1) {
                    let offset = hb.distance(to: UnsafeRawPointer(hit))
                    from = offset + 1
                    guard n.count == 1 || memcmp(hb + offset, nb, n.count) == 0 else { continue }
                    while Int(starts[customer + 1]) <= offset { customer += 1 }
                    if found(customer, offset) { from = max(from, Int(starts[customer + 1])) }
                }
            }
        }
    }
}

/// Finds the one customer a person means by an id, a name (or part of one),
/// or a phone number.
public enum Resolve {
    /// The customer meant by `text`, or a message: unknown, or ambiguous with the candidates.
    public static func customer(_ text: String, in state: CRMState, index: SearchIndex) throws(InputError) -> Customer {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { throw InputError(say("model.search.empty")) }
        if let id = CustomerID(t) {
            guard let c = state.liveCustomer(id) else { throw InputError(say("actions.check.noCustomer", id)) }
            return c
        }
        let hits = index.search(t, limit: 50)
        let exact = hits.filter { $0.closeness == 0 && ($0.field == .name || $0.field == .phone) }
        if exact.count == 1, let c = state.customer(exact[0].customer) { return c }
        let names = hits.filter { $0.field == .name || $0.field == .phone }
        let candidates = (exact.count > 1 ? exact : names.isEmpty ? hits : names)
        if candidates.count == 1, let c = state.customer(candidates[0].customer) { return c }
        if candidates.isEmpty { throw InputError(say("model.search.none", t), hint: .search(t)) }
        let shown = candidates.prefix(8).compactMap { state.customer($0.customer) }
            .map { c in c.company.map { say("model.search.withCompany", c.id, c.name, $0) } ?? "\(c.id) \(c.name)" }
        if candidates.count > 8 { throw InputError(say("model.search.manyMore", t, candidates.count, Describe.list(shown), candidates.count - 8)) }
        throw InputError(say("model.search.many", t, candidates.count, Describe.list(shown)))
    }
}
