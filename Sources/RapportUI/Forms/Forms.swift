import RapportCore

/// The screen's forms, each filled with what the state already knows.
public enum Forms {
    static func text(_ key: String, _ label: String, _ value: String? = nil, required: Bool = false) -> Field {
        Field(key, label, .text(LineEditor(value ?? "")), required: required)
    }

    static func note(_ key: String, _ label: String, _ value: String? = nil, required: Bool = false) -> Field {
        Field(key, label, .note(LineEditor(value ?? "")), required: required)
    }

    static func date(_ key: String, _ label: String, _ value: String? = nil, hour: Int = 9, required: Bool = false) -> Field {
        Field(key, label, .date(LineEditor(value ?? ""), hour: hour), required: required)
    }

    static func money(_ key: String, _ label: String, _ value: Money? = nil) -> Field {
        Field(key, label, .money(LineEditor(value.map { $0.cents % 100 == 0 ? String($0.cents / 100) : $0.plainAmount } ?? "")))
    }

    static func pick<T: Term>(_ key: String, _ label: String, _: T.Type, _ value: T? = nil, required: Bool = false) -> Field {
        Field(key, label, .picker(Picker(Choice.terms(T.self), chosen: value?.rawValue)), required: required)
    }

    static func pick(_ key: String, _ label: String, _ choices: [Choice], _ value: String? = nil) -> Field {
        Field(key, label, .picker(Picker(choices, chosen: value)))
    }

    static func toggle(_ key: String, _ label: String, _ on: Bool) -> Field { Field(key, label, .toggle(on)) }

    /// Yes, no, or not known (nothing chosen).
    static func yesNo(_ key: String, _ label: String, _ value: Bool?) -> Field {
        pick(key, label, [Choice(value: "yes", label: say("forms.choice.yes"), keys: ["是"]), Choice(value: "no", label: say("forms.choice.no"), keys: ["否"])], value.map { $0 ? "yes" : "no" })
    }

    /// A customer's contacts as choices.
    static func contacts(of c: Customer, in s: CRMState) -> [Choice] {
        s.contacts(of: c).reversed().map { p in
            Choice(value: p.id.description, label: "\(p.name)\(p.role.map { " · \($0.word)" } ?? "")\(p.isCoach ? " · " + say("forms.choice.coach") : "")",
                   keys: [p.name])
        }
    }

    /// A customer's open deals as choices, furthest stage first.
    static func deals(of c: Customer, in s: CRMState) -> [Choice] {
        s.deals(of: c).filter(\.isOpen).sorted { ($0.stage, $1.id) > ($1.stage, $0.id) }.map { d in
            Choice(value: d.id.description, label: "\(d.id) \(d.title) · \(d.stage.word)", keys: [d.title])
        }
    }

    // MARK: - Customers, contacts, deals

    public static func newCustomer(_ data: ScreenData, actor: String, name: String = "", phone: String = "") -> Form {
        Form(say("forms.title.newCustomer"), .newCustomer, fields: [
            text("name", say("forms.label.name"), name, required: true), pick("kind", say("forms.label.kind"), CustomerKind.self, .individual),
            text("phones", say("forms.label.phone"), phone), text("emails", say("forms.label.email")), text("company", say("forms.label.company")),
            pick("size", say("forms.label.size"), SizeClass.self), pick("valueType", say("forms.label.valueType"), ValueType.self),
            pick("source", say("forms.label.foundBy"), ProspectingMethod.self), text("owner", say("forms.label.owner"), actor),
        ], openedAt: data.state.recordCount, focus: name.isEmpty ? "name" : "phones")
    }

    public static func editCustomer(_ c: Customer, _ data: ScreenData) -> Form {
        return Form(say("forms.title.edit", c.id, c.name), .editCustomer(c.id), fields: [
            text("name", say("forms.label.name"), c.name, required: true), pick("kind", say("forms.label.kind"), CustomerKind.self, c.kind),
            text("phones", say("forms.label.phones"), c.phones.joined(separator: ", ")), text("emails", say("forms.label.emails"), c.emails.joined(separator: ", ")),
            text("company", say("forms.label.company"), c.company), text("address", say("forms.label.address"), c.address),
            pick("size", say("forms.label.size"), SizeClass.self, c.size), pick("valueType", say("forms.label.valueType"), ValueType.self, c.valueType),
            pick("relationship", say("forms.label.relationship"), RelationshipLevel.self, c.relationship),
            pick("source", say("forms.label.foundBy"), ProspectingMethod.self, c.source),
            yesNo("need", say("forms.label.hasNeed"), c.hasNeed), yesNo("canPay", say("forms.label.canPay"), c.canPay),
            yesNo("authority", say("forms.label.hasAuthority"), c.hasAuthority),
            pick("experience", say("forms.label.buyer"), BuyerExperience.self, c.experience), pick("channel", say("forms.label.channel"), Channel.self, c.channel),
            toggle("doNotContact", say("forms.label.doNotContact"), c.doNotContact), toggle("doNotShare", say("forms.label.doNotShare"), c.doNotShare),
            text("owner", say("forms.label.owner"), c.owner), text("tags", say("forms.label.tags"), c.tags.joined(separator: ", ")),
            pick("personality", say("forms.label.personality"), PersonalityType.self, c.personality), pick("aidmas", say("forms.label.aidmas"), AIDMAS.self, c.aidmas),
        ], openedAt: data.state.recordCount, subject: c.id.ref)
    }

    public static func newContact(_ c: Customer, _ data: ScreenData) -> Form {
        Form(say("forms.title.newContact", c.name), .newContact(c.id), fields: [
            text("name", say("forms.label.name"), required: true), pick("role", say("forms.label.buyingRole"), BuyingRole.self), text("title", say("forms.label.jobTitle")),
            text("phone", say("forms.label.phone")), text("email", say("forms.label.email")), toggle("coach", say("forms.label.ourCoach"), false),
            checklist("coachCriteria", say("forms.label.coachCriteria"), CoachCriterion.self, []),
        ], openedAt: data.state.recordCount)
    }

    public static func editContact(_ p: Contact, _ data: ScreenData) -> Form {
        Form(say("forms.title.edit", p.id, p.name), .editContact(p.id), fields: [
            text("name", say("forms.label.name"), p.name, required: true), pick("role", say("forms.label.buyingRole"), BuyingRole.self, p.role),
            text("title", say("forms.label.jobTitle"), p.title), text("phone", say("forms.label.phone"), p.phone), text("email", say("forms.label.email"), p.email),
            toggle("coach", say("forms.label.ourCoach"), p.isCoach), checklist("coachCriteria", say("forms.label.coachCriteria"), CoachCriterion.self, p.coachCriteria),
        ], openedAt: data.state.recordCount, subject: p.id.ref, focus: "role")
    }

    public static func newDeal(_ c: Customer, _ data: ScreenData, actor: String) -> Form {
        Form(say("forms.title.newDeal", c.name), .newDeal(c.id), fields: [
            text("title", say("forms.label.whatIsSold"), required: true), money("value", say("forms.label.value")),
            pick("stage", say("forms.label.stage"), Stage.self, .prospecting), date("close", say("forms.label.expectedClose")),
            text("probability", say("forms.label.chance")), text("owner", say("forms.label.owner"), actor),
        ], openedAt: data.state.recordCount)
    }

    public static func editDeal(_ d: Deal, _ data: ScreenData) -> Form {
        Form(say("forms.title.edit", d.id, d.title), .editDeal(d.id), fields: [
            text("title", say("forms.label.whatIsSold"), d.title, required: true), money("value", say("forms.label.value"), d.value),
            date("close", say("forms.label.expectedClose"), d.expectedClose?.description),
            text("probability", say("forms.label.chance"), d.probabilityOverride.map(String.init)),
            text("owner", say("forms.label.owner"), d.owner),
        ] + stageContent(d, data.now), openedAt: data.state.recordCount, subject: d.id.ref)
    }

    public static func win(_ d: Deal, _ data: ScreenData) -> Form {
        Form(say("forms.title.won", d.id, d.title), .win(d.id), fields: [
            money("amount", say("forms.label.amountBought"), d.value), date("date", say("forms.label.boughtOn"), "today"),
            note("reason", say("forms.label.whyWon")),
            date(FollowThroughCheck.delivery.rawValue, say("forms.label.deliveryCheck"), "+3d", hour: 10),
            date(FollowThroughCheck.installation.rawValue, say("forms.label.installCheck"), "+7d", hour: 10),
            date(FollowThroughCheck.inUse.rawValue, say("forms.label.inUseCheck"), "+30d", hour: 10),
        ], openedAt: data.state.recordCount, subject: d.id.ref)
    }

    public static func lose(_ d: Deal, _ data: ScreenData) -> Form {
        Form(say("forms.title.lost", d.id, d.title), .lose(d.id), fields: [
            pick("why", say("forms.label.reason"), LossReason.self), note("reason", say("forms.label.inWords")),
        ], openedAt: data.state.recordCount, subject: d.id.ref)
    }

    // MARK: - Calls and follow-ups

    /// The call form: what the agent fills while talking first (outcome,
    /// mood, objection, note), the next step, then the details already filled.
    public static func logCall(_ c: Customer, _ data: ScreenData, inbound: Bool) -> Form {
        let contacts = Self.contacts(of: c, in: data.state), deals = Self.deals(of: c, in: data.state)
        return Form(say("forms.title.call", c.name), .logCall(c.id), fields: interactionFields() + nextStepFields() + consequenceFields() + [
            pick("direction", say("forms.label.direction"), Direction.self, inbound ? .inbound : .outbound),
            pick("kind", say("forms.label.kind"), InteractionKind.self, .call), date("at", say("forms.label.when"), "now", hour: 12),
            pick("contact", say("forms.label.spokeWith"), contacts, contacts.first?.value),
            pick("deal", say("forms.label.aboutDeal"), deals, deals.first?.value),
        ], openedAt: data.state.recordCount)
    }

    static func interactionFields() -> [Field] {
        [pick("outcome", say("forms.label.outcome"), ContactOutcome.self), pick("mood", say("forms.label.mood"), Mood.self),
         pick("objection", say("forms.label.objection"), ObjectionType.self),
         pick("technique", say("forms.label.technique"), ObjectionTechnique.self),
         note("note", say("forms.label.note"))]
    }

    /// What an outcome brings with it: an order's amount; whether the customer is satisfied (a sweep asks).
    static func consequenceFields() -> [Field] {
        [money("amount", say("forms.label.orderAmount")), yesNo("satisfied", say("forms.label.satisfied"), nil)]
    }

    static func nextStepFields() -> [Field] {
        [date("next", say("forms.label.nextWhen")), pick("nextTactic", say("forms.label.nextHow"), FollowUpTactic.self),
         note("nextNote", say("forms.label.nextNote"))]
    }

    public static func complete(_ f: FollowUp, _ c: Customer, _ data: ScreenData) -> Form {
        Form(say("forms.title.done", f.id, c.name) + (f.note.map { " · " + Describe.preview($0, characters: 40) } ?? ""), .complete(f.id),
             fields: interactionFields() + nextStepFields() + consequenceFields(), openedAt: data.state.recordCount, subject: f.id.ref)
    }

    public static func schedule(_ c: Customer, _ data: ScreenData, actor: String) -> Form {
        let deals = Self.deals(of: c, in: data.state)
        return Form(say("forms.title.followUp", c.name), .schedule(c.id), fields: [
            date("due", say("forms.label.when"), required: true), pick("tactic", say("forms.label.how"), FollowUpTactic.self),
            note("note", say("forms.label.whatFor")),
            pick("deal", say("forms.label.aboutDeal"), deals, deals.first?.value), text("owner", say("forms.label.whoDoesIt"), actor),
        ], openedAt: data.state.recordCount)
    }

    /// Quick choices, or a date typed.
    public static func snooze(_ f: FollowUp, _ c: Customer, _ data: ScreenData) -> Form {
        let quick = [Choice(value: "hour", label: say("forms.choice.inAnHour"), keys: ["+1h"]),
                     Choice(value: "afternoon", label: say("forms.choice.thisAfternoon")),
                     Choice(value: "tomorrow", label: say("forms.choice.tomorrow")), Choice(value: "monday", label: say("forms.choice.nextMonday"))]
        return Form(say("forms.title.snooze", f.id, c.name), .snooze(f.id), fields: [
            pick("until", say("forms.label.until"), quick), date("date", say("forms.label.orADate")),
        ], openedAt: data.state.recordCount, subject: f.id.ref)
    }

    public static func mood(_ c: Customer, _ data: ScreenData) -> Form {
        Form(say("forms.title.mood", c.name), .mood(c.id),
             fields: [pick("mood", say("forms.label.mood"), Mood.self, required: true), note("note", say("forms.label.whatWasSeen"))],
             openedAt: data.state.recordCount)
    }

    public static func personality(_ c: Customer, _ data: ScreenData) -> Form {
        Form(say("forms.title.personality", c.name), .personality(c.id), fields: [
            pick("personality", say("forms.label.type"), PersonalityType.self, c.personality),
            pick("aidmas", say("forms.label.aidmasStage"), AIDMAS.self, c.aidmas),
        ], openedAt: data.state.recordCount, subject: c.id.ref)
    }

    // MARK: - After-sales and notes

    public static func openComplaint(_ c: Customer, _ data: ScreenData) -> Form {
        let deals = Self.deals(of: c, in: data.state)
        return Form(say("forms.title.complaint", c.name), .openComplaint(c.id), fields: [
            note("summary", say("forms.label.whatIsWrong"), required: true), pick("deal", say("forms.label.aboutDeal"), deals),
        ], openedAt: data.state.recordCount)
    }

    public static func resolveComplaint(_ k: Complaint, _ data: ScreenData) -> Form {
        Form(say("forms.title.resolve", k.id, Describe.preview(k.summary, characters: 40)), .resolveComplaint(k.id), fields: [
            note("resolution", say("forms.label.howResolved")),
        ], openedAt: data.state.recordCount, subject: k.id.ref)
    }

    public static func purchase(_ c: Customer, _ data: ScreenData) -> Form {
        Form(say("forms.title.purchase", c.name), .purchase(c.id), fields: [
            money("amount", say("forms.label.amount")), date("date", say("forms.label.date"), "today"), note("note", say("forms.label.what")),
        ], openedAt: data.state.recordCount)
    }

    public static func note(_ c: Customer, _ data: ScreenData) -> Form {
        Form(say("forms.title.note", c.name), .note(c.id), fields: [note("text", say("forms.label.note"), required: true)],
             openedAt: data.state.recordCount)
    }

    /// The form for `purpose` afresh, from the state as it is now (after a conflict).
    public static func reopen(_ purpose: FormPurpose, _ data: ScreenData, actor: String) -> Form? {
        let s = data.state
        switch purpose {
        case .editCustomer(let id): return s.liveCustomer(id).map { editCustomer($0, data) }
        case .editContact(let id): return s.liveContact(id).map { editContact($0, data) }
        case .editDeal(let id): return s.liveDeal(id).map { editDeal($0, data) }
        case .win(let id): return s.liveDeal(id).map { win($0, data) }
        case .lose(let id): return s.liveDeal(id).map { lose($0, data) }
        case .complete(let id), .snooze(let id):
            guard let f = s.liveFollowUp(id), f.isOpen, let c = s.liveCustomer(f.customer) else { return nil }
            return purpose == .complete(id) ? complete(f, c, data) : snooze(f, c, data)
        case .personality(let id): return s.liveCustomer(id).map { personality($0, data) }
        case .resolveComplaint(let id): return s.liveComplaint(id).map { resolveComplaint($0, data) }
        case .value(let id): return s.liveCustomer(id).map { value($0, data) }
        case .editProduct(let id): return s.product(id).map { editProduct($0, data) }
        case .complaintStep(let id): return s.liveComplaint(id).map { complaintStep($0, data) }
        case .confirmComplaint(let id): return s.liveComplaint(id).map { confirmComplaint($0, data) }
        case .completeDeal(let id): return s.liveDeal(id).map { completeDeal($0, data) }
        default: return nil
        }
    }

    // MARK: - Menus

    /// `e` on a customer: the customer, its value, a contact, a deal, an
    /// installed product, or a complaint (a step, its resolution, the confirmation).
    public static func editMenu(_ c: Customer, _ data: ScreenData) -> Form {
        let s = data.state
        var choices = [Choice(value: c.id.description, label: say("forms.menu.customer", c.id, c.name), keys: ["customer"]),
                       Choice(value: "value", label: say("forms.menu.value"))]
        choices += s.contacts(of: c).reversed().map { Choice(value: $0.id.description, label: say("forms.menu.contact", $0.id, $0.name), keys: [$0.name]) }
        choices += s.deals(of: c).filter { $0.isOpen || $0.followingThrough }.map {
            Choice(value: $0.id.description, label: say("forms.menu.deal", $0.id, $0.title), keys: [$0.title])
        }
        choices += s.products(of: c).filter(\.inService).map {
            Choice(value: $0.id.description, label: say("forms.menu.product", $0.id, $0.name), keys: [$0.name])
        }
        for k in s.complaints(of: c) {
            let what = "\(k.id) \(Describe.preview(k.summary, characters: 30))"
            if k.isOpen {
                choices.append(Choice(value: "step:\(k.id)", label: say("forms.menu.step", what), keys: ["step"]))   // catalogue: not text
                choices.append(Choice(value: k.id.description, label: say("forms.menu.resolve", what), keys: ["resolve"]))
            } else if k.awaitsConfirmation {
                choices.append(Choice(value: "confirm:\(k.id)", label: say("forms.menu.confirm", what), keys: ["confirm"]))   // catalogue: not text
            }
        }
        return Form(say("forms.title.editWhat"), .menu, fields: [pick("choice", say("forms.label.edit"), choices, c.id.description)],
                    openedAt: data.state.recordCount)
    }

    /// `a` on a customer: a contact, a deal, a follow-up, a complaint, a purchase, a note.
    public static func addMenu(_ c: Customer, _ data: ScreenData) -> Form {
        let choices = [("contact", say("forms.add.contact")), ("deal", say("forms.add.deal")), ("followup", say("forms.add.followup")),
                       ("complaint", say("forms.add.complaint")), ("purchase", say("forms.add.purchase")), ("note", say("forms.add.note")),
                       ("mood", say("forms.add.mood")), ("survey", say("forms.add.survey")), ("product", say("forms.add.product"))]
            .map { Choice(value: $0.0, label: $0.1) }
        return Form(say("forms.title.addTo", c.name), .menu, fields: [pick("choice", say("forms.label.add"), choices, "contact")],
                    openedAt: data.state.recordCount,
                    subject: c.id.ref)
    }
}
