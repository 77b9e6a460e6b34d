// catalogue: not yet moved (issue 16)
import ArgumentParser
import RapportCore
import RapportExchange

extension ParsableCommand {
    /// Opens the workspace, builds an action from the arguments, performs it
    /// and prints the outcome: the new id alone when something was created,
    /// else the summary; a JSON object with `--json`.
    func performing(_ globals: GlobalOptions, json: Bool, _ build: (Session, Workspace) throws -> Action) throws {
        try reportingFailures {
            let session = try Session(globals)
            let w = try session.openWorkspace()
            let action = try build(session, w)
            let o = try w.perform(action)
            Output.emit(json: json, JSONView.outcome(o)) { o.created?.description ?? o.summary }
            for warning in o.warnings { Failure.printLine("rapport: warning: \(warning)") }
        }
    }
}

/// Reading ids, times and terms from arguments, with messages that say what is accepted.
enum Parse {
    static func id<E>(_ text: String, _: E.Type) throws -> ID<E> {
        guard let id = ID<E>(text) else {
            throw Failure.usage("\"\(text)\" is not a \(E.kind.noun) id; expected one like \(E.kind.rawValue)12")
        }
        return id
    }

    static func optionalID<E>(_ text: String?, _ type: E.Type) throws -> ID<E>? {
        try text.map { try id($0, type) }
    }

    static func when(_ text: String, _ w: Workspace) throws -> When {
        try Failure.input { () throws(InputError) in try When.parse(text, at: w.time) }
    }

    /// A day: a moment given means its day.
    static func day(_ text: String, _ w: Workspace) throws -> Day {
        w.time.day(of: try when(text, w).moment(w.time, hour: 12))
    }

    /// A due time: a bare day means 9:00 that day.
    static func due(_ text: String, _ w: Workspace) throws -> Timestamp {
        try when(text, w).moment(w.time, hour: 9)
    }

    static func term<T: Term>(_ text: String?, _: T.Type) throws -> T? {
        guard let text else { return nil }
        return try Failure.input { () throws(InputError) in try T.parsing(text) }
    }

    static func money(_ text: String, currency: String?) throws -> Money {
        let code = try currency.map { c -> String in
            guard let code = Money.currencyCode(c) else { throw Failure.usage("--currency: expected a three-letter code like CNY or EUR") }
            return code
        } ?? Money.defaultCurrency
        let m: Money
        switch Money.parse(text, currency: code) {
        case .success(let parsed): m = parsed
        case .failure(.tooLarge):
            throw Failure.usage("\"\(text)\" is too large; amounts go up to \(Format.grouped(Money.maximumUnits)).99")
        case .failure(.notAnAmount):
            throw Failure.usage("\"\(text)\" is not an amount; use digits with up to two decimals, e.g. 12000 or 12,000.50")
        }
        guard m.cents >= 0 else { throw Failure.usage("the amount must not be negative (got \(text))") }
        return m
    }
}

/// The options that describe an interaction, shared by `call log` and `followup done`.
struct InteractionOptions: ParsableArguments {
    @Option(help: "reached, no-answer, voicemail, call-back, complaint or order.") var outcome: String?
    @Option(help: "in or out (default out).") var direction: String?
    @Option(help: "call, visit, meeting, email or message (default call).") var kind: String?
    @Option(help: "When it happened (default now), e.g. \"today 10:30\".") var at: String?
    @Option(help: "How long: 300, 90s, 5m, 1h30m.") var duration: String?
    @Option(help: "Objection raised: excuse, misunderstanding, prejudice, price, need, source or timing.") var objection: String?
    @Option(help: "Technique used: acknowledge-convert, postpone, agree-offset, accept, deny or ignore.") var technique: String?
    @Option(help: "Mood observed: rising, falling, calm or complacent.") var mood: String?
    @Option(help: "A free note.") var note: String?
    @Option(help: "The deal it was about (an id like d3).") var deal: String?
    @Option(help: "The contact person spoken to (an id like p4).") var contact: String?
    @Option(help: "Schedule the next step, e.g. \"tomorrow 10:00\" or +3d.") var next: String?
    @Option(name: .customLong("next-tactic"), help: "Tactic of the next step: phone, proposal, trial, …") var nextTactic: String?
    @Option(name: .customLong("next-note"), help: "Note for the next step.") var nextNote: String?
    @Option(help: "The order's amount, with --outcome order: it is recorded as a purchase.") var amount: String?
    @Option(help: "A three-letter currency code for --amount (default CNY).") var currency: String?
    @Option(help: "With --outcome complaint: what it is about (default: the note); a complaint is opened.") var complaint: String?
    @Option(help: "The customer says they are satisfied: yes or no (a sweep calls again until yes).") var satisfied: String?

    func draft(for customer: CustomerID, _ w: Workspace) throws -> InteractionDraft {
        var d = InteractionDraft(customer: customer)
        d.outcome = try Parse.term(outcome, ContactOutcome.self)
        d.direction = try Parse.term(direction, Direction.self) ?? .outbound
        d.kind = try Parse.term(kind, InteractionKind.self) ?? .call
        d.at = try at.map { try Parse.when($0, w).moment(w.time, hour: 12) }
        d.durationSeconds = try duration.map { s in try Failure.input { () throws(InputError) in try Duration.seconds(s) } }
        d.objection = try Parse.term(objection, ObjectionType.self)
        d.technique = try Parse.term(technique, ObjectionTechnique.self)
        d.mood = try Parse.term(mood, Mood.self)
        d.note = note
        d.deal = try Parse.optionalID(deal, Deal.self)
        d.contact = try Parse.optionalID(contact, Contact.self)
        d.orderAmount = try amount.map { try Parse.money($0, currency: currency) }
        d.complaint = complaint
        d.satisfied = try Failure.input { () throws(InputError) in try YesNo.parse(satisfied, "satisfied") }?.bool
        return d
    }

    func nextStep(for customer: CustomerID, deal: DealID?, _ w: Workspace) throws -> FollowUpDraft? {
        guard let next else {
            if nextTactic != nil || nextNote != nil { throw Failure.usage("--next-tactic and --next-note need --next WHEN") }
            return nil
        }
        var f = FollowUpDraft(customer: customer, due: try Parse.due(next, w))
        f.tactic = try Parse.term(nextTactic, FollowUpTactic.self)
        f.note = nextNote
        f.deal = deal
        return f
    }
}
