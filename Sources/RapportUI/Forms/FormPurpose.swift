import RapportCore

/// What a form does when saved.
public enum FormPurpose: Equatable, Sendable {
    case newCustomer
    case editCustomer(CustomerID)
    case newContact(CustomerID)
    case editContact(ContactID)
    case newDeal(CustomerID)
    case editDeal(DealID)
    case win(DealID)
    case lose(DealID)
    case logCall(CustomerID)
    case complete(FollowUpID)
    case schedule(CustomerID)
    case snooze(FollowUpID)
    case mood(CustomerID)
    case personality(CustomerID)
    case openComplaint(CustomerID)
    case resolveComplaint(ComplaintID)
    case purchase(CustomerID)
    case note(CustomerID)
    case value(CustomerID)
    case survey(CustomerID)
    case installProduct(CustomerID)
    case editProduct(ProductID)
    case complaintStep(ComplaintID)
    case confirmComplaint(ComplaintID)
    case completeDeal(DealID)
    /// A list of forms to open (the `e` and `a` menus); saving opens the one chosen.
    case menu
}

extension Form {
    /// The action the form's values make, or the reason they make none,
    /// naming the field.
    public func action(in data: ScreenData) throws(InputError) -> Action {
        let v = Values(form: self, time: data.now)
        switch purpose {
        case .newCustomer:
            return .addCustomer(name: v.text("name"), fields: try v.customerFields(self))
        case .editCustomer(let id):
            return .editCustomer(id, fields: try v.customerFields(self, onlyChanged: true))
        case .newContact(let c):
            return .addContact(c, name: v.text("name"), fields: v.contactFields(self))
        case .editContact(let p):
            return .editContact(p, fields: v.contactFields(self, onlyChanged: true))
        case .newDeal(let c):
            return .addDeal(c, title: v.text("title"), stage: try v.term("stage") ?? .prospecting, fields: try v.dealFields(self))
        case .editDeal(let d):
            return .editDeal(d, fields: try v.dealFields(self, onlyChanged: true))
        case .win(let d):
            var win = WinDraft()
            win.amount = try v.money("amount")
            win.recordsPurchase = win.amount != nil
            win.date = try v.day("date")
            win.reason = v.optional("reason")
            for check in FollowThroughCheck.allCases {
                if let due = try v.moment(check.rawValue) { win.checks[check] = due }
            }
            return .winDeal(d, win)
        case .lose(let d):
            let why: LossReason? = try v.term("why")
            let reason = [why?.english, v.optional("reason")].compactMap { $0 }.joined(separator: ": ")
            return .closeDeal(d, .lost, reason: reason.isEmpty ? nil : reason)
        case .logCall(let c):
            var d = InteractionDraft(customer: c)
            try v.fill(&d)
            return .logInteraction(d, next: try v.nextStep(for: c, deal: d.deal))
        case .complete(let f):
            guard let followUp = data.state.followUp(f) else { throw InputError(say("forms.error.noFollowUp", f)) }
            var d = InteractionDraft(customer: followUp.customer)
            d.kind = followUp.tactic.map(Action.interactionKind) ?? .call
            d.deal = followUp.deal
            try v.fill(&d)
            return .completeFollowUp(f, report: d, next: try v.nextStep(for: followUp.customer, deal: followUp.deal))
        case .schedule(let c):
            guard let due = try v.moment("due") else { throw InputError(say("forms.error.sayWhenDue"), field: "due") }
            var f = FollowUpDraft(customer: c, due: due)
            f.tactic = try v.term("tactic")
            f.note = v.optional("note")
            f.deal = v.id("deal")
            f.owner = v.optional("owner")
            return .scheduleFollowUp(f)
        case .snooze(let f):
            return .snoozeFollowUp(f, until: try v.snoozeUntil())
        case .mood(let c):
            guard let mood: Mood = try v.term("mood") else { throw InputError(say("forms.error.chooseMood"), field: "mood") }
            return .noteMood(c, mood, note: v.optional("note"), at: nil)
        case .personality(let c):
            var fields = [CustomerField: JSON]()
            fields[.personality] = .text(v.optional("personality"))
            fields[.aidmas] = .text(v.optional("aidmas"))
            return .editCustomer(c, fields: fields)
        case .openComplaint(let c):
            return .openComplaint(c, summary: v.text("summary"), deal: v.id("deal"))
        case .resolveComplaint(let k):
            return .resolveComplaint(k, resolution: v.optional("resolution"))
        case .purchase(let c):
            guard let amount = try v.money("amount") else { throw InputError(say("forms.error.amountEmpty"), field: "amount") }
            return .recordPurchase(c, amount: amount, date: try v.day("date"), note: v.optional("note"))
        case .note(let c):
            return .addNote(c, text: v.text("text"))
        case .value(let c):
            return .editCustomer(c, fields: try v.customerFields(self, onlyChanged: true))
        case .survey(let c):
            var ratings: [UInt8] = []
            for n in SurveyStatement.all.indices {
                guard let r = UInt8(v.text("rating\(n + 1)")) else { throw InputError(say("forms.error.rateStatement", n + 1), field: "rating\(n + 1)") }
                ratings.append(r)
            }
            return .recordSurvey(c, ratings: ratings, date: try v.day("date"), note: v.optional("note"))
        case .installProduct(let c):
            return .installProduct(c, name: v.text("name"), fields: try v.productFields(self))
        case .editProduct(let a):
            return .editProduct(a, fields: try v.productFields(self, onlyChanged: true))
        case .complaintStep(let k):
            return .addComplaintStep(k, text: v.text("step"))
        case .confirmComplaint(let k):
            guard !v.text("satisfied").isEmpty else { throw InputError(say("forms.error.saySatisfied"), field: "satisfied") }
            return .confirmComplaint(k, satisfied: v.text("satisfied") == "yes")
        case .completeDeal(let d):
            return .completeDeal(d, note: v.optional("note"))
        case .menu:
            throw InputError(say("forms.error.chooseWhat"), field: "choice")
        }
    }
}

/// A form's values read as the core wants them; each parse failure names its field.
struct Values {
    let form: Form
    let time: LocalTime

    func text(_ key: String) -> String { form.text(key) }
    func optional(_ key: String) -> String? { text(key).isEmpty ? nil : text(key) }

    func id<E>(_ key: String) -> ID<E>? { ID<E>(text(key)) }

    func term<T: Term>(_ key: String) throws(InputError) -> T? {
        let t = text(key)
        guard !t.isEmpty else { return nil }
        guard let term = T(rawValue: t) else { throw InputError(say("forms.error.unknownTerm", T.nounWord, t), field: key) }
        return term
    }

    /// A moment typed the way the command line takes it; a bare day means the field's hour.
    func moment(_ key: String) throws(InputError) -> Timestamp? {
        guard let field = form.field(key), case .date(_, let hour) = field.kind, !field.text.isEmpty else { return nil }
        do {
            return try When.parse(field.text, at: time).moment(time, hour: hour)
        } catch {
            throw InputError(error.description, field: key)
        }
    }

    func day(_ key: String) throws(InputError) -> Day? {
        try moment(key).map { time.day(of: $0) }
    }

    func money(_ key: String) throws(InputError) -> Money? {
        let t = text(key)
        guard !t.isEmpty else { return nil }
        switch Money.parse(t) {
        case .success(let m):
            guard m.cents >= 0 else { throw InputError(say("forms.error.negativeAmount"), field: key) }
            return m
        case .failure(.tooLarge): throw InputError(say("forms.error.tooLarge", Format.grouped(Money.maximumUnits)), field: key)
        case .failure(.notAnAmount): throw InputError(say("forms.error.notAnAmount"), field: key)
        }
    }

    /// The customer fields of the form (only those changed, for an edit).
    func customerFields(_ form: Form, onlyChanged: Bool = false) throws(InputError) -> [CustomerField: JSON] {
        var out = [CustomerField: JSON]()
        for field in form.fields where !onlyChanged || field.isChanged {
            guard let f = CustomerField(rawValue: field.key) else { continue }
            switch f {
            case .phones, .emails, .tags:
                out[f] = .strings(field.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            case .need, .canPay, .authority, .recommends:
                out[f] = field.text.isEmpty ? .null : .bool(field.text == "yes")
            case .contributions, .lockIns, .shiftSigns:
                out[f] = .strings(field.text.split(separator: ",").map(String.init))
            case .walletShare:
                guard !field.text.isEmpty else { out[f] = .null; continue }
                guard let n = Int(field.text.trimmingCharacters(in: ["%"])), (0...100).contains(n) else {
                    throw InputError(say("forms.error.percentage"), field: "walletShare")
                }
                out[f] = .int(Int64(n))
            case .doNotContact, .doNotShare:
                out[f] = .bool(field.text == "yes")
            default:
                out[f] = field.text.isEmpty ? .null : .string(field.text)
            }
        }
        return out
    }

    func contactFields(_ form: Form, onlyChanged: Bool = false) -> [ContactField: JSON] {
        var out = [ContactField: JSON]()
        for field in form.fields where !onlyChanged || field.isChanged {
            guard let f = ContactField(rawValue: field.key), f != .name || onlyChanged else { continue }
            switch f {
            case .coach: out[f] = .bool(field.text == "yes")
            case .coachCriteria: out[f] = .strings(field.text.split(separator: ",").map(String.init))
            default: out[f] = field.text.isEmpty ? .null : .string(field.text)
            }
        }
        return out
    }

    func dealFields(_ form: Form, onlyChanged: Bool = false) throws(InputError) -> [DealField: JSON] {
        var out = [DealField: JSON]()
        for field in form.fields where !onlyChanged || field.isChanged {
            guard let f = DealField(rawValue: field.key), f != .title || onlyChanged else { continue }
            switch f {
            case .value: out[f] = try money("value").map { .string($0.description) } ?? .null
            case .probability:
                let t = field.text
                guard !t.isEmpty else { out[f] = .null; continue }
                guard let p = Int(t), (0...100).contains(p) else { throw InputError(say("forms.error.chance"), field: "probability") }
                out[f] = .int(Int64(p))
            case .close: out[f] = try day("close").map { .string($0.description) } ?? .null
            case .appointmentAt: out[f] = try moment("appointmentAt").map { .string($0.description) } ?? .null
            default: out[f] = field.text.isEmpty ? .null : .string(field.text)
            }
        }
        return out
    }

    func productFields(_ form: Form, onlyChanged: Bool = false) throws(InputError) -> [ProductField: JSON] {
        var out = [ProductField: JSON]()
        for field in form.fields where !onlyChanged || field.isChanged {
            guard let f = ProductField(rawValue: field.key), f != .name || onlyChanged else { continue }
            switch f {
            case .installedOn, .removedOn: out[f] = try day(field.key).map { .string($0.description) } ?? .null
            default: out[f] = field.text.isEmpty ? .null : .string(field.text)
            }
        }
        return out
    }

    /// The interaction fields of a call form.
    func fill(_ d: inout InteractionDraft) throws(InputError) {
        if let kind: InteractionKind = try term("kind") { d.kind = kind }
        if let direction: Direction = try term("direction") { d.direction = direction }
        d.at = try moment("at")
        d.outcome = try term("outcome")
        d.objection = try term("objection")
        d.technique = try term("technique")
        d.mood = try term("mood")
        d.note = optional("note")
        d.orderAmount = try money("amount")
        d.satisfied = text("satisfied").isEmpty ? nil : text("satisfied") == "yes"
        if let deal: DealID = id("deal") { d.deal = deal }
        d.contact = id("contact")
    }

    /// The next step of a call form, when a time is given.
    func nextStep(for c: CustomerID, deal: DealID?) throws(InputError) -> FollowUpDraft? {
        guard let due = try moment("next") else {
            if optional("nextNote") != nil || !text("nextTactic").isEmpty {
                throw InputError(say("forms.error.sayWhenNext"), field: "next")
            }
            return nil
        }
        var f = FollowUpDraft(customer: c, due: due)
        f.tactic = try term("nextTactic")
        f.note = optional("nextNote")
        f.deal = deal
        return f
    }

    /// The snooze form: a quick choice, or a date typed.
    func snoozeUntil() throws(InputError) -> Timestamp {
        if let typed = try moment("date") { return typed }
        let now = time.now, today = time.today
        switch text("until") {
        case "hour": return now.adding(seconds: 3600)
        case "afternoon":
            let afternoon = time.moment(today, hour: 14)
            return afternoon > now ? afternoon : time.moment(Day(number: today.number + 1), hour: 14)
        case "tomorrow": return time.moment(Day(number: today.number + 1), hour: 9)
        case "monday":
            let weekday = Int((Int64(today.number) + 4).floorDivided(by: 7).1)   // 1970-01-01 was a Thursday
            let ahead = (8 - weekday) % 7
            return time.moment(Day(number: today.number + Int32(ahead == 0 ? 7 : ahead)), hour: 9)
        default: throw InputError(say("forms.error.chooseWhen"), field: "until")
        }
    }
}

extension Int64 {
    /// Floor division with a non-negative remainder.
    fileprivate func floorDivided(by d: Int64) -> (Int64, Int64) {
        let q = self / d, r = self % d
        return r < 0 ? (q - 1, r + d) : (q, r)
    }
}
