/// One field of a customer changed; the old value travels beside the new.
public struct CustomerChanged: EventBody {
    public static let type = "customer.changed"
    public var customer: CustomerID
    public var change: FieldChange<CustomerField>

    public init(_ customer: CustomerID, _ change: FieldChange<CustomerField>) {
        self.customer = customer
        self.change = change
    }

    public init(_ p: PayloadReader) throws(InputError) {
        customer = try p.id("id")
        change = try p.change()
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", customer)
        p.put("field", change.field.rawValue)
        p.keep("from", change.from)
        p.keep("to", change.to)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.customers, customer)
        try change.field.set(change.to, on: &state.customers[i])
        return customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let c = state.customer(customer), change.field.value(of: c) == change.to else {
            throw .changedSince("\(customer) \(change.field.rawValue)")
        }
        return .customerChanged(customer, change.reversed)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        "changed \(change.field.rawValue) of \(customer): \(Describe.value(change.from)) → \(Describe.value(change.to))"
    }

    public var target: EntityRef? { customer.ref }
}

extension Event {
    public static func customerChanged(_ id: CustomerID, _ change: FieldChange<CustomerField>) -> Event {
        Event(CustomerChanged(id, change))
    }
}
