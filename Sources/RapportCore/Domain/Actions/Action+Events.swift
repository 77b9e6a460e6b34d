/// Validation: each action checked against the state it will change, turned
/// into events. Nothing is written when a check fails.
extension Action {
    /// The events for this action in `state`, or the reason it cannot be done.
    public func outcome(in state: CRMState, time: LocalTime) throws(InputError) -> ActionOutcome {
        switch self {
        case .addCustomer(let name, let fields):
            var c = Customer(id: state.nextID(Customer.self), name: try Check.text(name, "name"))
            try Check.set(fields, on: &c)
            c = try Check.normalized(c)
            return ActionOutcome(events: [.customerCreated(c)], created: c.id.ref, summary: "added customer \(c.id) \(c.name)")

        case .editCustomer(let id, let fields):
            let c = try Check.customer(id, in: state)
            var edited = c
            try Check.set(fields, on: &edited)
            edited = try Check.normalized(edited)
            let changes = Check.changes(CustomerField.self, from: c, to: edited)
            guard !changes.isEmpty else { throw InputError("nothing to change: \(id) already has those values") }
            return ActionOutcome(events: changes.map { .customerChanged(id, $0) }, created: nil,
                                 summary: "changed \(changes.map(\.field.rawValue).joined(separator: ", ")) of \(id) \(edited.name)")

        case .addContact(let customer, let name, let fields):
            let c = try Check.customer(customer, in: state)
            var p = Contact(id: state.nextID(Contact.self), customer: customer, name: try Check.text(name, "name"))
            try Check.set(fields, on: &p)
            p = try Check.normalized(p)
            var events: [Event] = []
            if p.isCoach, let old = state.coach(of: c) {   // one coach per account
                events.append(.contactChanged(old.id, FieldChange(.coach, from: true, to: false)))
            }
            events.append(.contactAdded(p))
            return ActionOutcome(events: events, created: p.id.ref, summary: "added contact \(p.id) \(p.name) at \(c.id) \(c.name)")

        case .editContact(let id, let fields):
            guard let p = state.liveContact(id) else { throw InputError("no contact person \(id)") }
            var edited = p
            try Check.set(fields, on: &edited)
            edited = try Check.normalized(edited)
            let changes = Check.changes(ContactField.self, from: p, to: edited)
            guard !changes.isEmpty else { throw InputError("nothing to change: \(id) already has those values") }
            var events: [Event] = []
            if edited.isCoach, !p.isCoach, let customer = state.customer(p.customer), let old = state.coach(of: customer) {
                events.append(.contactChanged(old.id, FieldChange(.coach, from: true, to: false)))
            }
            events += changes.map { .contactChanged(id, $0) }
            return ActionOutcome(events: events, created: nil, summary: "changed \(changes.map(\.field.rawValue).joined(separator: ", ")) of \(id) \(edited.name)")

        case .addDeal(let customer, let title, let stage, let fields):
            let c = try Check.customer(customer, in: state)
            var d = Deal(id: state.nextID(Deal.self), customer: customer, title: try Check.text(title, "title"))
            d.stage = stage
            try Check.set(fields, on: &d)
            try Check.deal(d)
            return ActionOutcome(events: [.dealCreated(d)], created: d.id.ref, summary: "added deal \(d.id) \(d.title) for \(c.id) \(c.name)")

        case .editDeal(let id, let fields):
            let d = try Check.openDeal(id, in: state, toChange: true)
            var edited = d
            try Check.set(fields, on: &edited)
            try Check.deal(edited)
            let changes = Check.changes(DealField.self, from: d, to: edited)
            guard !changes.isEmpty else { throw InputError("nothing to change: \(id) already has those values") }
            return ActionOutcome(events: changes.map { .dealChanged(id, $0) }, created: nil,
                                 summary: "changed \(changes.map(\.field.rawValue).joined(separator: ", ")) of \(id) \(edited.title)")

        case .moveDeal(let id, let to):
            let d = try Check.openDeal(id, in: state, toChange: true)
            guard d.stage != to else { throw InputError("\(id) is already in \(to.english)") }
            return ActionOutcome(events: [.dealMoved(id, from: d.stage, to: to, was: d.stageEnteredAt)], created: nil,
                                 summary: "moved \(id) \(d.title): \(d.stage.english) → \(to.english)")

        case .closeDeal(let id, let outcome, let reason):
            let d = try Check.openDeal(id, in: state, toChange: true)
            let why = try Check.note(reason, "reason")
            if outcome == .lost, why == nil {
                throw InputError("say why \(id) was lost: the reason is what the funnel learns from", field: "reason")
            }
            return ActionOutcome(events: [.dealClosed(id, outcome, reason: why)], created: nil,
                                 summary: "marked \(id) \(d.title) \(outcome == .won ? "won" : "lost")")

        case .logInteraction(let draft, let next):
            let (x, c) = try Check.interaction(draft, id: state.nextID(Interaction.self), in: state, time: time)
            var events: [Event] = [.interactionLogged(x)]
            var summary = "logged \(x.kind.english) \(x.id) with \(c.id) \(c.name)"
            if var next {
                next.deal = next.deal ?? x.deal   // the next step continues the same deal
                let f = try Check.followUp(next, id: state.nextID(FollowUp.self), in: state)
                events.append(.followUpScheduled(f))
                summary += "; next: \(f.id) at \(time.format(f.due))"
            }
            return ActionOutcome(events: events, created: x.id.ref, summary: summary)

        case .noteMood(let customer, let mood, let note, let at):
            let c = try Check.customer(customer, in: state)
            var m = MoodNote(id: state.nextID(MoodNote.self), customer: customer, mood: mood, at: at ?? time.now)
            m.note = try Check.note(note, "note")
            return ActionOutcome(events: [.moodNoted(m)], created: m.id.ref, summary: "noted \(c.name) \(mood.english)")

        case .addNote(let customer, let text):
            let c = try Check.customer(customer, in: state)
            let n = Note(id: state.nextID(Note.self), customer: customer, text: try Check.requiredNote(text, "note"), at: time.now)
            return ActionOutcome(events: [.noteAdded(n)], created: n.id.ref, summary: "added note \(n.id) to \(c.id) \(c.name)")

        case .scheduleFollowUp(let draft):
            let f = try Check.followUp(draft, id: state.nextID(FollowUp.self), in: state)
            return ActionOutcome(events: [.followUpScheduled(f)], created: f.id.ref,
                                 summary: "scheduled \(f.id) for \(time.format(f.due))")

        case .completeFollowUp(let id, let report, let next):
            let f = try Check.openFollowUp(id, in: state)
            var draft = report ?? InteractionDraft(customer: f.customer)
            guard draft.customer == f.customer else { throw InputError("\(id) belongs to \(f.customer)") }
            draft.deal = draft.deal ?? f.deal
            if report == nil, let tactic = f.tactic { draft.kind = Action.interactionKind(of: tactic) }
            let (x, _) = try Check.interaction(draft, id: state.nextID(Interaction.self), in: state, time: time)
            var events: [Event] = [.interactionLogged(x), .followUpCompleted(id, outcome: x.outcome, interaction: x.id)]
            if var next {
                next.deal = next.deal ?? x.deal
                events.append(.followUpScheduled(try Check.followUp(next, id: state.nextID(FollowUp.self), in: state)))
            }
            return ActionOutcome(events: events, created: x.id.ref, summary: "completed \(id), logged \(x.id)")

        case .snoozeFollowUp(let id, let until):
            let f = try Check.openFollowUp(id, in: state)
            guard until > time.now else { throw InputError("snooze until a later time than now (\(time.format(time.now)))") }
            guard until != f.due else { throw InputError("\(id) is already due at \(time.format(until))") }
            return ActionOutcome(events: [.followUpSnoozed(id, from: f.due, to: until)], created: nil,
                                 summary: "snoozed \(id) to \(time.format(until))")

        case .cancelFollowUp(let id, let reason):
            _ = try Check.openFollowUp(id, in: state)
            return ActionOutcome(events: [.followUpCancelled(id, reason: try Check.note(reason, "reason"))],
                                 created: nil, summary: "cancelled \(id)")

        case .openComplaint(let customer, let summary, let deal):
            let c = try Check.customer(customer, in: state)
            if let deal { try Check.dealBelongs(deal, to: customer, in: state) }
            var k = Complaint(id: state.nextID(Complaint.self), customer: customer,
                              summary: try Check.requiredNote(summary, "summary"))
            k.deal = deal
            return ActionOutcome(events: [.complaintOpened(k)], created: k.id.ref, summary: "opened complaint \(k.id) for \(c.id) \(c.name)")

        case .resolveComplaint(let id, let resolution):
            guard let k = state.liveComplaint(id) else { throw InputError("no complaint \(id)") }
            guard k.isOpen else { throw InputError("\(id) is already resolved") }
            return ActionOutcome(events: [.complaintResolved(id, resolution: try Check.note(resolution, "resolution"))],
                                 created: nil, summary: "resolved \(id)")

        case .assignFollowUp(let id, let owner):
            let f = try Check.openFollowUp(id, in: state)
            let to = try Check.text(owner, "owner")
            guard f.owner != to else { throw InputError("\(id) is already \(to)'s", field: "owner") }
            return ActionOutcome(events: [.followUpAssigned(id, from: f.owner, to: to)], created: nil, summary: "gave \(id) to \(to)")

        case .winDeal(let id, let purchase, let reason):
            let d = try Check.openDeal(id, in: state, toChange: true)
            var events: [Event] = [.dealClosed(id, .won, reason: try Check.note(reason, "reason"))]
            var summary = "marked \(id) \(d.title) won"
            if let purchase {
                guard purchase.amount.cents > 0 else { throw InputError("amount must be more than zero", field: "amount") }
                let b = Purchase(id: state.nextID(), customer: d.customer, amount: purchase.amount, date: purchase.date ?? time.today)
                events.append(.purchaseRecorded(b))
                summary += ", purchase \(b.id) of \(purchase.amount.display)"
            }
            return ActionOutcome(events: events, created: nil, summary: summary)

        case .mergeCustomers(let keepID, let duplicateID):
            return try Merge.outcome(keep: keepID, duplicate: duplicateID, in: state)

        case .recordPurchase(let customer, let amount, let date, let note):
            let c = try Check.customer(customer, in: state)
            guard amount.cents > 0 else { throw InputError("amount must be more than zero (got \(amount.plainAmount))") }
            var b = Purchase(id: state.nextID(Purchase.self), customer: customer, amount: amount, date: date ?? time.today)
            b.note = try Check.note(note, "note")
            return ActionOutcome(events: [.purchaseRecorded(b)], created: b.id.ref,
                                 summary: "recorded purchase \(b.id) of \(amount.display) for \(c.id) \(c.name)")
        }
    }
}
