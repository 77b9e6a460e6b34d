// catalogue: not yet moved (issue 16)
import RapportCore

/// The forms of the seed's method: a customer's value and interaction, a
/// satisfaction survey, an installed product, a complaint's steps and
/// confirmation, a deal's follow-through completed.
extension Forms {
    static func checklist<T: Term>(_ key: String, _ label: String, _: T.Type, _ ticked: [T]) -> Field {
        Field(key, label, .checklist(Checklist(Choice.terms(T.self), ticked: ticked.map(\.rawValue))))
    }

    /// Customer value (seed 001) and the interaction strategy (seed 002).
    public static func value(_ c: Customer, _ data: ScreenData) -> Form {
        Form("Value of \(c.id) \(c.name)", .value(c.id), fields: [
            checklist("contributions", "Contributes", Contribution.self, c.contributions),
            pick("sensitiveTo", "Sensitive to", ValueSensitivity.self, c.sensitiveTo),
            pick("horizon", "Lasts", Horizon.self, c.horizon),
            text("walletShare", "Wallet share %", c.walletShare.map(String.init)),
            yesNo("recommends", "Recommends us", c.recommends),
            pick("switchingBarrier", "Switching cost", SwitchingBarrier.self, c.switchingBarrier),
            checklist("lockIns", "Locked in by", LockIn.self, c.lockIns),
            pick("strategy", "Interaction", InteractionStrategy.self, c.strategy),
            pick("channel", "Channel", Channel.self, c.channel),
            checklist("shiftSigns", "Shift signs", ShiftSign.self, c.shiftSigns),
        ], openedAt: data.state.recordCount, subject: c.id.ref)
    }

    /// The seed's 15 statements, each rated 1 to 5; the statement shows under the form.
    public static func survey(_ c: Customer, _ data: ScreenData) -> Form {
        let ratings = [("1", "1 not at all"), ("2", "2 hardly"), ("3", "3 partly"), ("4", "4 mostly"), ("5", "5 fully")]
            .map { Choice(value: $0.0, label: $0.1) }
        let statements = SurveyStatement.all.indices.map { pick("rating\($0 + 1)", "Statement \($0 + 1)", ratings) }
        return Form("Satisfaction of \(c.name)", .survey(c.id), fields: statements + [date("date", "Answered on", "today"), note("note", "Note")],
                    openedAt: data.state.recordCount)
    }

    public static func product(_ c: Customer, _ data: ScreenData) -> Form {
        Form("Installed at \(c.name)", .installProduct(c.id), fields: [
            text("name", "Product", required: true), date("installedOn", "Installed on", "today"),
            text("serviceEvery", "Check every", "6m"), text("serial", "Serial"), note("note", "Note"),
        ], openedAt: data.state.recordCount)
    }

    public static func editProduct(_ a: Product, _ data: ScreenData) -> Form {
        Form("Edit \(a.id) \(a.name)", .editProduct(a.id), fields: [
            text("name", "Product", a.name, required: true), date("installedOn", "Installed on", a.installedOn.description),
            text("serviceEvery", "Check every", a.serviceEvery?.description), text("serial", "Serial", a.serial), note("note", "Note", a.note),
            date("removedOn", "Out of service", a.removedOn?.description),
        ], openedAt: data.state.recordCount, subject: a.id.ref)
    }

    public static func complaintStep(_ k: Complaint, _ data: ScreenData) -> Form {
        Form("Step toward \(k.id) \(Describe.preview(k.summary, characters: 40))", .complaintStep(k.id), fields: [
            note("step", "What was done", required: true),
        ], openedAt: data.state.recordCount, subject: k.id.ref)
    }

    public static func confirmComplaint(_ k: Complaint, _ data: ScreenData) -> Form {
        Form("Is the customer satisfied? \(k.id)", .confirmComplaint(k.id), fields: [yesNo("satisfied", "Satisfied", k.satisfied)],
             openedAt: data.state.recordCount, subject: k.id.ref)
    }

    /// `W` on a won deal in follow-through: it is done.
    public static func completeDeal(_ d: Deal, _ data: ScreenData) -> Form {
        Form("Follow-through of \(d.id) \(d.title) complete", .completeDeal(d.id), fields: [note("note", "How it ended")],
             openedAt: data.state.recordCount, subject: d.id.ref)
    }

    /// The stage content of a deal, as fields of its edit form.
    static func stageContent(_ d: Deal, _ time: LocalTime) -> [Field] {
        [
            text("contactTime", "Best reached", d.contactTime), note("plan", "Plan", d.plan),
            text("appointmentWith", "Appointment w/", d.appointmentWith),
            date("appointmentAt", "Appointment at", d.appointmentAt.map { time.format($0) }, hour: 10),
            text("appointmentPlace", "Where", d.appointmentPlace), text("appointmentPurpose", "What for", d.appointmentPurpose),
            pick("approach", "Approach", ApproachMethod.self, d.approach),
            pick("presentation", "Presentation", PresentationMode.self, d.presentation),
            pick("closing", "Closing", ClosingStrategy.self, d.closing),
        ]
    }
}
