/// Customers and their contact persons.
enum CustomerActions {
    static func add(_ name: String, _ fields: [CustomerField: JSON], _ state: CRMState) throws(InputError) -> ActionOutcome {
        var c = Customer(id: state.nextID(Customer.self), name: try Check.text(name, "name"))
        try Check.set(fields, on: &c)
        c = try Check.normalized(c)
        return ActionOutcome(events: [.customerCreated(c)], created: c.id.ref, summary: say("actions.customer.added", c.id, c.name))
    }

    static func edit(_ id: CustomerID, _ fields: [CustomerField: JSON], _ state: CRMState) throws(InputError) -> ActionOutcome {
        let c = try Check.customer(id, in: state)
        var edited = c
        try Check.set(fields, on: &edited)
        edited = try Check.normalized(edited)
        let changes = Check.changes(CustomerField.self, from: c, to: edited)
        guard !changes.isEmpty else { throw InputError(say("actions.nothingToChange", id)) }
        return ActionOutcome(events: changes.map { .customerChanged(id, $0) }, created: nil,
                             summary: say("actions.changed", Describe.list(changes.map { Check.fieldWord($0.field.rawValue) }), id, edited.name))
    }

    static func addContact(_ customer: CustomerID, _ name: String, _ fields: [ContactField: JSON], _ state: CRMState)
        throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        var p = Contact(id: state.nextID(Contact.self), customer: customer, name: try Check.text(name, "name"))
        try Check.set(fields, on: &p)
        p = try Check.normalized(p)
        var events: [Event] = []
        if p.isCoach, let old = state.coach(of: c) {   // one coach per account
            events.append(.contactChanged(old.id, FieldChange(.coach, from: true, to: false)))
        }
        events.append(.contactAdded(p))
        return ActionOutcome(events: events, created: p.id.ref, summary: say("actions.contact.added", p.id, p.name, c.id, c.name))
    }

    static func editContact(_ id: ContactID, _ fields: [ContactField: JSON], _ state: CRMState) throws(InputError) -> ActionOutcome {
        guard let p = state.liveContact(id) else { throw InputError(say("actions.check.noContact", id)) }
        var edited = p
        try Check.set(fields, on: &edited)
        edited = try Check.normalized(edited)
        let changes = Check.changes(ContactField.self, from: p, to: edited)
        guard !changes.isEmpty else { throw InputError(say("actions.nothingToChange", id)) }
        var events: [Event] = []
        if edited.isCoach, !p.isCoach, let customer = state.customer(p.customer), let old = state.coach(of: customer) {
            events.append(.contactChanged(old.id, FieldChange(.coach, from: true, to: false)))
        }
        events += changes.map { .contactChanged(id, $0) }
        return ActionOutcome(events: events, created: nil, summary: say("actions.changed", Describe.list(changes.map { Check.fieldWord($0.field.rawValue) }), id, edited.name))
    }

    static func removeContact(_ id: ContactID, _ state: CRMState) throws(InputError) -> ActionOutcome {
        guard let p = state.liveContact(id) else { throw InputError(say("actions.check.noContact", id)) }
        return ActionOutcome(events: [.withdrawn(id.ref)], created: nil,
                             summary: say(p.isCoach ? "actions.contact.removedCoach" : "actions.contact.removed", id, p.name, p.customer))
    }
}
