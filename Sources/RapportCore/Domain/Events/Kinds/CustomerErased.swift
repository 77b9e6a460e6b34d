/// A customer's personal data was erased on request: the records about them
/// were rewritten without it. Says who asked it done (the actor), why, and
/// how many records; never what was erased. It cannot be undone.
public struct CustomerErased: EventBody {
    public static let type = "customer.erased"
    public var customer: CustomerID
    public var reason: String
    public var records: Int

    public init(_ customer: CustomerID, reason: String, records: Int) {
        self.customer = customer
        self.reason = reason
        self.records = records
    }

    public init(_ p: PayloadReader) throws(InputError) {
        self.init(try p.id("id"), reason: try p.text("reason"), records: Int(try p.optionalInt("records") ?? 0))
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", customer); p.put("reason", reason); p.put("records", .int(Int64(records)))
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.customers, customer)
        state.customers[i].erasedAt = r.time
        return customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        throw .irreversible(say("log.erase.irreversible"))
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.customer.erased", customer, records, Describe.preview(reason))
    }

    public var target: EntityRef? { customer.ref }
}

extension Event {
    public static func customerErased(_ id: CustomerID, reason: String, records: Int) -> Event {
        Event(CustomerErased(id, reason: reason, records: records))
    }
}
