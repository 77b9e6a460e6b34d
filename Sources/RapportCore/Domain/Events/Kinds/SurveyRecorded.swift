/// A satisfaction survey: the seed's 15 statements rated 1 to 5 on a date.
public struct SurveyRecorded: EventBody {
    public static let type = "survey.recorded"
    public var survey: Survey

    public init(_ survey: Survey) { self.survey = survey }

    public init(_ p: PayloadReader) throws(InputError) {
        let ratings = try p.value("ratings").array?.map { r throws(InputError) in
            guard let n = r.int, (1...5).contains(n) else { throw InputError(say("log.payload.ratingRange", "ratings"), field: "ratings") }
            return UInt8(n)
        }
        guard let ratings, ratings.count == SurveyStatement.all.count else {
            throw InputError(say("log.payload.ratingCount", "ratings", SurveyStatement.all.count), field: "ratings")
        }
        var s = Survey(id: try p.id("id"), customer: try p.id("customer"), date: try p.value("date").requiredDay("date"), ratings: ratings)
        s.note = try p.optionalText("note")
        survey = s
    }

    public func write(to p: inout PayloadWriter) {
        let s = survey
        p.put("id", s.id); p.put("customer", s.customer); p.put("date", s.date.description)
        p.put("ratings", .array(s.ratings.map { .int(Int64($0)) })); p.put("note", s.note)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        try state.expectNext(survey.id, state.surveys.count)
        let c = try state.existing(state.customers, survey.customer)
        var s = survey
        s.older = state.customers[c].newestSurvey
        state.customers[c].newestSurvey = s.id.number
        state.surveys.append(s)
        return s.customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? { .withdrawn(survey.id.ref) }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.survey", survey.id, survey.date, Describe.score(survey.score))
    }

    public var created: EntityRef? { survey.id.ref }
}

extension Event {
    public static func surveyRecorded(_ s: Survey) -> Event { Event(SurveyRecorded(s)) }
}
