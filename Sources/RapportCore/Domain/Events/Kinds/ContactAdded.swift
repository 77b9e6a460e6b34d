/// A contact person added to an organisation.
public struct ContactAdded: EventBody {
    public static let type = "contact.added"
    public var contact: Contact

    public init(_ contact: Contact) { self.contact = contact }

    public init(_ p: PayloadReader) throws(InputError) {
        var c = Contact(id: try p.id("id"), customer: try p.id("customer"), name: "")
        try ContactField.apply(p.object, to: &c)
        guard !c.name.isEmpty else { throw InputError(say("log.payload.text", "name"), field: "name") }
        contact = c
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", contact.id)
        p.put("customer", contact.customer)
        p.put(fields: ContactField.members(of: contact, besides: Contact(id: contact.id, customer: contact.customer, name: "")))
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        try state.expectNext(contact.id, state.contacts.count)
        let c = try state.existing(state.customers, contact.customer)
        var p = contact
        p.older = state.customers[c].newestContact
        state.customers[c].newestContact = p.id.number
        state.contacts.append(p)
        return p.customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        // Adding another coach later takes the mark off this one: that is a change too.
        guard let now = state.contact(contact.id), ContactField.same(now, contact) else {
            throw .changedSince(say("log.thing.contact", contact.id))
        }
        return .withdrawn(contact.id.ref)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        let role = Describe.list([contact.role?.word, contact.isCoach ? say("log.coach") : nil].compactMap { $0 })
        return Describe.aside(say("log.contact.added", contact.id, contact.name), role.isEmpty ? nil : role)
    }

    public var created: EntityRef? { contact.id.ref }
}

extension Event {
    public static func contactAdded(_ p: Contact) -> Event { Event(ContactAdded(p)) }
}
