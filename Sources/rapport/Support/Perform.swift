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
            let o = try Output.neutral(json) { try w.perform(action) }
            Output.emit(json: json, JSONView.outcome(o)) { o.created?.description ?? o.summary }
            for warning in o.warnings { Failure.printLine(say("support.warning", warning)) }
        }
    }
}

/// Reading ids, times and terms from arguments, with messages that say what is accepted.
enum Parse {
    static func id<E>(_ text: String, _: E.Type) throws -> ID<E> {
        guard let id = ID<E>(text) else {
            throw Failure.usage(say("support.parse.notAnID", text, E.kind.word, E.kind.rawValue))
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
            guard let code = Money.currencyCode(c) else { throw Failure.usage(say("support.parse.currency")) }
            return code
        } ?? Money.defaultCurrency
        let m: Money
        switch Money.parse(text, currency: code) {
        case .success(let parsed): m = parsed
        case .failure(.tooLarge):
            throw Failure.usage(say("support.parse.tooLarge", text, Format.grouped(Money.maximumUnits)))
        case .failure(.notAnAmount):
            throw Failure.usage(say("support.parse.notAnAmount", text))
        }
        guard m.cents >= 0 else { throw Failure.usage(say("support.parse.negative", text)) }
        return m
    }
}

/// The options that describe an interaction, shared by `call log` and `followup done`.
struct InteractionOptions: ParsableArguments {
    @Option(help: .words(say("support.interaction.outcome", ContactOutcome.helpChoices))) var outcome: String?
    @Option(help: .words(say("support.interaction.direction"))) var direction: String?
    @Option(help: .words(say("support.interaction.kind"))) var kind: String?
    @Option(help: .words(say("support.interaction.at"))) var at: String?
    @Option(help: .words(say("support.interaction.duration"))) var duration: String?
    @Option(help: .words(say("support.interaction.objection", ObjectionType.helpChoices))) var objection: String?
    @Option(help: .words(say("support.interaction.technique", ObjectionTechnique.helpChoices))) var technique: String?
    @Option(help: .words(say("support.interaction.mood", Mood.helpChoices))) var mood: String?
    @Option(help: .words(say("support.interaction.note"))) var note: String?
    @Option(help: .words(say("support.interaction.deal"))) var deal: String?
    @Option(help: .words(say("support.interaction.contact"))) var contact: String?
    @Option(help: .words(say("support.interaction.next"))) var next: String?
    @Option(name: .customLong("next-tactic"), help: .words(say("support.interaction.nextTactic"))) var nextTactic: String?
    @Option(name: .customLong("next-note"), help: .words(say("support.interaction.nextNote"))) var nextNote: String?
    @Option(help: .words(say("support.interaction.amount"))) var amount: String?
    @Option(help: .words(say("support.interaction.currency"))) var currency: String?
    @Option(help: .words(say("support.interaction.complaint"))) var complaint: String?
    @Option(help: .words(say("support.interaction.satisfied"))) var satisfied: String?

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
            if nextTactic != nil || nextNote != nil { throw Failure.usage(say("support.interaction.nextNeeded")) }
            return nil
        }
        var f = FollowUpDraft(customer: customer, due: try Parse.due(next, w))
        f.tactic = try Parse.term(nextTactic, FollowUpTactic.self)
        f.note = nextNote
        f.deal = deal
        return f
    }
}
