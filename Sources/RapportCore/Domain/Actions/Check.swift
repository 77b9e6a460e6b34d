import Foundation

/// The checks actions make before they write.
enum Check {
    /// A required one-line text (a name, a title), trimmed.
    static func text(_ s: String, _ what: String) throws(InputError) -> String {
        guard let t = trimmed(s) else { throw InputError(say("actions.check.empty", fieldWord(what)), field: what) }
        if let problem = TerminalText.problemAsLine(t) { throw InputError(say("actions.check.problem", fieldWord(what), problem), field: what) }
        return t
    }

    /// An optional note (newlines and tabs allowed), trimmed; nil when empty.
    static func note(_ s: String?, _ what: String) throws(InputError) -> String? {
        guard let s, let t = trimmed(s) else { return nil }
        if let problem = TerminalText.problemAsNote(t) { throw InputError(say("actions.check.problem", fieldWord(what), problem), field: what) }
        return t
    }

    /// A required note (a note's text, a complaint's summary), trimmed.
    static func requiredNote(_ s: String, _ what: String) throws(InputError) -> String {
        guard let t = try note(s, what) else { throw InputError(say("actions.check.empty", fieldWord(what)), field: what) }
        return t
    }

    /// A field's name in a message: as it is typed in English (`name`), in
    /// words in Chinese (名称).
    static func fieldWord(_ field: String) -> String {
        Language.reading == .en ? field : Catalogue.of(Language.reading).texts["actions.field." + field.replacing(" ", with: "")] ?? field
    }

    static func trimmed(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    static func customer(_ id: CustomerID, in state: CRMState) throws(InputError) -> Customer {
        if let c = state.customer(id), let kept = c.mergedInto {
            throw InputError(say("actions.check.merged", id, c.name, kept), field: "customer")
        }
        guard let c = state.liveCustomer(id) else { throw InputError(say("actions.check.noCustomer", id), field: "customer") }
        return c
    }

    static func openDeal(_ id: DealID, in state: CRMState, toChange: Bool) throws(InputError) -> Deal {
        guard let d = state.liveDeal(id) else { throw InputError(say("actions.check.noDeal", id)) }
        if toChange, let outcome = d.outcome {
            throw InputError(say("actions.check.dealClosed", id, d.title, outcome.codeWord), hint: .undo)
        }
        return d
    }

    static func openFollowUp(_ id: FollowUpID, in state: CRMState) throws(InputError) -> FollowUp {
        guard let f = state.liveFollowUp(id) else { throw InputError(say("actions.check.noFollowUp", id)) }
        guard f.status == .open else { throw InputError(say("actions.check.followUpAlready", id, f.status.codeWord)) }
        return f
    }

    static func dealBelongs(_ deal: DealID, to customer: CustomerID, in state: CRMState) throws(InputError) {
        guard let d = state.liveDeal(deal) else { throw InputError(say("actions.check.noDeal", deal)) }
        guard d.customer == customer else { throw InputError(say("actions.check.dealOfAnother", deal, d.customer, customer)) }
    }

    /// Sets fields from input; every text in them must be one printable line.
    static func set<F: EntityField>(_ fields: [F: JSON], on entity: inout F.Entity) throws(InputError) {
        for field in F.allCases {
            guard let value = fields[field] else { continue }
            for text in value.texts {
                if let problem = TerminalText.problemAsLine(text) { throw InputError(say("actions.check.problem", fieldWord(field.rawValue), problem), field: field.rawValue) }
            }
            try field.set(value, on: &entity)
        }
    }

    /// Checks phones and e-mails, tidies tags.
    static func normalized(_ c: Customer) throws(InputError) -> Customer {
        var c = c
        c.phones = try c.phones.map { p throws(InputError) in try phone(p, field: "phones") }
        c.emails = try c.emails.map { e throws(InputError) in try email(e, field: "emails") }
        c.tags = Array(Set(c.tags.compactMap(trimmed))).sorted()
        return c
    }

    /// Checks the phone and e-mail.
    static func normalized(_ p: Contact) throws(InputError) -> Contact {
        var p = p
        p.phone = try p.phone.map { s throws(InputError) in try phone(s, field: "phone") }
        p.email = try p.email.map { s throws(InputError) in try email(s, field: "email") }
        return p
    }

    static func phone(_ s: String, field: String) throws(InputError) -> String {
        let t = s.trimmingSpaces
        let digits = t.filter(\.isASCIIDigit).count
        guard digits >= 3, t.allSatisfy({ $0.isASCIIDigit || " +-().".contains($0) }) else {
            throw InputError(say("actions.check.phone", s), field: field)
        }
        return t
    }

    static func email(_ s: String, field: String) throws(InputError) -> String {
        let t = s.trimmingSpaces
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !t.contains(" ") else {
            throw InputError(say("actions.check.email", s), field: field)
        }
        return t
    }

    static func deal(_ d: Deal) throws(InputError) {
        if let v = d.value, v.cents < 0 { throw InputError(say("actions.check.negativeValue", v.plainAmount), field: "value") }
    }

    /// The field changes from one version of an entity to another.
    static func changes<F: EntityField>(_: F.Type, from old: F.Entity, to new: F.Entity) -> [FieldChange<F>] {
        F.allCases.compactMap { f in
            let a = f.value(of: old), b = f.value(of: new)
            return a == b ? nil : FieldChange(f, from: a, to: b)
        }
    }

    static func interaction(_ draft: InteractionDraft, id: InteractionID, in state: CRMState, time: LocalTime)
        throws(InputError) -> (Interaction, Customer) {
        let c = try customer(draft.customer, in: state)
        if let d = draft.deal { try dealBelongs(d, to: draft.customer, in: state) }
        if let p = draft.contact {
            guard let contact = state.liveContact(p) else { throw InputError(say("actions.check.noContact", p)) }
            guard contact.customer == draft.customer else { throw InputError(say("actions.check.contactOfAnother", p, contact.customer, draft.customer)) }
        }
        if let d = draft.durationSeconds, d < 0 { throw InputError(say("actions.check.negativeDuration"), field: "duration") }
        if let at = draft.at, at > time.now.adding(seconds: 300) {
            throw InputError(say("actions.check.future", time.format(at)), field: "at")
        }
        if draft.technique != nil, draft.objection == nil {
            throw InputError(say("actions.check.techniqueWithoutObjection"), field: "objection")
        }
        var x = Interaction(id: id, customer: draft.customer, at: draft.at ?? time.now)
        x.kind = draft.kind
        x.direction = draft.direction
        x.durationSeconds = draft.durationSeconds
        x.outcome = draft.outcome
        x.objection = draft.objection
        x.technique = draft.technique
        x.mood = draft.mood
        x.note = try note(draft.note, "note")
        x.deal = draft.deal
        x.contact = draft.contact
        x.satisfied = draft.satisfied
        return (x, c)
    }

    static func followUp(_ draft: FollowUpDraft, id: FollowUpID, in state: CRMState) throws(InputError) -> FollowUp {
        let c = try customer(draft.customer, in: state)
        if c.doNotContact {
            throw InputError(say("actions.check.doNotContact", c.id, c.name), hint: .clearDoNotContact(c.id))
        }
        if let d = draft.deal {
            try dealBelongs(d, to: draft.customer, in: state)
            _ = try openDeal(d, in: state, toChange: false)
        }
        var f = FollowUp(id: id, customer: draft.customer, due: draft.due)
        f.tactic = draft.tactic
        f.note = try note(draft.note, "note")
        f.deal = draft.deal
        f.owner = try draft.owner.map { s throws(InputError) in try text(s, "owner") }
        f.product = draft.product
        f.sweep = draft.sweep
        return f
    }
}

extension Action {
    /// The kind of contact a tactic usually means.
    public static func interactionKind(of tactic: FollowUpTactic) -> InteractionKind {
        switch tactic {
        case .phone, .coach: .call
        case .proposal: .email
        case .tradeShow, .trial, .thirdParty: .meeting
        case .referenceVisit, .companyVisit, .executiveVisit: .visit
        }
    }
}
