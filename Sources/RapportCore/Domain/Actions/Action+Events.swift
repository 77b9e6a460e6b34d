/// Validation: each action checked against the state it will change, turned
/// into events. Nothing is written when a check fails. The checks of each
/// area live beside it: `CustomerActions`, `DealActions`, `ActivityActions`,
/// `AfterSalesActions`.
extension Action {
    /// The events for this action in `state`, or the reason it cannot be done.
    public func outcome(in state: CRMState, time: LocalTime) throws(InputError) -> ActionOutcome {
        switch self {
        case .addCustomer(let name, let fields): try CustomerActions.add(name, fields, state)
        case .editCustomer(let id, let fields): try CustomerActions.edit(id, fields, state)
        case .addContact(let c, let name, let fields): try CustomerActions.addContact(c, name, fields, state)
        case .editContact(let id, let fields): try CustomerActions.editContact(id, fields, state)
        case .removeContact(let id): try CustomerActions.removeContact(id, state)
        case .mergeCustomers(let keep, let duplicate): try Merge.outcome(keep: keep, duplicate: duplicate, in: state)
        case .addDeal(let c, let title, let stage, let fields): try DealActions.add(c, title, stage, fields, state)
        case .editDeal(let id, let fields): try DealActions.edit(id, fields, state)
        case .moveDeal(let id, let to, let content): try DealActions.move(id, to, content, state)
        case .closeDeal(let id, let outcome, let reason): try DealActions.close(id, outcome, reason, state, time)
        case .winDeal(let id, let win): try DealActions.win(id, win, state, time)
        case .completeDeal(let id, let note): try DealActions.complete(id, note, state)
        case .logInteraction(let draft, let next): try ActivityActions.log(draft, next, state, time)
        case .noteMood(let c, let mood, let note, let at): try ActivityActions.noteMood(c, mood, note, at, state, time)
        case .addNote(let c, let text): try ActivityActions.addNote(c, text, state, time)
        case .scheduleFollowUp(let draft): try ActivityActions.schedule(draft, state, time)
        case .completeFollowUp(let id, let report, let next): try ActivityActions.complete(id, report, next, state, time)
        case .snoozeFollowUp(let id, let until): try ActivityActions.snooze(id, until, state, time)
        case .cancelFollowUp(let id, let reason): try ActivityActions.cancel(id, reason, state, time)
        case .assignFollowUp(let id, let owner): try ActivityActions.assign(id, owner, state)
        case .openComplaint(let c, let summary, let deal): try AfterSalesActions.openComplaint(c, summary, deal, state)
        case .resolveComplaint(let id, let resolution): try AfterSalesActions.resolve(id, resolution, state)
        case .addComplaintStep(let id, let text): try AfterSalesActions.step(id, text, state, time)
        case .confirmComplaint(let id, let satisfied): try AfterSalesActions.confirm(id, satisfied, state)
        case .recordPurchase(let c, let amount, let date, let note): try AfterSalesActions.purchase(c, amount, date, note, state, time)
        case .recordSurvey(let c, let ratings, let date, let note): try AfterSalesActions.survey(c, ratings, date, note, state, time)
        case .installProduct(let c, let name, let fields): try AfterSalesActions.install(c, name, fields, state, time)
        case .editProduct(let id, let fields): try AfterSalesActions.editProduct(id, fields, state, time)
        case .startSweep(let name, let customers, let due, let note): try AfterSalesActions.startSweep(name, customers, due, note, state, time)
        case .stopSweep(let name): try AfterSalesActions.stopSweep(name, state, time)
        case .importCustomers(let batch): try Importer.outcome(batch, state, time)
        case .eraseCustomer(let id, let reason, let records):
            ActionOutcome(events: [.customerErased(id, reason: reason, records: records)], created: nil,
                          summary: say("actions.erased", id, records))
        }
    }
}
