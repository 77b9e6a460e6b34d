import RapportCore

/// The domain as JSON for `--json`: field names follow the domain.
public enum JSONView {
    public static func id<E>(_ id: ID<E>?) -> JSON { id.map { .string($0.description) } ?? .null }
    public static func text(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    public static func term<T: Term>(_ t: T?) -> JSON { t.map { .string($0.rawValue) } ?? .null }
    public static func moment(_ t: Timestamp?, _ time: LocalTime) -> JSON { t.map { .string(time.formatISO($0)) } ?? .null }

    public static func customer(_ c: Customer, _ time: LocalTime) -> JSON {
        var o = JSONObject()
        o["id"] = .string(c.id.description)
        for f in CustomerField.allCases { o[f.rawValue] = f.value(of: c) }
        o["qualification"] = .string(c.qualification.rawValue)
        o["matrixPosition"] = term(c.matrixPosition)
        o["mergedInto"] = id(c.mergedInto)
        o["mood"] = c.mood.map { .object(["mood": .string($0.mood.rawValue), "at": moment($0.at, time)]) } ?? .null
        o["temperature"] = .int(Int64(c.temperature(at: time)))
        o["lastContact"] = moment(c.lastContact, time)
        o["lastTwoWayContact"] = moment(c.lastTwoWayContact, time)
        o["created"] = moment(c.createdAt, time)
        return .object(o)
    }

    public static func contact(_ p: Contact) -> JSON {
        var o = JSONObject()
        o["id"] = .string(p.id.description)
        o["customer"] = .string(p.customer.description)
        for f in ContactField.allCases { o[f.rawValue] = f.value(of: p) }
        return .object(o)
    }

    public static func deal(_ d: Deal, _ state: CRMState, _ time: LocalTime) -> JSON {
        var o: JSONObject = [
            "id": .string(d.id.description), "customer": .string(d.customer.description),
            "customerName": text(state.customer(d.customer)?.name), "title": .string(d.title),
            "value": text(d.value?.plainAmount), "currency": text(d.value?.currency),
            "stage": .string(d.stage.rawValue), "probability": .int(Int64(d.probability)),
            "tier": .string(d.tier.rawValue), "expectedClose": text(d.expectedClose?.description),
            "owner": text(d.owner), "outcome": term(d.outcome), "reason": text(d.closeReason),
            "daysInStage": .int(Int64(d.daysInStage(time))), "stale": .bool(d.isStale(time)),
            "created": moment(d.createdAt, time), "closed": moment(d.closedAt, time),
            "followingThrough": .bool(d.followingThrough), "completed": moment(d.completedAt, time),
        ]
        for f in DealField.allCases where f.stage != nil { o[f.rawValue] = f.value(of: d) }
        o["appointmentAt"] = moment(d.appointmentAt, time)
        let flags = StageContent.flags(of: d, in: state)
        o["skippedStages"] = .strings(flags.gaps.map(\.rawValue))
        o["unqualified"] = .bool(flags.unqualified)
        return .object(o)
    }

    public static func interaction(_ x: Interaction, _ time: LocalTime) -> JSON {
        .object([
            "id": .string(x.id.description), "customer": .string(x.customer.description),
            "deal": id(x.deal), "contact": id(x.contact), "kind": .string(x.kind.rawValue),
            "direction": .string(x.direction.rawValue), "at": moment(x.at, time),
            "durationSeconds": x.durationSeconds.map { .int(Int64($0)) } ?? .null,
            "outcome": term(x.outcome), "objection": term(x.objection), "technique": term(x.technique),
            "mood": term(x.mood), "note": text(x.note), "satisfied": x.satisfied.map(JSON.bool) ?? .null,
        ])
    }

    public static func followUp(_ f: FollowUp, _ state: CRMState, _ time: LocalTime) -> JSON {
        .object([
            "id": .string(f.id.description), "customer": .string(f.customer.description),
            "customerName": text(state.customer(f.customer)?.name), "deal": id(f.deal), "owner": text(f.owner),
            "due": moment(f.due, time), "tactic": term(f.tactic), "note": text(f.note),
            "status": .string(f.status.rawValue), "snoozedFrom": moment(f.snoozedFrom, time),
            "outcome": term(f.outcome), "interaction": id(f.interaction), "overdue": .bool(f.isOpen && f.due < time.now),
            "product": id(f.product), "sweep": text(f.sweep),
        ])
    }

    public static func complaint(_ k: Complaint, _ time: LocalTime) -> JSON {
        .object([
            "id": .string(k.id.description), "customer": .string(k.customer.description), "deal": id(k.deal),
            "summary": .string(k.summary), "opened": moment(k.openedAt, time), "resolved": moment(k.resolvedAt, time),
            "resolution": text(k.resolution), "open": .bool(k.isOpen),
            "steps": ComplaintField.steps.value(of: k), "satisfied": k.satisfied.map(JSON.bool) ?? .null,
            "awaitsConfirmation": .bool(k.awaitsConfirmation),
        ])
    }

    public static func survey(_ s: Survey) -> JSON {
        var levels = JSONObject()
        for level in SatisfactionLevel.allCases { levels[level.rawValue] = .double(s.score(level)) }
        return .object([
            "id": .string(s.id.description), "customer": .string(s.customer.description), "date": .string(s.date.description),
            "ratings": .array(s.ratings.map { .int(Int64($0)) }), "score": .double(s.score), "levels": .object(levels),
            "note": text(s.note),
        ])
    }

    public static func product(_ a: Product, _ state: CRMState, _ time: LocalTime) -> JSON {
        var o = JSONObject()
        o["id"] = .string(a.id.description)
        o["customer"] = .string(a.customer.description)
        for f in ProductField.allCases { o[f.rawValue] = f.value(of: a) }
        o["inService"] = .bool(a.inService)
        let next = state.followUps.filter { $0.product == a.id && $0.isOpen && state.isLive($0) }.min { $0.due < $1.due }
        o["nextCheckUp"] = moment(next?.due, time)
        return .object(o)
    }

    public static func purchase(_ b: Purchase) -> JSON {
        .object([
            "id": .string(b.id.description), "customer": .string(b.customer.description),
            "amount": .string(b.amount.plainAmount), "currency": .string(b.amount.currency),
            "date": .string(b.date.description), "note": text(b.note),
        ])
    }

    public static func moods(_ moods: [MoodReading], _ time: LocalTime) -> JSON {
        .array(moods.map { .object(["mood": .string($0.mood.rawValue), "at": moment($0.at, time)]) })
    }

    public static func outcome(_ o: ActionOutcome) -> JSON {
        .object(["ok": true, "created": o.created.map { .string($0.description) } ?? .null,
                 "summary": .string(o.summary), "events": .int(Int64(o.events.count)), "warnings": .strings(o.warnings)])
    }
}
