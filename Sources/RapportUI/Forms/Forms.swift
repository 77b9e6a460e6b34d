// catalogue: not yet moved (issue 16)
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
        pick(key, label, [Choice(value: "yes", label: "yes 是"), Choice(value: "no", label: "no 否")], value.map { $0 ? "yes" : "no" })
    }

    /// A customer's contacts as choices.
    static func contacts(of c: Customer, in s: CRMState) -> [Choice] {
        s.contacts(of: c).reversed().map { p in
            Choice(value: p.id.description, label: "\(p.name)\(p.role.map { " · \($0.english)" } ?? "")\(p.isCoach ? " · coach" : "")",
                   keys: [p.name])
        }
    }

    /// A customer's open deals as choices, furthest stage first.
    static func deals(of c: Customer, in s: CRMState) -> [Choice] {
        s.deals(of: c).filter(\.isOpen).sorted { ($0.stage, $1.id) > ($1.stage, $0.id) }.map { d in
            Choice(value: d.id.description, label: "\(d.id) \(d.title) · \(d.stage.english)", keys: [d.title])
        }
    }

    // MARK: - Customers, contacts, deals

    public static func newCustomer(_ data: ScreenData, actor: String, name: String = "", phone: String = "") -> Form {
        Form("New customer", .newCustomer, fields: [
            text("name", "Name", name, required: true), pick("kind", "Kind", CustomerKind.self, .individual),
            text("phones", "Phone", phone), text("emails", "E-mail"), text("company", "Company"),
            pick("size", "Size", SizeClass.self), pick("valueType", "Value type", ValueType.self),
            pick("source", "Found by", ProspectingMethod.self), text("owner", "Owner", actor),
        ], openedAt: data.state.recordCount, focus: name.isEmpty ? "name" : "phones")
    }

    public static func editCustomer(_ c: Customer, _ data: ScreenData) -> Form {
        return Form("Edit \(c.id) \(c.name)", .editCustomer(c.id), fields: [
            text("name", "Name", c.name, required: true), pick("kind", "Kind", CustomerKind.self, c.kind),
            text("phones", "Phones", c.phones.joined(separator: ", ")), text("emails", "E-mails", c.emails.joined(separator: ", ")),
            text("company", "Company", c.company), text("address", "Address", c.address),
            pick("size", "Size", SizeClass.self, c.size), pick("valueType", "Value type", ValueType.self, c.valueType),
            pick("relationship", "Relationship", RelationshipLevel.self, c.relationship),
            pick("source", "Found by", ProspectingMethod.self, c.source),
            yesNo("need", "Has a need", c.hasNeed), yesNo("canPay", "Can pay", c.canPay),
            yesNo("authority", "Has authority", c.hasAuthority),
            pick("experience", "Buyer", BuyerExperience.self, c.experience), pick("channel", "Channel", Channel.self, c.channel),
            toggle("doNotContact", "Do not contact", c.doNotContact), toggle("doNotShare", "Do not share", c.doNotShare),
            text("owner", "Owner", c.owner), text("tags", "Tags", c.tags.joined(separator: ", ")),
            pick("personality", "Personality", PersonalityType.self, c.personality), pick("aidmas", "AIDMAS", AIDMAS.self, c.aidmas),
        ], openedAt: data.state.recordCount, subject: c.id.ref)
    }

    public static func newContact(_ c: Customer, _ data: ScreenData) -> Form {
        Form("New contact at \(c.name)", .newContact(c.id), fields: [
            text("name", "Name", required: true), pick("role", "Buying role", BuyingRole.self), text("title", "Job title"),
            text("phone", "Phone"), text("email", "E-mail"), toggle("coach", "Our coach", false),
            checklist("coachCriteria", "Coach criteria", CoachCriterion.self, []),
        ], openedAt: data.state.recordCount)
    }

    public static func editContact(_ p: Contact, _ data: ScreenData) -> Form {
        Form("Edit \(p.id) \(p.name)", .editContact(p.id), fields: [
            text("name", "Name", p.name, required: true), pick("role", "Buying role", BuyingRole.self, p.role),
            text("title", "Job title", p.title), text("phone", "Phone", p.phone), text("email", "E-mail", p.email),
            toggle("coach", "Our coach", p.isCoach), checklist("coachCriteria", "Coach criteria", CoachCriterion.self, p.coachCriteria),
        ], openedAt: data.state.recordCount, subject: p.id.ref, focus: "role")
    }

    public static func newDeal(_ c: Customer, _ data: ScreenData, actor: String) -> Form {
        Form("New deal for \(c.name)", .newDeal(c.id), fields: [
            text("title", "What is sold", required: true), money("value", "Value"),
            pick("stage", "Stage", Stage.self, .prospecting), date("close", "Expected close"),
            text("probability", "Chance %"), text("owner", "Owner", actor),
        ], openedAt: data.state.recordCount)
    }

    public static func editDeal(_ d: Deal, _ data: ScreenData) -> Form {
        Form("Edit \(d.id) \(d.title)", .editDeal(d.id), fields: [
            text("title", "What is sold", d.title, required: true), money("value", "Value", d.value),
            date("close", "Expected close", d.expectedClose?.description), text("probability", "Chance %", d.probabilityOverride.map(String.init)),
            text("owner", "Owner", d.owner),
        ] + stageContent(d, data.now), openedAt: data.state.recordCount, subject: d.id.ref)
    }

    public static func win(_ d: Deal, _ data: ScreenData) -> Form {
        Form("Won: \(d.id) \(d.title)", .win(d.id), fields: [
            money("amount", "Amount bought", d.value), date("date", "Bought on", "today"), note("reason", "Why it was won"),
            date(FollowThroughCheck.delivery.rawValue, "Delivery check", "+3d", hour: 10),
            date(FollowThroughCheck.installation.rawValue, "Install check", "+7d", hour: 10),
            date(FollowThroughCheck.inUse.rawValue, "In-use check", "+30d", hour: 10),
        ], openedAt: data.state.recordCount, subject: d.id.ref)
    }

    public static func lose(_ d: Deal, _ data: ScreenData) -> Form {
        Form("Lost: \(d.id) \(d.title)", .lose(d.id), fields: [
            pick("why", "Reason", LossReason.self), note("reason", "In words"),
        ], openedAt: data.state.recordCount, subject: d.id.ref)
    }

    // MARK: - Calls and follow-ups

    /// The call form: what the agent fills while talking first (outcome,
    /// mood, objection, note), the next step, then the details already filled.
    public static func logCall(_ c: Customer, _ data: ScreenData, inbound: Bool) -> Form {
        let contacts = Self.contacts(of: c, in: data.state), deals = Self.deals(of: c, in: data.state)
        return Form("Call with \(c.name)", .logCall(c.id), fields: interactionFields() + nextStepFields() + consequenceFields() + [
            pick("direction", "Direction", Direction.self, inbound ? .inbound : .outbound),
            pick("kind", "Kind", InteractionKind.self, .call), date("at", "When", "now", hour: 12),
            pick("contact", "Spoke with", contacts, contacts.first?.value), pick("deal", "About deal", deals, deals.first?.value),
        ], openedAt: data.state.recordCount)
    }

    static func interactionFields() -> [Field] {
        [pick("outcome", "Outcome", ContactOutcome.self), pick("mood", "Mood", Mood.self),
         pick("objection", "Objection", ObjectionType.self), pick("technique", "Technique", ObjectionTechnique.self),
         note("note", "Note")]
    }

    /// What an outcome brings with it: an order's amount; whether the customer is satisfied (a sweep asks).
    static func consequenceFields() -> [Field] {
        [money("amount", "Order amount"), yesNo("satisfied", "Satisfied", nil)]
    }

    static func nextStepFields() -> [Field] {
        [date("next", "Next step when"), pick("nextTactic", "Next step how", FollowUpTactic.self), note("nextNote", "Next step note")]
    }

    public static func complete(_ f: FollowUp, _ c: Customer, _ data: ScreenData) -> Form {
        Form("Done: \(f.id) \(c.name)\(f.note.map { " · " + Describe.preview($0, characters: 40) } ?? "")", .complete(f.id),
             fields: interactionFields() + nextStepFields() + consequenceFields(), openedAt: data.state.recordCount, subject: f.id.ref)
    }

    public static func schedule(_ c: Customer, _ data: ScreenData, actor: String) -> Form {
        let deals = Self.deals(of: c, in: data.state)
        return Form("Follow-up with \(c.name)", .schedule(c.id), fields: [
            date("due", "When", required: true), pick("tactic", "How", FollowUpTactic.self), note("note", "What for"),
            pick("deal", "About deal", deals, deals.first?.value), text("owner", "Who does it", actor),
        ], openedAt: data.state.recordCount)
    }

    /// Quick choices, or a date typed.
    public static func snooze(_ f: FollowUp, _ c: Customer, _ data: ScreenData) -> Form {
        let quick = [Choice(value: "hour", label: "in an hour", keys: ["+1h"]), Choice(value: "afternoon", label: "this afternoon, 14:00"),
                     Choice(value: "tomorrow", label: "tomorrow 9:00"), Choice(value: "monday", label: "next Monday 9:00")]
        return Form("Snooze \(f.id) \(c.name)", .snooze(f.id), fields: [
            pick("until", "Until", quick), date("date", "Or a date"),
        ], openedAt: data.state.recordCount, subject: f.id.ref)
    }

    public static func mood(_ c: Customer, _ data: ScreenData) -> Form {
        Form("Mood of \(c.name)", .mood(c.id), fields: [pick("mood", "Mood", Mood.self, required: true), note("note", "What was seen")],
             openedAt: data.state.recordCount)
    }

    public static func personality(_ c: Customer, _ data: ScreenData) -> Form {
        Form("Personality of \(c.name)", .personality(c.id), fields: [
            pick("personality", "Type", PersonalityType.self, c.personality), pick("aidmas", "AIDMAS stage", AIDMAS.self, c.aidmas),
        ], openedAt: data.state.recordCount, subject: c.id.ref)
    }

    // MARK: - After-sales and notes

    public static func openComplaint(_ c: Customer, _ data: ScreenData) -> Form {
        let deals = Self.deals(of: c, in: data.state)
        return Form("Complaint from \(c.name)", .openComplaint(c.id), fields: [
            note("summary", "What is wrong", required: true), pick("deal", "About deal", deals),
        ], openedAt: data.state.recordCount)
    }

    public static func resolveComplaint(_ k: Complaint, _ data: ScreenData) -> Form {
        Form("Resolve \(k.id) \(Describe.preview(k.summary, characters: 40))", .resolveComplaint(k.id), fields: [
            note("resolution", "How it was resolved"),
        ], openedAt: data.state.recordCount, subject: k.id.ref)
    }

    public static func purchase(_ c: Customer, _ data: ScreenData) -> Form {
        Form("Purchase by \(c.name)", .purchase(c.id), fields: [
            money("amount", "Amount"), date("date", "Date", "today"), note("note", "What"),
        ], openedAt: data.state.recordCount)
    }

    public static func note(_ c: Customer, _ data: ScreenData) -> Form {
        Form("Note on \(c.name)", .note(c.id), fields: [note("text", "Note", required: true)], openedAt: data.state.recordCount)
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
        var choices = [Choice(value: c.id.description, label: "the customer \(c.id) \(c.name)", keys: ["customer"]),
                       Choice(value: "value", label: "value and interaction (contribution, five questions, lock-in, strategy)")]
        choices += s.contacts(of: c).reversed().map { Choice(value: $0.id.description, label: "contact \($0.id) \($0.name)", keys: [$0.name]) }
        choices += s.deals(of: c).filter { $0.isOpen || $0.followingThrough }.map {
            Choice(value: $0.id.description, label: "deal \($0.id) \($0.title)", keys: [$0.title])
        }
        choices += s.products(of: c).filter(\.inService).map { Choice(value: $0.id.description, label: "product \($0.id) \($0.name)", keys: [$0.name]) }
        for k in s.complaints(of: c) {
            let what = "\(k.id) \(Describe.preview(k.summary, characters: 30))"
            if k.isOpen {
                choices.append(Choice(value: "step:\(k.id)", label: "a step toward complaint \(what)", keys: ["step"]))
                choices.append(Choice(value: k.id.description, label: "resolve complaint \(what)", keys: ["resolve"]))
            } else if k.awaitsConfirmation {
                choices.append(Choice(value: "confirm:\(k.id)", label: "confirm the customer is satisfied: \(what)", keys: ["confirm"]))
            }
        }
        return Form("Edit what?", .menu, fields: [pick("choice", "Edit", choices, c.id.description)], openedAt: data.state.recordCount)
    }

    /// `a` on a customer: a contact, a deal, a follow-up, a complaint, a purchase, a note.
    public static func addMenu(_ c: Customer, _ data: ScreenData) -> Form {
        let choices = [("contact", "a contact person"), ("deal", "a deal"), ("followup", "a follow-up"), ("complaint", "a complaint"),
                       ("purchase", "a purchase"), ("note", "a note"), ("mood", "a mood note"), ("survey", "a satisfaction survey"),
                       ("product", "an installed product")]
            .map { Choice(value: $0.0, label: $0.1) }
        return Form("Add to \(c.name)", .menu, fields: [pick("choice", "Add", choices, "contact")], openedAt: data.state.recordCount,
                    subject: c.id.ref)
    }
}
