/// Deals through the seven stages: what each stage records, the win and its
/// follow-through, the loss and its reason.
enum DealActions {
    static func add(_ customer: CustomerID, _ title: String, _ stage: Stage, _ fields: [DealField: JSON], _ state: CRMState)
        throws(InputError) -> ActionOutcome {
        let c = try Check.customer(customer, in: state)
        guard stage != .followThrough else {
            throw InputError(say("actions.deal.addedInFollowThrough"), field: "stage")
        }
        var d = Deal(id: state.nextID(Deal.self), customer: customer, title: try Check.text(title, "title"))
        d.stage = stage
        try Check.set(fields, on: &d)
        try Check.deal(d)
        return ActionOutcome(events: [.dealCreated(d)], created: d.id.ref, summary: say("actions.deal.added", d.id, d.title, c.id, c.name))
    }

    static func edit(_ id: DealID, _ fields: [DealField: JSON], _ state: CRMState) throws(InputError) -> ActionOutcome {
        guard let d = state.liveDeal(id) else { throw InputError(say("actions.check.noDeal", id)) }
        // A won deal's stage content may still be filled in; its terms may not change.
        if let outcome = d.outcome, fields.keys.contains(where: { $0.stage == nil }) {
            throw InputError(say("actions.check.dealClosed", id, d.title, outcome.codeWord), hint: .undo)
        }
        var edited = d
        try Check.set(fields, on: &edited)
        try Check.deal(edited)
        let changes = Check.changes(DealField.self, from: d, to: edited)
        guard !changes.isEmpty else { throw InputError(say("actions.nothingToChange", id)) }
        return ActionOutcome(events: changes.map { .dealChanged(id, $0) }, created: nil,
                             summary: say("actions.changed", Describe.list(changes.map { Check.fieldWord($0.field.rawValue) }), id, edited.title))
    }

    /// Moves a deal and records what its new stage records; warns (never
    /// refuses) when it leaves stages without their content, or goes past
    /// approach for a customer who is not qualified.
    static func move(_ id: DealID, _ to: Stage, _ content: [DealField: JSON], _ state: CRMState) throws(InputError) -> ActionOutcome {
        let d = try Check.openDeal(id, in: state, toChange: true)
        guard d.stage != to else { throw InputError(say("actions.deal.alreadyIn", id, to.word)) }
        guard to != .followThrough else {
            throw InputError(say("actions.deal.movedToFollowThrough", id), field: "stage")
        }
        if let wrong = content.keys.first(where: { $0.stage != to }) {
            throw InputError(say("actions.deal.contentOfAnotherStage", wrong.rawValue, wrong.stage?.word ?? say("actions.deal.noStage"), to.word), field: wrong.rawValue)
        }
        var moved = d
        try Check.set(content, on: &moved)
        let changes = Check.changes(DealField.self, from: d, to: moved)
        let events = [Event.dealMoved(id, from: d.stage, to: to, was: d.stageEnteredAt)] + changes.map { .dealChanged(id, $0) }
        moved.stage = to
        return ActionOutcome(events: events, created: nil, summary: say("actions.deal.moved", id, d.title, d.stage.word, to.word),
                             warnings: warnings(leaving: d, for: moved, in: state))
    }

    /// Stages the move leaves without their content, and a customer not qualified past approach.
    static func warnings(leaving d: Deal, for moved: Deal, in state: CRMState) -> [String] {
        let c = state.customer(d.customer)
        var out: [String] = []
        for stage in Stage.allCases where stage >= d.stage && stage < moved.stage {
            let missing = StageContent.missing(stage, of: moved, customer: c)
            if !missing.isEmpty { out.append(say("actions.deal.leftWithout", d.id, stage.word, missing.joined(separator: say("actions.and")))) }
        }
        if moved.stage > .approach || moved.outcome == .won, let c, c.qualification != .qualifiedProspect {
            out.append(say("actions.deal.unqualified", c.id, c.name, Describe.list(c.qualificationGaps)))
        }
        return out
    }

    static func close(_ id: DealID, _ outcome: DealOutcome, _ reason: String?, _ state: CRMState, _ time: LocalTime)
        throws(InputError) -> ActionOutcome {
        if outcome == .won {
            var win = WinDraft()
            win.recordsPurchase = false
            win.reason = reason
            return try self.win(id, win, state, time)
        }
        let d = try Check.openDeal(id, in: state, toChange: true)
        guard let why = try Check.note(reason, "reason") else {
            throw InputError(say("actions.deal.lostWithoutReason", id), field: "reason")
        }
        return ActionOutcome(events: [.dealClosed(id, .lost, reason: why)], created: nil, summary: say("actions.deal.lost", id, d.title))
    }

    /// The commitment to buy: the deal is won, the purchase recorded, and
    /// follow-through begins, with the checks asked for scheduled.
    static func win(_ id: DealID, _ win: WinDraft, _ state: CRMState, _ time: LocalTime) throws(InputError) -> ActionOutcome {
        let d = try Check.openDeal(id, in: state, toChange: true)
        var ids = NewIDs(state)
        var events: [Event] = [.dealWon(id, from: d.stage, was: d.stageEnteredAt, reason: try Check.note(win.reason, "reason"))]
        var summary = say("actions.deal.won", id, d.title)
        if win.recordsPurchase {
            guard let amount = win.amount ?? d.value else {
                throw InputError(say("actions.deal.noValue", id), field: "amount")
            }
            guard amount.cents > 0 else { throw InputError(say("actions.deal.amountNotPositive"), field: "amount") }
            var b = Purchase(id: ids.next(), customer: d.customer, amount: amount, date: win.date ?? time.today)
            b.note = say("actions.deal.purchaseNote", id, d.title)
            events.append(.purchaseRecorded(b))
            summary += say("actions.deal.wonPurchase", b.id, amount.display)
        }
        for check in FollowThroughCheck.allCases {
            guard let due = win.checks[check] else { continue }
            var draft = FollowUpDraft(customer: d.customer, due: due)
            draft.deal = id
            draft.tactic = .phone
            draft.note = check.note
            let f = try Check.followUp(draft, id: ids.next(), in: state)
            events.append(.followUpScheduled(f))
            summary += say("actions.deal.wonCheck", check.word, f.id, time.format(due))
        }
        var won = d
        won.outcome = .won
        return ActionOutcome(events: events, created: nil, summary: summary, warnings: warnings(leaving: d, for: won, in: state))
    }

    static func complete(_ id: DealID, _ note: String?, _ state: CRMState) throws(InputError) -> ActionOutcome {
        guard let d = state.liveDeal(id) else { throw InputError(say("actions.check.noDeal", id)) }
        guard d.followingThrough else {
            throw InputError(say(d.isOpen ? "actions.deal.notWonYet" : d.completedAt == nil ? "actions.deal.closedBeforeFollowThrough" : "actions.deal.alreadyComplete", id))
        }
        return ActionOutcome(events: [.dealCompleted(id, note: try Check.note(note, "note"))], created: nil,
                             summary: d.openFollowUps > 0 ? say("actions.deal.completedWithOpen", id, d.title, d.openFollowUps)
                                 : say("actions.deal.completed", id, d.title))
    }
}
