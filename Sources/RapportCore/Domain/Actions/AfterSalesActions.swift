/// After the sale (seed 003): complaints tracked to a confirmed resolution,
/// purchases, satisfaction surveys, installed products with their
/// check-ups, and call-back sweeps.
enum AfterSalesActions {
    static func openComplaint(_ customer: CustomerID, _ summary: String, _ deal: DealID?, _ state: CRMState) throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        if let deal { try Check.dealBelongs(deal, to: customer, in: state) }
        var k = Complaint(id: state.nextID(Complaint.self), customer: customer, summary: try Check.requiredNote(summary, "summary"))
        k.deal = deal
        return ActionOutcome(events: [.complaintOpened(k)], created: k.id.ref, summary: say("actions.complaint.opened", k.id, c.id, c.name))
    }

    static func complaint(_ id: ComplaintID, _ state: CRMState) throws(InputError) -> Complaint {
        guard let k = state.liveComplaint(id) else { throw InputError(say("actions.complaint.none", id)) }
        return k
    }

    static func resolve(_ id: ComplaintID, _ resolution: String?, _ state: CRMState) throws(InputError) -> ActionOutcome {
        let k = try complaint(id, state)
        guard k.isOpen else { throw InputError(say("actions.complaint.alreadyResolved", id)) }
        return ActionOutcome(events: [.complaintResolved(id, resolution: try Check.note(resolution, "resolution"))], created: nil,
                             summary: say("actions.complaint.resolved", id))
    }

    static func step(_ id: ComplaintID, _ text: String, _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        let k = try complaint(id, state)
        guard k.isOpen else { throw InputError(say("actions.complaint.stepsClosed", id)) }
        var changed = k
        changed.steps.append(ComplaintStep(day: time.today, text: try Check.requiredNote(text, "step")))
        return ActionOutcome(events: Check.changes(ComplaintField.self, from: k, to: changed).map { .complaintChanged(id, $0) }, created: nil,
                             summary: say("actions.complaint.step", changed.steps.count, id))
    }

    static func confirm(_ id: ComplaintID, _ satisfied: Bool, _ state: CRMState) throws(InputError) -> ActionOutcome {
        let k = try complaint(id, state)
        guard !k.isOpen else { throw InputError(say("actions.complaint.notResolved", id), field: "satisfied") }
        guard k.satisfied != satisfied else { throw InputError(say(satisfied ? "actions.complaint.alreadySatisfied" : "actions.complaint.alreadyNotSatisfied", id)) }
        return ActionOutcome(events: [.complaintChanged(id, FieldChange(.satisfied, from: k.satisfied.map(JSON.bool) ?? .null, to: .bool(satisfied)))],
                             created: nil, summary: say(satisfied ? "actions.complaint.satisfied" : "actions.complaint.notSatisfied", id))
    }

    static func purchase(_ customer: CustomerID, _ amount: Money, _ date: Day?, _ note: String?, _ state: CRMState, _ time: LocalTime)
        throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        guard amount.cents > 0 else { throw InputError(say("actions.purchase.amountNotPositive", amount.plainAmount), field: "amount") }
        var b = Purchase(id: state.nextID(Purchase.self), customer: customer, amount: amount, date: date ?? time.today)
        b.note = try Check.note(note, "note")
        return ActionOutcome(events: [.purchaseRecorded(b)], created: b.id.ref,
                             summary: say("actions.purchase.recorded", b.id, amount.display, c.id, c.name))
    }

    static func survey(_ customer: CustomerID, _ ratings: [UInt8], _ date: Day?, _ note: String?, _ state: CRMState, _ time: LocalTime)
        throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        guard ratings.count == SurveyStatement.all.count, ratings.allSatisfy({ (1...5).contains($0) }) else {
            throw InputError(say("actions.survey.scores", SurveyStatement.all.count), field: "scores")
        }
        let day = date ?? time.today
        guard day <= time.today else { throw InputError(say("actions.survey.future", day), field: "date") }
        var s = Survey(id: state.nextID(Survey.self), customer: customer, date: day, ratings: ratings)
        s.note = try Check.note(note, "note")
        return ActionOutcome(events: [.surveyRecorded(s)], created: s.id.ref,
                             summary: say("actions.survey.recorded", s.id, c.id, c.name, Describe.score(s.score)))
    }

    static func install(_ customer: CustomerID, _ name: String, _ fields: [ProductField: JSON], _ state: CRMState, _ time: LocalTime)
        throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        var ids = NewIDs(state)
        var a = Product(id: ids.next(), customer: customer, name: try Check.text(name, "name"), installedOn: time.today)
        try Check.set(fields, on: &a)
        guard a.removedOn == nil else { throw InputError(say("actions.product.installedRemoved"), field: "removedOn") }
        var events: [Event] = [.productInstalled(a)]
        var summary = say("actions.product.installed", a.id, a.name, c.id, c.name)
        if let day = a.checkUp(after: max(time.today, a.installedOn)) {
            if c.doNotContact {
                summary += say("actions.product.noCheckUp", c.id)
            } else {
                let f = try Check.followUp(checkUp(of: a, on: day, owner: nil, time), id: ids.next(), in: state)
                events.append(.followUpScheduled(f))
                summary += say("actions.product.firstCheckUp", f.id, day)
            }
        }
        return ActionOutcome(events: events, created: a.id.ref, summary: summary)
    }

    /// A check-up of `a` on `day` at 10:00.
    static func checkUp(of a: Product, on day: Day, owner: String?, _ time: LocalTime) -> FollowUpDraft {
        var draft = FollowUpDraft(customer: a.customer, due: time.moment(day, hour: 10))
        draft.tactic = .phone
        draft.note = a.serial.map { say("actions.product.checkUpNoteSerial", a.name, $0) } ?? say("actions.product.checkUpNote", a.name)
        draft.product = a.id
        draft.owner = owner
        return draft
    }

    static func editProduct(_ id: ProductID, _ fields: [ProductField: JSON], _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        guard let a = state.product(id), state.isLive(a) else { throw InputError(say("actions.product.none", id)) }
        guard a.removedOn == nil || fields[.removedOn] != nil else { throw InputError(say("actions.product.outOfService", id, a.name, a.removedOn!)) }
        var edited = a
        try Check.set(fields, on: &edited)
        let changes = Check.changes(ProductField.self, from: a, to: edited)
        guard !changes.isEmpty else { throw InputError(say("actions.nothingToChange", id)) }
        var events = changes.map { Event.productChanged(id, $0) }
        var summary = say("actions.changed", Describe.list(changes.map { Check.fieldWord($0.field.rawValue) }), id, edited.name)
        let open = state.followUps.filter { $0.product == id && $0.isOpen && state.isLive($0) }
        if !edited.inService || edited.serviceEvery != a.serviceEvery || edited.installedOn != a.installedOn {
            events += open.map { .followUpCancelled($0.id, reason: say("actions.product.checkUpNotDue", id)) }
            if !open.isEmpty { summary += say("actions.product.cancelled", Describe.list(open.map(\.id.description))) }
            if edited.inService, let day = edited.checkUp(after: time.today), let c = state.liveCustomer(a.customer), !c.doNotContact {
                var ids = NewIDs(state)
                let f = try Check.followUp(checkUp(of: edited, on: day, owner: open.first?.owner, time), id: ids.next(), in: state)
                events.append(.followUpScheduled(f))
                summary += say("actions.followUp.nextCheckUp", f.id, day)
            }
        }
        return ActionOutcome(events: events, created: nil, summary: summary)
    }

    static func startSweep(_ name: String, _ customers: [CustomerID], _ due: Timestamp, _ note: String?, _ state: CRMState, _ time: LocalTime)
        throws(InputError) -> ActionOutcome {
        let label = try Check.text(name, "name")
        guard !state.followUps.contains(where: { $0.sweep == label && $0.isOpen && state.isLive($0) }) else {
            throw InputError(say("actions.sweep.underWay", label), field: "name")
        }
        var ids = NewIDs(state)
        var events: [Event] = []
        var skipped = 0
        for id in Set(customers).sorted() {
            guard let c = state.liveCustomer(id), !c.doNotContact else { skipped += 1; continue }
            var draft = FollowUpDraft(customer: id, due: due)
            draft.tactic = .phone
            draft.note = try Check.note(note, "note") ?? say("actions.sweep.note", label)
            draft.sweep = label
            events.append(.followUpScheduled(try Check.followUp(draft, id: ids.next(), in: state)))
        }
        guard !events.isEmpty else { throw InputError(say("actions.sweep.noOne"), field: "segment") }
        return ActionOutcome(events: events, created: nil,
                             summary: skipped > 0 ? say("actions.sweep.startedSkipping", label, events.count, time.format(due), skipped)
                                 : say("actions.sweep.started", label, events.count, time.format(due)))
    }

    static func stopSweep(_ name: String, _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        let open = state.followUps.filter { $0.sweep == name && $0.isOpen && state.isLive($0) }
        guard !open.isEmpty else { throw InputError(say("actions.sweep.none", name), field: "name") }
        return ActionOutcome(events: open.map { .followUpCancelled($0.id, reason: say("actions.sweep.stoppedReason", name)) }, created: nil,
                             summary: say("actions.sweep.stopped", name, open.count))
    }
}
