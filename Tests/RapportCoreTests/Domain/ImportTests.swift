import Testing
@testable import RapportCore

/// An import is one action: duplicates skipped, merged or added as chosen,
/// rejected entries listed with their line, the whole undone at once.
@Suite struct ImportTests {
    func entries() -> [ImportEntry] {
        [
            ImportEntry(line: 2, name: "张伟", fields: [.phones: .array([.string("+86 138-0013-8000")]), .company: .string("Lumen")],
                        contacts: [.init(name: "李雷", fields: [.title: .string("CTO")])], notes: ["likes tea"]),
            ImportEntry(line: 3, name: "Anna", fields: [.emails: .array([.string("ANNA@example.de")]), .size: .string("大")]),
            ImportEntry(line: 4, name: "Bad", fields: [.phones: .array([.string("call me")])]),
            ImportEntry(line: 6, name: "Broken", problem: "3 fields where the header has 2"),
        ]
    }

    func existing(_ b: TestBusiness) throws {
        try b.perform(.addCustomer(name: "Zhang Wei", fields: [.phones: .array([.string("13800138000")]), .owner: .string("wang")]))
        try b.perform(.addCustomer(name: "Anna Schmidt", fields: [.emails: .array([.string("anna@example.de")]), .size: .string("small")]))
    }

    @Test func duplicatesAreSkippedByDefaultAndTheRejectedListedByLine() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        try existing(b)
        let batch = ImportBatch(entries: entries(), origin: "x.csv")
        let (r, events) = try Importer.plan(batch, in: b.state, time: b.time)
        #expect(events.isEmpty && r.created.isEmpty && r.merged.isEmpty)
        #expect(r.skipped.map(\.line) == [2, 3] && r.skipped[0].detail == "phone 13800138000 is c1 Zhang Wei's"
            && r.skipped[1].detail == "e-mail anna@example.de is c2 Anna Schmidt's")
        #expect(r.rejected.map(\.line) == [4, 6])
        #expect(r.rejected[0].detail.hasPrefix("phone \"call me\" is not a phone number"))
        #expect(throws: InputError("nothing to import from x.csv: 0 customers created, 0 merged, 2 skipped as duplicates, 2 rejected")) {
            try b.perform(.importCustomers(batch))
        }
    }

    @Test func mergeFillsWhatIsEmptyAndOverwritesNothing() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        try existing(b)
        let o = try b.perform(.importCustomers(ImportBatch(entries: entries(), onDuplicate: .merge, origin: "x.csv")))
        let r = try #require(o.importReport)
        #expect(r.merged.map(\.customer) == [CustomerID(1), CustomerID(2)])
        #expect(r.merged[0].detail == "phone 13800138000 is c1 Zhang Wei's; added company, contact 李雷, a note")
        #expect(r.merged[1].detail == "e-mail anna@example.de is c2 Anna Schmidt's; nothing new")
        let zhang = try #require(b.state.liveCustomer(CustomerID(1)))
        #expect(zhang.name == "Zhang Wei" && zhang.phones == ["13800138000"] && zhang.company == "Lumen" && zhang.owner == "wang")
        #expect(b.state.contacts(of: zhang).map(\.name) == ["李雷"] && b.state.notes(of: zhang).map(\.text) == ["likes tea"])
        #expect(b.state.liveCustomer(CustomerID(2))?.size == .small)   // the customer's own value stays
    }

    @Test func addMakesNewCustomersAndDuplicatesInsideTheFileMergeIntoTheFirst() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        try existing(b)
        var more = entries()
        more.append(ImportEntry(line: 7, name: "张伟 (2)", fields: [.phones: .array([.string("0086 13800138000"), .string("010 1234 5678")])]))
        let added = try b.perform(.importCustomers(ImportBatch(entries: more, onDuplicate: .add, origin: "x.csv")))
        #expect(added.importReport?.created.map(\.customer) == [CustomerID(3), CustomerID(4), CustomerID(5)])
        try b.workspace.undoLast()
        let merged = try b.perform(.importCustomers(ImportBatch(entries: Array(more.suffix(1)) + more.prefix(1), onDuplicate: .merge, origin: "y.csv")))
        // The first entry goes into c1 (same digits); the second finds c1 too, by its phone.
        #expect(merged.importReport?.merged.map(\.line) == [7, 2])
        #expect(b.state.liveCustomer(CustomerID(1))?.phones == ["13800138000", "010 1234 5678"])
    }

    @Test func strictRefusesTheWholeFileAndUndoTakesBackTheWholeImport() throws {
        let b = try TestBusiness()
        defer { b.remove() }
        try existing(b)
        let before = b.state.recordCount
        #expect(throws: InputError.self) { try b.perform(.importCustomers(ImportBatch(entries: entries(), onDuplicate: .add, strict: true, origin: "x.csv"))) }
        #expect(b.state.recordCount == before)
        try b.perform(.importCustomers(ImportBatch(entries: entries(), onDuplicate: .merge, origin: "x.csv")))
        let bigger = (0..<300).map { ImportEntry(line: $0 + 2, name: "客户 \($0)", contacts: [.init(name: "联系人 \($0)")], notes: ["n"]) }
        try b.perform(.importCustomers(ImportBatch(entries: bigger, origin: "big.csv")))
        #expect(b.state.liveCustomerCount == 302)
        #expect(try b.workspace.lastAction()?.hasPrefix("the import of 300 customers") == true)
        let undone = try b.workspace.undoLast()
        #expect(undone.summary.hasPrefix("undid the import of 300 customers"))
        #expect(b.state.liveCustomerCount == 2 && b.state.contacts.filter { b.state.isLive($0) }.count == 1)
        try b.workspace.undoLast()   // the merge, changes and all
        #expect(b.state.liveCustomer(CustomerID(1))?.company == nil && b.state.contacts.filter { b.state.isLive($0) }.isEmpty)
    }
}
