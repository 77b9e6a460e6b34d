// catalogue: not yet moved (issue 16)
/// After the sale (seed 003): complaints tracked to a confirmed resolution,
/// purchases, satisfaction surveys, installed products with their
/// check-ups, and call-back sweeps.
enum AfterSalesActions {
    static func openComplaint(_ customer: CustomerID, _ summary: String, _ deal: DealID?, _ state: CRMState) throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        if let deal { try Check.dealBelongs(deal, to: customer, in: state) }
        var k = Complaint(id: state.nextID(Complaint.self), customer: customer, summary: try Check.requiredNote(summary, "summary"))
        k.deal = deal
        return ActionOutcome(events: [.complaintOpened(k)], created: k.id.ref, summary: "opened complaint \(k.id) for \(c.id) \(c.name)")
    }

    static func complaint(_ id: ComplaintID, _ state: CRMState) throws(InputError) -> Complaint {
        guard let k = state.liveComplaint(id) else { throw InputError("no complaint \(id)") }
        return k
    }

    static func resolve(_ id: ComplaintID, _ resolution: String?, _ state: CRMState) throws(InputError) -> ActionOutcome {
        let k = try complaint(id, state)
        guard k.isOpen else { throw InputError("\(id) is already resolved") }
        return ActionOutcome(events: [.complaintResolved(id, resolution: try Check.note(resolution, "resolution"))], created: nil,
                             summary: "resolved \(id); ask the customer whether they are satisfied with it")
    }

    static func step(_ id: ComplaintID, _ text: String, _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        let k = try complaint(id, state)
        guard k.isOpen else { throw InputError("\(id) is resolved: its steps are closed") }
        var changed = k
        changed.steps.append(ComplaintStep(day: time.today, text: try Check.requiredNote(text, "step")))
        return ActionOutcome(events: Check.changes(ComplaintField.self, from: k, to: changed).map { .complaintChanged(id, $0) }, created: nil,
                             summary: "noted step \(changed.steps.count) toward resolving \(id)")
    }

    static func confirm(_ id: ComplaintID, _ satisfied: Bool, _ state: CRMState) throws(InputError) -> ActionOutcome {
        let k = try complaint(id, state)
        guard !k.isOpen else { throw InputError("\(id) is not resolved yet: resolve it, then ask the customer", field: "satisfied") }
        guard k.satisfied != satisfied else { throw InputError("\(id) is already confirmed as \(satisfied ? "satisfied" : "not satisfied")") }
        return ActionOutcome(events: [.complaintChanged(id, FieldChange(.satisfied, from: k.satisfied.map(JSON.bool) ?? .null, to: .bool(satisfied)))],
                             created: nil, summary: satisfied ? "\(id): the customer is satisfied with the resolution"
                                                              : "\(id): the customer is not satisfied; reopen it or take further steps")
    }

    static func purchase(_ customer: CustomerID, _ amount: Money, _ date: Day?, _ note: String?, _ state: CRMState, _ time: LocalTime)
        throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        guard amount.cents > 0 else { throw InputError("amount must be more than zero (got \(amount.plainAmount))", field: "amount") }
        var b = Purchase(id: state.nextID(Purchase.self), customer: customer, amount: amount, date: date ?? time.today)
        b.note = try Check.note(note, "note")
        return ActionOutcome(events: [.purchaseRecorded(b)], created: b.id.ref,
                             summary: "recorded purchase \(b.id) of \(amount.display) for \(c.id) \(c.name)")
    }

    static func survey(_ customer: CustomerID, _ ratings: [UInt8], _ date: Day?, _ note: String?, _ state: CRMState, _ time: LocalTime)
        throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        guard ratings.count == SurveyStatement.all.count, ratings.allSatisfy({ (1...5).contains($0) }) else {
            throw InputError("scores: expected \(SurveyStatement.all.count) ratings of 1 to 5", field: "scores")
        }
        let day = date ?? time.today
        guard day <= time.today else { throw InputError("date: \(day) is in the future; record a survey once answered", field: "date") }
        var s = Survey(id: state.nextID(Survey.self), customer: customer, date: day, ratings: ratings)
        s.note = try Check.note(note, "note")
        return ActionOutcome(events: [.surveyRecorded(s)], created: s.id.ref,
                             summary: "recorded survey \(s.id) for \(c.id) \(c.name): \(Describe.score(s.score)) of 5")
    }

    static func install(_ customer: CustomerID, _ name: String, _ fields: [ProductField: JSON], _ state: CRMState, _ time: LocalTime)
        throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        var ids = NewIDs(state)
        var a = Product(id: ids.next(), customer: customer, name: try Check.text(name, "name"), installedOn: time.today)
        try Check.set(fields, on: &a)
        guard a.removedOn == nil else { throw InputError("a product is installed in service; remove it later", field: "removedOn") }
        var events: [Event] = [.productInstalled(a)]
        var summary = "installed \(a.id) \(a.name) at \(c.id) \(c.name)"
        if let day = a.checkUp(after: max(time.today, a.installedOn)) {
            if c.doNotContact {
                summary += "; no check-up scheduled: \(c.id) asked not to be contacted"
            } else {
                let f = try Check.followUp(checkUp(of: a, on: day, owner: nil, time), id: ids.next(), in: state)
                events.append(.followUpScheduled(f))
                summary += "; first check-up \(f.id) on \(day)"
            }
        }
        return ActionOutcome(events: events, created: a.id.ref, summary: summary)
    }

    /// A check-up of `a` on `day` at 10:00.
    static func checkUp(of a: Product, on day: Day, owner: String?, _ time: LocalTime) -> FollowUpDraft {
        var draft = FollowUpDraft(customer: a.customer, due: time.moment(day, hour: 10))
        draft.tactic = .phone
        draft.note = "check-up of \(a.name)" + (a.serial.map { " (\($0))" } ?? "") + ": maintenance, training, problems in use"
        draft.product = a.id
        draft.owner = owner
        return draft
    }

    static func editProduct(_ id: ProductID, _ fields: [ProductField: JSON], _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        guard let a = state.product(id), state.isLive(a) else { throw InputError("no installed product \(id)") }
        guard a.removedOn == nil || fields[.removedOn] != nil else { throw InputError("\(id) \(a.name) is out of service since \(a.removedOn!)") }
        var edited = a
        try Check.set(fields, on: &edited)
        let changes = Check.changes(ProductField.self, from: a, to: edited)
        guard !changes.isEmpty else { throw InputError("nothing to change: \(id) already has those values") }
        var events = changes.map { Event.productChanged(id, $0) }
        var summary = "changed \(changes.map(\.field.rawValue).joined(separator: ", ")) of \(id) \(edited.name)"
        let open = state.followUps.filter { $0.product == id && $0.isOpen && state.isLive($0) }
        if !edited.inService || edited.serviceEvery != a.serviceEvery || edited.installedOn != a.installedOn {
            events += open.map { .followUpCancelled($0.id, reason: "check-up of \(id) no longer due") }
            if !open.isEmpty { summary += "; cancelled \(open.map(\.id.description).joined(separator: ", "))" }
            if edited.inService, let day = edited.checkUp(after: time.today), let c = state.liveCustomer(a.customer), !c.doNotContact {
                var ids = NewIDs(state)
                let f = try Check.followUp(checkUp(of: edited, on: day, owner: open.first?.owner, time), id: ids.next(), in: state)
                events.append(.followUpScheduled(f))
                summary += "; next check-up \(f.id) on \(day)"
            }
        }
        return ActionOutcome(events: events, created: nil, summary: summary)
    }

    static func startSweep(_ name: String, _ customers: [CustomerID], _ due: Timestamp, _ note: String?, _ state: CRMState, _ time: LocalTime)
        throws(InputError) -> ActionOutcome {
        let label = try Check.text(name, "name")
        guard !state.followUps.contains(where: { $0.sweep == label && $0.isOpen && state.isLive($0) }) else {
            throw InputError("a sweep named \"\(label)\" is under way: stop it first, or give this one another name", field: "name")
        }
        var ids = NewIDs(state)
        var events: [Event] = []
        var skipped = 0
        for id in Set(customers).sorted() {
            guard let c = state.liveCustomer(id), !c.doNotContact else { skipped += 1; continue }
            var draft = FollowUpDraft(customer: id, due: due)
            draft.tactic = .phone
            draft.note = try Check.note(note, "note") ?? "call-back sweep \(label): are you satisfied?"
            draft.sweep = label
            events.append(.followUpScheduled(try Check.followUp(draft, id: ids.next(), in: state)))
        }
        guard !events.isEmpty else { throw InputError("the segment has no customer who may be contacted", field: "segment") }
        return ActionOutcome(events: events, created: nil,
                             summary: "started sweep \(label): \(events.count) customers to call from \(time.format(due))"
                                 + (skipped > 0 ? " (\(skipped) not to be contacted left out)" : ""))
    }

    static func stopSweep(_ name: String, _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        let open = state.followUps.filter { $0.sweep == name && $0.isOpen && state.isLive($0) }
        guard !open.isEmpty else { throw InputError("no sweep named \"\(name)\" is under way", field: "name") }
        return ActionOutcome(events: open.map { .followUpCancelled($0.id, reason: "sweep \(name) stopped") }, created: nil,
                             summary: "stopped sweep \(name): cancelled \(open.count) follow-ups")
    }
}
