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

    private var text: [UInt8] = []
    private var digits: [UInt8] = []
    /// Where each customer's text starts (customer number - 1 ↦ offset), plus the end.
    private var textStarts: [Int32] = []
    private var digitStarts: [Int32] = []
    /// Where each field starts inside a customer's text.
    private var fieldStarts: [(Int32, Int32, Int32, Int32)] = []

    /// The state the index was built from.
    public let recordCount: Int

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
        guard !q.isEmpty else { return [] }
        var best = [Int32: Hit]()
        func consider(_ hit: Hit) {
            if let old = best[hit.customer.number], (old.field, old.closeness) <= (hit.field, hit.closeness) { return }
            best[hit.customer.number] = hit
        }
        let needle = Array(q.lowercased().utf8)
        scan(text, needle, starts: textStarts) { customer, start, offset, end in
            let fields = fieldStarts[customer]
            let field: Field = offset < fields.1 ? .name : offset < fields.2 ? .company : offset < fields.3 ? .contact : .email
            consider(Hit(customer: CustomerID(Int32(customer + 1)), field: field, closeness: closeness(offset, needle.count, text)))
        }
        let queryDigits = Array(q.filter(\.isASCIIDigit).utf8)
        if queryDigits.count >= 3, q.allSatisfy({ $0.isASCIIDigit || " +-().".contains($0) }) {
            scan(digits, queryDigits, starts: digitStarts) { customer, _, offset, _ in
                consider(Hit(customer: CustomerID(Int32(customer + 1)), field: .phone, closeness: closeness(offset, queryDigits.count, digits)))
            }
        }
        return best.values.sorted { a, b in
            (a.field, a.closeness, a.customer) < (b.field, b.closeness, b.customer)
        }.prefix(limit).map { $0 }
    }

    /// How close a match at `offset` of `length` bytes is to its whole segment.
    private func closeness(_ offset: Int, _ length: Int, _ buffer: [UInt8]) -> Int {
        let atStart = offset == 0 || buffer[offset - 1] == 0x1F
        let atEnd = offset + length >= buffer.count || buffer[offset + length] == 0x1F
        return atStart ? (atEnd ? 0 : 1) : 2
    }

    /// Calls `found` for every occurrence of `needle`, with the customer's position.
    private func scan(_ haystack: [UInt8], _ needle: [UInt8], starts: [Int32],
                      _ found: (_ customer: Int, _ start: Int, _ offset: Int, _ end: Int) -> Void) {
        haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                guard let hb = h.baseAddress, let nb = n.baseAddress, !needle.isEmpty else { return }
                let first = Int32(needle[0])
                var from = 0
                while from + n.count <= h.count, let hit = memchr(hb + from, first, h.count - from - n.count + 1) {
                    let offset = hb.distance(to: UnsafeRawPointer(hit))
                    guard memcmp(hb + offset, nb, n.count) == 0 else {
                        from = offset + 1
                        continue
                    }
                    // The customer whose text holds this offset.
                    var lo = 0, hi = starts.count - 2
                    while lo < hi {
                        let mid = (lo + hi + 1) / 2
                        if Int(starts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
                    }
                    found(lo, Int(starts[lo]), offset, Int(starts[lo + 1]))
                    from = offset + 1
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
        guard !t.isEmpty else { throw InputError("name a customer: an id like c12, a name or part of one, or a phone number") }
        if let id = CustomerID(t) {
            guard let c = state.liveCustomer(id) else { throw InputError("no customer \(id)") }
            return c
        }
        let hits = index.search(t, limit: 50)
        let exact = hits.filter { $0.closeness == 0 && ($0.field == .name || $0.field == .phone) }
        if exact.count == 1, let c = state.customer(exact[0].customer) { return c }
        let names = hits.filter { $0.field == .name || $0.field == .phone }
        let candidates = (exact.count > 1 ? exact : names.isEmpty ? hits : names)
        if candidates.count == 1, let c = state.customer(candidates[0].customer) { return c }
        if candidates.isEmpty { throw InputError("no customer matches \"\(t)\"", hint: .search(t)) }
        let shown = candidates.prefix(8).compactMap { state.customer($0.customer) }
            .map { "\($0.id) \($0.name)\($0.company.map { " (\($0))" } ?? "")" }
        let more = candidates.count > 8 ? ", and \(candidates.count - 8) more" : ""
        throw InputError("\"\(t)\" matches \(candidates.count) customers: \(shown.joined(separator: ", "))\(more); use an id")
    }
}
