/// One field of a contact person changed; the old value travels beside the new.
public struct ContactChanged: EventBody {
    public static let type = "contact.changed"
    public var contact: ContactID
    public var change: FieldChange<ContactField>

    public init(_ contact: ContactID, _ change: FieldChange<ContactField>) {
        self.contact = contact
        self.change = change
    }

    public init(_ p: PayloadReader) throws(InputError) {
        contact = try p.id("id")
        change = try p.change()
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", contact)
        p.put("field", change.field.rawValue)
        p.keep("from", change.from)
        p.keep("to", change.to)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.contacts, contact)
        try change.field.set(change.to, on: &state.contacts[i])
        return state.contacts[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let p = state.contact(contact), change.field.value(of: p) == change.to else {
            throw .changedSince("\(contact) \(change.field.rawValue)")
        }
        return .contactChanged(contact, change.reversed)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        "changed \(change.field.rawValue) of \(contact) \(state.contact(contact)?.name ?? ""): "
            + "\(Describe.value(change.from)) → \(Describe.value(change.to))"
    }

    public var target: EntityRef? { contact.ref }
}

extension Event {
    public static func contactChanged(_ id: ContactID, _ change: FieldChange<ContactField>) -> Event {
        Event(ContactChanged(id, change))
    }
}
