/// Customers read from a file, before they are checked against the log.
/// The formats (CSV, vCard) are read at the edge; what they yield is this.
public struct ImportEntry: Sendable, Equatable {
    /// A contact person of the customer, as read.
    public struct Person: Sendable, Equatable {
        public var name: String
        public var fields: [ContactField: JSON]
        public init(name: String, fields: [ContactField: JSON] = [:]) {
            self.name = name
            self.fields = fields
        }
    }

    /// Where the entry starts in the file (1-based line), for every message about it.
    public var line: Int
    public var name: String
    public var fields: [CustomerField: JSON]
    public var contacts: [Person]
    public var notes: [String]
    /// Why the entry could not be read (a malformed row); it is rejected with this.
    public var problem: String?

    public init(line: Int, name: String, fields: [CustomerField: JSON] = [:], contacts: [Person] = [],
                notes: [String] = [], problem: String? = nil) {
        self.line = line
        self.name = name
        self.fields = fields
        self.contacts = contacts
        self.notes = notes
        self.problem = problem
    }
}

/// What an import does with an entry whose phone or e-mail a customer already has.
public enum DuplicatePolicy: String, CaseIterable, Sendable {
    /// Leave the customer as it is; the entry is listed as skipped.
    case skip
    /// Fill the customer's empty fields from the entry, add its phones,
    /// e-mails, tags, contacts and notes; nothing the customer has is overwritten.
    case merge
    /// Add the entry as a customer of its own.
    case add
}

/// An import as asked: the entries, what to do with duplicates, and
/// whether one rejected entry refuses them all.
public struct ImportBatch: Sendable {
    public var entries: [ImportEntry]
    public var onDuplicate: DuplicatePolicy
    public var strict: Bool
    /// The file's name, for the summary.
    public var origin: String

    public init(entries: [ImportEntry], onDuplicate: DuplicatePolicy = .skip, strict: Bool = false, origin: String) {
        self.entries = entries
        self.onDuplicate = onDuplicate
        self.strict = strict
        self.origin = origin
    }
}

/// What an import did (or, in a dry run, would do), entry by entry.
public struct ImportReport: Sendable, Equatable {
    /// One entry's fate: its line, the customer it became or went into, and why.
    public struct Line: Sendable, Equatable {
        public var line: Int
        public var customer: CustomerID?
        public var name: String
        public var detail: String
    }
    public var created: [Line] = []
    public var merged: [Line] = []
    public var skipped: [Line] = []
    public var rejected: [Line] = []
    public var contactsAdded = 0
    public var notesAdded = 0

    public init() {}

    /// The counts in one line: "12 customers created, 1 merged, 2 skipped as duplicates, 1 rejected".
    public var counts: String {
        var parts = [sayCount("actions.import.created", created.count)]
        if contactsAdded > 0 { parts.append(sayCount("actions.import.contacts", contactsAdded)) }
        if notesAdded > 0 { parts.append(sayCount("actions.import.notes", notesAdded)) }
        parts.append(say("actions.import.merged", Format.grouped(merged.count)))
        parts.append(say("actions.import.skipped", Format.grouped(skipped.count)))
        parts.append(say("actions.import.rejected", Format.grouped(rejected.count)))
        return parts.joined(separator: say("actions.import.separator"))
    }
}

/// Turns an import batch into the events of one action, checking every
/// entry as `customer add` would and finding duplicates by phone digits
/// and e-mail among the customers and contact persons of the log and the
/// entries before it.
public enum Importer {
    /// The report and the events of `batch` against `state`; throws only
    /// with `strict` when an entry is rejected, or when nothing would change.
    public static func plan(_ batch: ImportBatch, in state: CRMState, time: LocalTime) throws(InputError) -> (ImportReport, [Event]) {
        var planner = Planner(state: state, time: time, policy: batch.onDuplicate)
        for entry in batch.entries { planner.take(entry) }
        if batch.strict, let first = planner.report.rejected.first {
            throw InputError(say("actions.import.strict", first.line, first.detail, Format.grouped(planner.report.rejected.count)))
        }
        let events = planner.events()
        return (planner.report, events)
    }

    /// The import as one action; refused when it would change nothing.
    static func outcome(_ batch: ImportBatch, _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        let (report, events) = try plan(batch, in: state, time: time)
        guard !events.isEmpty else { throw InputError(say("actions.import.nothing", batch.origin, report.counts)) }
        return ActionOutcome(events: events, created: nil, summary: say("actions.import.imported", batch.origin, report.counts), importReport: report)
    }

    /// The digits that identify a phone number across spellings: "+86 138-0013-8000",
    /// "0086 13800138000" and "138 0013 8000" are one; nil for fewer than five digits.
    public static func phoneKey(_ phone: String) -> String? {
        var digits = Substring(phone.filter(\.isASCIIDigit))
        if digits.hasPrefix("00") { digits = digits.dropFirst(2) }
        if digits.hasPrefix("86"), digits.count == 13 { digits = digits.dropFirst(2) }
        return digits.count >= 5 ? String(digits) : nil
    }

    /// An e-mail address compared without case.
    public static func emailKey(_ email: String) -> String? {
        let t = email.trimmingSpaces.lowercased()
        return t.contains("@") ? t : nil
    }
}

/// The work of one plan: customers to create and to change, kept until
/// the end so that later entries can merge into earlier ones.
private struct Planner {
    /// A customer the import creates or changes.
    struct Target {
        var original: Customer?
        var customer: Customer
        var contacts: [Contact] = []
        var contactNames: Set<String>
        var notes: [String] = []
    }

    let state: CRMState
    let time: LocalTime
    let policy: DuplicatePolicy
    var report = ImportReport()
    var targets: [Target] = []
    /// Which target (or existing customer) each phone and e-mail key belongs to.
    var owners: [String: Owner] = [:]
    var ids: NewIDs
    var targetOfCustomer: [CustomerID: Int] = [:]

    enum Owner { case existing(CustomerID), target(Int) }

    init(state: CRMState, time: LocalTime, policy: DuplicatePolicy) {
        self.state = state
        self.time = time
        self.policy = policy
        self.ids = NewIDs(state)
        for c in state.liveCustomers {
            for key in c.phones.compactMap(Importer.phoneKey) + c.emails.compactMap(Importer.emailKey) where owners[key] == nil {
                owners[key] = .existing(c.id)
            }
        }
        for p in state.contacts where state.isLive(p) && state.liveCustomer(p.customer) != nil {
            for key in [p.phone.flatMap(Importer.phoneKey), p.email.flatMap(Importer.emailKey)].compactMap({ $0 }) where owners[key] == nil {
                owners[key] = .existing(p.customer)
            }
        }
    }

    mutating func take(_ entry: ImportEntry) {
        let reject = { (detail: String) in ImportReport.Line(line: entry.line, customer: nil, name: entry.name, detail: detail) }
        if let problem = entry.problem { return report.rejected.append(reject(problem)) }
        let read: (Customer, [Contact])
        switch Result(catching: { () throws(InputError) in try checked(entry) }) {
        case .success(let r): read = r
        case .failure(let e): return report.rejected.append(reject(e.description))
        }
        let (customer, people) = read
        let keys = keys(of: customer, people)
        guard policy != .add, let (key, owner) = firstOwner(of: keys) else {
            return create(customer, people, entry, keys: keys)
        }
        let index = target(for: owner)
        let into = targets[index].customer
        let why = say(key.contains("@") ? "actions.import.emailOf" : "actions.import.phoneOf", key, into.id, into.name)
        guard policy == .merge else {
            return report.skipped.append(ImportReport.Line(line: entry.line, customer: into.id, name: entry.name, detail: why))
        }
        let filled = merge(customer, people, entry.notes, into: index)
        for k in keys where owners[k] == nil { owners[k] = .target(index) }
        report.merged.append(ImportReport.Line(line: entry.line, customer: into.id, name: entry.name,
                                               detail: filled.isEmpty ? say("actions.import.nothingNew", why) : say("actions.import.added", why, Describe.list(filled))))
    }

    /// The first of `keys` a customer already has, with that customer.
    func firstOwner(of keys: [String]) -> (String, Owner)? {
        for key in keys { if let owner = owners[key] { return (key, owner) } }
        return nil
    }

    /// The entry as a customer and contacts, checked as `customer add` and `contact add` check them.
    func checked(_ entry: ImportEntry) throws(InputError) -> (Customer, [Contact]) {
        var c = Customer(id: CustomerID(0), name: try Check.text(entry.name, "name"))
        try Check.set(entry.fields, on: &c)
        c = try Check.normalized(c)
        var people: [Contact] = []
        for person in entry.contacts {
            var p = Contact(id: ContactID(0), customer: c.id, name: try Check.text(person.name, "contact name"))   // catalogue: not text
            try Check.set(person.fields, on: &p)
            people.append(try Check.normalized(p))
        }
        for note in entry.notes { _ = try Check.requiredNote(note, "note") }
        return (c, people)
    }

    func keys(of c: Customer, _ people: [Contact]) -> [String] {
        c.phones.compactMap(Importer.phoneKey) + c.emails.compactMap(Importer.emailKey)
            + people.flatMap { [$0.phone.flatMap(Importer.phoneKey), $0.email.flatMap(Importer.emailKey)].compactMap { $0 } }
    }

    mutating func create(_ c: Customer, _ people: [Contact], _ entry: ImportEntry, keys: [String]) {
        var c = c
        c.id = ids.next()
        let index = targets.count
        targets.append(Target(original: nil, customer: c, contactNames: []))
        targetOfCustomer[c.id] = index
        for k in keys where owners[k] == nil { owners[k] = .target(index) }
        _ = add(people, entry.notes, to: index)
        report.created.append(ImportReport.Line(line: entry.line, customer: c.id, name: c.name, detail: ""))
    }

    /// The target an owner stands for, made from the log's customer the first time.
    mutating func target(for owner: Owner) -> Int {
        switch owner {
        case .target(let i): return i
        case .existing(let id):
            if let i = targetOfCustomer[id] { return i }
            var id = id
            while let kept = state.customer(id)?.mergedInto { id = kept }
            let c = state.customer(id)!
            targets.append(Target(original: c, customer: c, contactNames: Set(state.contacts(of: c).map(\.name))))
            targetOfCustomer[id] = targets.count - 1
            return targets.count - 1
        }
    }

    /// Fills the target's empty fields from `c`, adds lists, contacts and notes; what was added, in words.
    mutating func merge(_ c: Customer, _ people: [Contact], _ notes: [String], into index: Int) -> [String] {
        var added: [String] = []
        let blank = Customer(id: c.id, name: c.name)   // what a field holds when nothing was said
        for field in CustomerField.allCases where field != .name {
            let mine = field.value(of: targets[index].customer), theirs = field.value(of: c), empty = field.value(of: blank)
            guard theirs != empty, mine != theirs else { continue }
            let merged: JSON
            switch (mine, theirs) {
            case (.array(let a), .array(let b)): merged = .array(a + b.filter { !Self.listHas(a, $0, field) })
            case (_, _) where mine == empty: merged = theirs
            default: continue   // the customer's own value stays
            }
            guard merged != mine, (try? field.set(merged, on: &targets[index].customer)) != nil else { continue }
            added.append(Check.fieldWord(field.rawValue))
        }
        return added + add(people, notes, to: index)
    }

    /// Adds the contact persons the target lacks (by name) and the notes; what was added, in words.
    mutating func add(_ people: [Contact], _ notes: [String], to index: Int) -> [String] {
        var t = targets[index]
        var added: [String] = []
        for var p in people where !t.contactNames.contains(p.name) {
            p.customer = t.customer.id   // its id is given when the events are written, in their order
            t.contacts.append(p)
            t.contactNames.insert(p.name)
            added.append(say("actions.import.contact", p.name))
        }
        t.notes += notes
        if !notes.isEmpty { added.append(sayCount("actions.import.addedNotes", notes.count)) }
        targets[index] = t
        return added
    }

    /// Whether a list already holds `value`: phones by their digits, e-mails without case.
    static func listHas(_ list: [JSON], _ value: JSON, _ field: CustomerField) -> Bool {
        let key: (JSON) -> String? = switch field {
        case .phones: { $0.texts.first.flatMap(Importer.phoneKey) }
        case .emails: { $0.texts.first.flatMap(Importer.emailKey) }
        default: { $0.texts.first }
        }
        guard let k = key(value) else { return list.contains(value) }
        return list.contains { key($0) == k }
    }

    /// The events of every target, in the order they were first met.
    mutating func events() -> [Event] {
        var out: [Event] = []
        for t in targets {
            if let original = t.original {
                out += Check.changes(CustomerField.self, from: original, to: t.customer).map { .customerChanged(t.customer.id, $0) }
            } else {
                out.append(.customerCreated(t.customer))
            }
            for var p in t.contacts {
                p.id = ids.next()
                out.append(.contactAdded(p))
            }
            for text in t.notes {
                out.append(.noteAdded(Note(id: ids.next(), customer: t.customer.id, text: text, at: time.now)))
            }
            report.contactsAdded += t.contacts.count
            report.notesAdded += t.notes.count
        }
        return out
    }
}
