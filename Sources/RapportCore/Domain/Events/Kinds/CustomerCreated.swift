/// A customer added.
public struct CustomerCreated: EventBody {
    public static let type = "customer.created"
    public var customer: Customer

    public init(_ customer: Customer) { self.customer = customer }

    public init(_ p: PayloadReader) throws(InputError) {
        var c = Customer(id: try p.id("id"), name: "")
        try CustomerField.apply(p.object, to: &c)
        guard !c.name.isEmpty else { throw InputError(say("log.payload.text", "name"), field: "name") }
        customer = c
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", customer.id)
        p.put(fields: CustomerField.members(of: customer, besides: Customer(id: customer.id, name: "")))
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        try state.expectNext(customer.id, state.customers.count)
        var c = customer
        c.createdAt = r.time
        state.customers.append(c)
        return c.id
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let now = state.customer(customer.id), CustomerField.same(now, customer) else {
            throw .changedSince(say("log.thing.customer", customer.id))
        }
        return .withdrawn(customer.id.ref)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.customer.created", customer.id, customer.name, customer.kind.word)
    }

    public var created: EntityRef? { customer.id.ref }
}

extension Event {
    public static func customerCreated(_ c: Customer) -> Event { Event(CustomerCreated(c)) }
}
