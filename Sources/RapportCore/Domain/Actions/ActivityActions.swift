/// Calls and visits, moods and notes, and follow-ups. A call's outcome has
/// its consequences in the same batch: an order records a purchase, a
/// complaint opens one, a call-back is scheduled; a check-up done schedules
/// the next, and a sweep's call is made again until the customer is satisfied.
enum ActivityActions {
    static func log(_ draft: InteractionDraft, _ next: FollowUpDraft?, _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        var ids = NewIDs(state)
        let (x, c) = try Check.interaction(draft, id: ids.next(), in: state, time: time)
        var events: [Event] = [.interactionLogged(x)]
        var summary = say("actions.activity.logged", x.kind.word, x.id, c.id, c.name)
        try consequences(of: x, draft, next: next, ids: &ids, events: &events, summary: &summary, state, time)
        return ActionOutcome(events: events, created: x.id.ref, summary: summary)
    }

    /// What the outcome of a contact brings with it, and its next step.
    static func consequences(of x: Interaction, _ draft: InteractionDraft, next: FollowUpDraft?, ids: inout NewIDs,
                             events: inout [Event], summary: inout String, _ state: CRMState, _ time: LocalTime) throws(InputError) {
        if draft.orderAmount != nil, x.outcome != .order {
            throw InputError(say("actions.activity.amountWithoutOrder"), field: "amount")
        }
        switch x.outcome {
        case .order?:
            guard let amount = draft.orderAmount else { throw InputError(say("actions.activity.orderWithoutAmount"), field: "amount") }
            guard amount.cents > 0 else { throw InputError(say("actions.deal.amountNotPositive"), field: "amount") }
            var b = Purchase(id: ids.next(), customer: x.customer, amount: amount, date: time.day(of: x.at))
            b.note = x.deal.map { say("actions.activity.orderNoteForDeal", x.id, $0) } ?? say("actions.activity.orderNote", x.id)
            events.append(.purchaseRecorded(b))
            summary += say("actions.deal.wonPurchase", b.id, amount.display)
        case .complaint?:
            guard let text = try Check.note(draft.complaint, "complaint") ?? x.note else {
                throw InputError(say("actions.activity.complaintWithoutText"), field: "note")
            }
            var k = Complaint(id: ids.next(), customer: x.customer, summary: text)
            k.deal = x.deal
            events.append(.complaintOpened(k))
            summary += say("actions.activity.complaintOpened", k.id)
        case .callBack?:
            guard next != nil else { throw InputError(say("actions.activity.callBackWithoutTime"), field: "next") }
        default:
            break
        }
        if var next {
            next.deal = next.deal ?? x.deal   // the next step continues the same deal
            if x.outcome == .callBack {
                next.tactic = next.tactic ?? .phone
                next.note = next.note ?? say("actions.activity.callBackNote", x.id)
            }
            let f = try Check.followUp(next, id: ids.next(), in: state)
            events.append(.followUpScheduled(f))
            summary += say("actions.activity.next", f.id, time.format(f.due))
        }
    }

    static func noteMood(_ customer: CustomerID, _ mood: Mood, _ note: String?, _ at: Timestamp?, _ state: CRMState, _ time: LocalTime)
        throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        var m = MoodNote(id: state.nextID(MoodNote.self), customer: customer, mood: mood, at: at ?? time.now)
        m.note = try Check.note(note, "note")
        return ActionOutcome(events: [.moodNoted(m)], created: m.id.ref, summary: say("actions.activity.mood", c.name, mood.word))
    }

    static func addNote(_ customer: CustomerID, _ text: String, _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        let n = Note(id: state.nextID(Note.self), customer: customer, text: try Check.requiredNote(text, "note"), at: time.now)
        return ActionOutcome(events: [.noteAdded(n)], created: n.id.ref, summary: say("actions.activity.note", n.id, c.id, c.name))
    }

    static func schedule(_ draft: FollowUpDraft, _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        let f = try Check.followUp(draft, id: state.nextID(FollowUp.self), in: state)
        return ActionOutcome(events: [.followUpScheduled(f)], created: f.id.ref, summary: say("actions.followUp.scheduled", f.id, time.format(f.due)))
    }

    static func complete(_ id: FollowUpID, _ report: InteractionDraft?, _ next: FollowUpDraft?, _ state: CRMState, _ time: LocalTime)
        throws(InputError) -> ActionOutcome {
        let f = try Check.openFollowUp(id, in: state)
        var draft = report ?? InteractionDraft(customer: f.customer)
        guard draft.customer == f.customer else { throw InputError(say("actions.followUp.ofAnother", id, f.customer)) }
        draft.deal = draft.deal ?? f.deal
        if report == nil, let tactic = f.tactic { draft.kind = Action.interactionKind(of: tactic) }
        var ids = NewIDs(state)
        let (x, _) = try Check.interaction(draft, id: ids.next(), in: state, time: time)
        var events: [Event] = [.interactionLogged(x), .followUpCompleted(id, outcome: x.outcome, interaction: x.id)]
        var summary = say("actions.followUp.completed", id, x.id)
        try consequences(of: x, draft, next: next, ids: &ids, events: &events, summary: &summary, state, time)
        if f.sweep != nil, x.satisfied != true, next == nil, state.liveCustomer(f.customer)?.doNotContact == false {
            // A sweep keeps calling until the customer says they are satisfied.
            var again = FollowUpDraft(customer: f.customer, due: time.moment(Day(number: time.today.number + 2), hour: 10))
            again.tactic = .phone
            again.note = f.note
            again.sweep = f.sweep
            again.owner = f.owner
            let g = try Check.followUp(again, id: ids.next(), in: state)
            events.append(.followUpScheduled(g))
            summary += say("actions.followUp.sweepAgain", f.sweep!, time.format(g.due), g.id)
        }
        if let next = try nextCheckUp(after: f, ids: &ids, state, time) {
            events.append(.followUpScheduled(next))
            summary += say("actions.followUp.nextCheckUp", next.id, time.day(of: next.due))
        }
        return ActionOutcome(events: events, created: x.id.ref, summary: summary)
    }

    /// The check-up after `f`, when `f` was one and its product is in service
    /// and the customer may be contacted.
    static func nextCheckUp(after f: FollowUp, ids: inout NewIDs, _ state: CRMState, _ time: LocalTime) throws(InputError) -> FollowUp? {
        guard let a = f.product.flatMap(state.product), a.inService, let c = state.liveCustomer(a.customer), !c.doNotContact,
              let day = a.checkUp(after: max(time.today, time.day(of: f.due)))
        else { return nil }
        return try Check.followUp(AfterSalesActions.checkUp(of: a, on: day, owner: f.owner, time), id: ids.next(), in: state)
    }

    static func snooze(_ id: FollowUpID, _ until: Timestamp, _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        let f = try Check.openFollowUp(id, in: state)
        guard until > time.now else { throw InputError(say("actions.followUp.snoozeToPast", time.format(time.now))) }
        guard until != f.due else { throw InputError(say("actions.followUp.alreadyDue", id, time.format(until))) }
        return ActionOutcome(events: [.followUpSnoozed(id, from: f.due, to: until)], created: nil, summary: say("actions.followUp.snoozed", id, time.format(until)))
    }

    static func cancel(_ id: FollowUpID, _ reason: String?, _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        let f = try Check.openFollowUp(id, in: state)
        var events: [Event] = [.followUpCancelled(id, reason: try Check.note(reason, "reason"))]
        var summary = say("actions.followUp.cancelled", id)
        var ids = NewIDs(state)
        if let next = try nextCheckUp(after: f, ids: &ids, state, time) {   // one check-up skipped, not the series
            events.append(.followUpScheduled(next))
            summary += say("actions.followUp.nextCheckUp", next.id, time.day(of: next.due))
        }
        return ActionOutcome(events: events, created: nil, summary: summary)
    }

    static func assign(_ id: FollowUpID, _ owner: String, _ state: CRMState) throws(InputError) -> ActionOutcome {
        let f = try Check.openFollowUp(id, in: state)
        let to = try Check.text(owner, "owner")
        guard f.owner != to else { throw InputError(say("actions.followUp.alreadyOwned", id, to), field: "owner") }
        return ActionOutcome(events: [.followUpAssigned(id, from: f.owner, to: to)], created: nil, summary: say("actions.followUp.assigned", id, to))
    }
}
