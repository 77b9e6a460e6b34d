import RapportCore

/// The acting keys: each opens a form on the selected item of the focused
/// pane (or acts at once, as `>` and `<` do), and every save is a core
/// `Action`, written as the command line writes it.
extension AppState {
    /// The deal the acting keys work on: the funnel's selection, else the
    /// shown customer's furthest open deal.
    var actingDeal: Deal? {
        if focus == .funnel, let d = selectedDeal { return d }
        if focus == .followUps, let id = selectedQueueItem?.deal, let d = data.state.liveDeal(id), d.isOpen { return d }
        guard let c = shownCustomer else { return nil }
        return data.state.deals(of: c).filter(\.isOpen).max { ($0.stage, $1.id) < ($1.stage, $0.id) }
    }

    /// A won deal in follow-through selected on the board (or the shown
    /// customer's only one): `W` completes its follow-through.
    var followingThroughDeal: Deal? {
        if focus == .funnel, let d = selectedDeal { return d.followingThrough ? d : nil }
        guard let c = shownCustomer else { return nil }
        let deals = data.state.deals(of: c)
        return deals.contains(where: \.isOpen) ? nil : deals.first(where: \.followingThrough)
    }

    /// The customer shown in the dossier, if it exists now.
    var shownCustomer: Customer? { customer.flatMap { data.customer($0) } }

    /// The follow-up the acting keys work on: the queue's selection, else
    /// the shown customer's soonest open one.
    var actingFollowUp: FollowUp? {
        if focus == .followUps, let item = selectedQueueItem {
            guard case .followUp(let id) = item.subject else { return nil }
            return data.state.liveFollowUp(id)
        }
        guard let c = shownCustomer else { return nil }
        return data.state.followUps(of: c).filter(\.isOpen).min { $0.due < $1.due }
    }

    /// Carries out an acting key.
    mutating func act(_ key: KeyAction) -> [Effect] {
        if data.asOf != nil { return fail(say("forms.status.readOnly")) }
        advanceQueueOnSave = false
        switch key {
        case .newCustomer:
            open(Forms.newCustomer(data, actor: actor))
        case .undo:
            return [.previewUndo]
        case .toggleQueue:
            return [.showQueue(everyone: !everyonesQueue)]
        case .stageForward, .stageBack:
            guard let d = actingDeal else { return fail(say("forms.status.selectDeal")) }
            guard let to = key == .stageForward ? d.stage.next : d.stage.previous else {
                return fail(key == .stageForward ? say("forms.status.lastStage", d.id) : say("forms.status.firstStage", d.id))
            }
            let effects = [Effect.perform(.moveDeal(d.id, to: to), unchangedSince: data.state.recordCount, subject: d.id.ref)]
            if focus == .funnel { funnel.stage = to.number - 1 }   // the selection goes with the deal
            return effects
        case .win, .lose:
            if key == .win, let d = followingThroughDeal { open(Forms.completeDeal(d, data)); return [] }
            guard let d = actingDeal else { return fail(say("forms.status.selectDealFirst")) }
            open(key == .win ? Forms.win(d, data) : Forms.lose(d, data))
        case .complete, .snooze:
            guard let f = actingFollowUp, let c = data.customer(f.customer) else {
                return fail(say("forms.status.selectFollowUp"))
            }
            advanceQueueOnSave = false   // a done or snoozed item leaves its place: the next one takes it
            open(key == .complete ? Forms.complete(f, c, data) : Forms.snooze(f, c, data))
        default:
            guard let c = focus == .followUps ? selectedQueueItem.flatMap({ data.customer($0.customer) }) ?? shownCustomer : shownCustomer else {
                return fail(say("forms.status.selectCustomer"))
            }
            switch key {
            case .newDeal: open(Forms.newDeal(c, data, actor: actor))
            case .logCall:
                advanceQueueOnSave = focus == .followUps
                open(Forms.logCall(c, data, inbound: arrivedBySearch))
            case .scheduleFollowUp: open(Forms.schedule(c, data, actor: actor))
            case .moodNote: open(Forms.mood(c, data))
            case .personality: open(Forms.personality(c, data))
            case .edit:
                if focus == .funnel, let d = selectedDeal { open(Forms.editDeal(d, data)) } else { open(Forms.editMenu(c, data)) }
            case .add: open(Forms.addMenu(c, data))
            default: return []
            }
        }
        return []
    }

    private mutating func open(_ form: Form) { overlay = .form(form) }

    // MARK: - Forms

    /// A key in the open form; the form stays open unless the key closes or replaces it.
    mutating func handleForm(_ key: Key, _ current: Form) -> [Effect] {
        var form = current
        switch form.handle(key) {
        case .stay:
            overlay = .form(form)
        case .cancel:
            overlay = nil
        case .left(let field):
            check(&form, only: field)
            overlay = .form(form)
        case .reload:
            overlay = Forms.reopen(form.purpose, data, actor: actor).map(Overlay.form)
        case .save:
            if form.purpose == .menu { return openChosen(form) }
            form.errors = [:]
            for field in form.fields where field.required && field.isEmpty { form.errors[field.key] = say("forms.error.empty") }
            overlay = .form(form)
            guard form.errors.isEmpty else { return [] }
            do {
                let action = try form.action(in: data)
                _ = try action.outcome(in: data.state, time: data.now)   // the core's checks, before writing
                return [.perform(action, unchangedSince: form.openedAt, subject: form.subject)]
            } catch {
                form.errors[error.field ?? ""] = error.description + Self.words(error.hint)
                overlay = .form(form)
            }
        }
        return []
    }

    /// The core's verdict on the form as it stands, shown beside `only` (the
    /// field just left) when it is about that field.
    private func check(_ form: inout Form, only field: String) {
        form.errors[field] = nil
        do {
            _ = try form.action(in: data).outcome(in: data.state, time: data.now)
        } catch {
            if error.field == field, !(form.field(field)?.isEmpty ?? true) { form.errors[field] = error.description }
        }
    }

    /// Opens what a menu's choice names.
    private mutating func openChosen(_ menu: Form) -> [Effect] {
        let choice = menu.text("choice")
        guard let c = shownCustomer else { overlay = nil; return [] }
        let s = data.state
        if let ref = EntityRef(choice) {
            switch ref.kind {
            case .customer: open(Forms.editCustomer(c, data))
            case .contact: if let p = s.liveContact(ContactID(ref.number)) { open(Forms.editContact(p, data)) }
            case .deal: if let d = s.liveDeal(DealID(ref.number)) { open(Forms.editDeal(d, data)) }
            case .complaint: if let k = s.liveComplaint(ComplaintID(ref.number)) { open(Forms.resolveComplaint(k, data)) }
            case .product: if let a = s.product(ProductID(ref.number)) { open(Forms.editProduct(a, data)) }
            default: overlay = nil
            }
            return []
        }
        if choice.hasPrefix("step:") || choice.hasPrefix("confirm:") {   // catalogue: not text
            let parts = choice.split(separator: ":").map(String.init)
            guard let id = ComplaintID(parts[1]), let k = s.liveComplaint(id) else { overlay = nil; return [] }
            open(parts[0] == "step" ? Forms.complaintStep(k, data) : Forms.confirmComplaint(k, data))
            return []
        }
        switch choice {
        case "value": open(Forms.value(c, data))
        case "survey": open(Forms.survey(c, data))
        case "product": open(Forms.product(c, data))
        case "contact": open(Forms.newContact(c, data))
        case "deal": open(Forms.newDeal(c, data, actor: actor))
        case "followup": open(Forms.schedule(c, data, actor: actor))
        case "complaint": open(Forms.openComplaint(c, data))
        case "purchase": open(Forms.purchase(c, data))
        case "note": open(Forms.note(c, data))
        case "mood": open(Forms.mood(c, data))
        default: overlay = nil
        }
        return []
    }

    // MARK: - Answers

    /// An action was written: the form closes, the queue moves on when asked,
    /// and what was created is shown as soon as the new data holds it.
    mutating func performed(_ summary: String, created: EntityRef?) -> [Effect] {
        if case .form = overlay { overlay = nil }
        if advanceQueueOnSave { queue.row = min(queue.row + 1, max(0, data.queue.items.count - 1)) }
        advanceQueueOnSave = false
        status = StatusNote(text: summary, isError: false)
        toReveal = created
        return revealCreated()
    }

    /// Shows what the last save created, once the data holds it: a new
    /// customer in the dossier, a new deal selected on the board.
    mutating func revealCreated() -> [Effect] {
        guard let created = toReveal else { return [] }
        switch created.kind {
        case .customer:
            guard data.customer(CustomerID(created.number)) != nil else { return [] }
            toReveal = nil
            return show(customer: CustomerID(created.number))
        case .deal:
            guard let d = data.state.liveDeal(DealID(created.number)) else { return [] }
            toReveal = nil
            funnel.stage = d.stage.number - 1
            funnel.row = data.funnel.columns[funnel.stage].deals.firstIndex { $0.id == d.id } ?? 0
            return show(customer: d.customer)
        default:
            toReveal = nil
            return []   // the new data reloads the shown customer's timeline
        }
    }

    /// An action was refused: the form stays, with its values, and says why.
    mutating func refused(_ message: String, field: String?, conflict: Bool) -> [Effect] {
        guard case .form(var form) = overlay else { return fail(message) }
        form.errors[field ?? ""] = message
        form.conflict = conflict
        overlay = .form(form)
        return []
    }

    /// A hint of the core, in the screen's words.
    public static func words(_ hint: InputError.Hint?) -> String {
        switch hint {
        case .undo?: say("forms.hint.undo")
        case .clearDoNotContact(let id)?: say("forms.hint.clearDoNotContact", id)
        case .search?: say("forms.hint.search")
        case nil: ""
        }
    }

    mutating func fail(_ text: String) -> [Effect] {
        status = StatusNote(text: text, isError: true)
        return []
    }
}
