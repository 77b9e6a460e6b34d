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
        Form(say("forms.title.value", c.id, c.name), .value(c.id), fields: [
            checklist("contributions", say("forms.label.contributes"), Contribution.self, c.contributions),
            pick("sensitiveTo", say("forms.label.sensitiveTo"), ValueSensitivity.self, c.sensitiveTo),
            pick("horizon", say("forms.label.lasts"), Horizon.self, c.horizon),
            text("walletShare", say("forms.label.walletShare"), c.walletShare.map(String.init)),
            yesNo("recommends", say("forms.label.recommends"), c.recommends),
            pick("switchingBarrier", say("forms.label.switchingCost"), SwitchingBarrier.self, c.switchingBarrier),
            checklist("lockIns", say("forms.label.lockedInBy"), LockIn.self, c.lockIns),
            pick("strategy", say("forms.label.interaction"), InteractionStrategy.self, c.strategy),
            pick("channel", say("forms.label.channel"), Channel.self, c.channel),
            checklist("shiftSigns", say("forms.label.shiftSigns"), ShiftSign.self, c.shiftSigns),
        ], openedAt: data.state.recordCount, subject: c.id.ref)
    }

    /// The seed's 15 statements, each rated 1 to 5; the statement shows under the form.
    public static func survey(_ c: Customer, _ data: ScreenData) -> Form {
        let ratings = [("1", say("forms.rating.notAtAll")), ("2", say("forms.rating.hardly")), ("3", say("forms.rating.partly")), ("4", say("forms.rating.mostly")),
                       ("5", say("forms.rating.fully"))]
            .map { Choice(value: $0.0, label: $0.1) }
        let statements = SurveyStatement.all.indices.map { pick("rating\($0 + 1)", say("forms.label.statement", $0 + 1), ratings) }
        return Form(say("forms.title.survey", c.name), .survey(c.id),
                    fields: statements + [date("date", say("forms.label.answeredOn"), "today"), note("note", say("forms.label.note"))],
                    openedAt: data.state.recordCount)
    }

    public static func product(_ c: Customer, _ data: ScreenData) -> Form {
        Form(say("forms.title.installed", c.name), .installProduct(c.id), fields: [
            text("name", say("forms.label.product"), required: true), date("installedOn", say("forms.label.installedOn"), "today"),
            text("serviceEvery", say("forms.label.checkEvery"), "6m"), text("serial", say("forms.label.serial")), note("note", say("forms.label.note")),
        ], openedAt: data.state.recordCount)
    }

    public static func editProduct(_ a: Product, _ data: ScreenData) -> Form {
        Form(say("forms.title.edit", a.id, a.name), .editProduct(a.id), fields: [
            text("name", say("forms.label.product"), a.name, required: true),
            date("installedOn", say("forms.label.installedOn"), a.installedOn.description),
            text("serviceEvery", say("forms.label.checkEvery"), a.serviceEvery?.description), text("serial", say("forms.label.serial"), a.serial),
            note("note", say("forms.label.note"), a.note),
            date("removedOn", say("forms.label.outOfService"), a.removedOn?.description),
        ], openedAt: data.state.recordCount, subject: a.id.ref)
    }

    public static func complaintStep(_ k: Complaint, _ data: ScreenData) -> Form {
        Form(say("forms.title.step", k.id, Describe.preview(k.summary, characters: 40)), .complaintStep(k.id), fields: [
            note("step", say("forms.label.whatWasDone"), required: true),
        ], openedAt: data.state.recordCount, subject: k.id.ref)
    }

    public static func confirmComplaint(_ k: Complaint, _ data: ScreenData) -> Form {
        Form(say("forms.title.confirm", k.id), .confirmComplaint(k.id), fields: [yesNo("satisfied", say("forms.label.satisfied"), k.satisfied)],
             openedAt: data.state.recordCount, subject: k.id.ref)
    }

    /// `W` on a won deal in follow-through: it is done.
    public static func completeDeal(_ d: Deal, _ data: ScreenData) -> Form {
        Form(say("forms.title.completeDeal", d.id, d.title), .completeDeal(d.id), fields: [note("note", say("forms.label.howItEnded"))],
             openedAt: data.state.recordCount, subject: d.id.ref)
    }

    /// The stage content of a deal, as fields of its edit form.
    static func stageContent(_ d: Deal, _ time: LocalTime) -> [Field] {
        [
            text("contactTime", say("forms.label.bestReached"), d.contactTime), note("plan", say("forms.label.plan"), d.plan),
            text("appointmentWith", say("forms.label.appointmentWith"), d.appointmentWith),
            date("appointmentAt", say("forms.label.appointmentAt"), d.appointmentAt.map { time.format($0) }, hour: 10),
            text("appointmentPlace", say("forms.label.where"), d.appointmentPlace),
            text("appointmentPurpose", say("forms.label.whatFor"), d.appointmentPurpose),
            pick("approach", say("forms.label.approach"), ApproachMethod.self, d.approach),
            pick("presentation", say("forms.label.presentation"), PresentationMode.self, d.presentation),
            pick("closing", say("forms.label.closing"), ClosingStrategy.self, d.closing),
        ]
    }
}
