/// A call, visit, meeting, e-mail or message with a customer.
public struct InteractionLogged: EventBody {
    public static let type = "interaction.logged"
    public var interaction: Interaction

    public init(_ interaction: Interaction) { self.interaction = interaction }

    public init(_ p: PayloadReader) throws(InputError) {
        var i = Interaction(id: try p.id("id"), customer: try p.id("customer"), at: try p.time("at"))
        i.deal = try p.optionalID("deal")
        i.contact = try p.optionalID("contact")
        i.kind = try p.term("kind")
        i.direction = try p.term("direction")
        i.durationSeconds = try p.optionalInt("duration").map { Int32(clamping: $0) }
        i.outcome = try p.optionalTerm("outcome")
        i.objection = try p.optionalTerm("objection")
        i.technique = try p.optionalTerm("technique")
        i.mood = try p.optionalTerm("mood")
        i.note = try p.optionalText("note")
        i.satisfied = try p.value("satisfied").optionalBool("satisfied")
        interaction = i
    }

    public func write(to p: inout PayloadWriter) {
        let i = interaction
        p.put("id", i.id); p.put("customer", i.customer); p.put("deal", i.deal); p.put("contact", i.contact)
        p.put("kind", i.kind); p.put("direction", i.direction); p.put("at", i.at)
        p.put("duration", i.durationSeconds.map { .int(Int64($0)) })
        p.put("outcome", i.outcome); p.put("objection", i.objection); p.put("technique", i.technique)
        p.put("mood", i.mood); p.put("note", i.note); p.put("satisfied", i.satisfied.map(JSON.bool))
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        try state.expectNext(interaction.id, state.interactions.count)
        let c = try state.existing(state.customers, interaction.customer)
        if let d = interaction.deal { _ = try state.existing(state.deals, d) }
        if let p = interaction.contact { _ = try state.existing(state.contacts, p) }
        var x = interaction
        x.by = r.actor
        x.older = state.customers[c].newestInteraction
        state.customers[c].newestInteraction = x.id.number
        state.interactions.append(x)
        state.noteContact(x, customer: c)
        return x.customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? { .withdrawn(interaction.id.ref) }

    public func describe(in state: CRMState, time: LocalTime?) -> String { Describe.interaction(interaction) }

    public var created: EntityRef? { interaction.id.ref }
}

extension Event {
    public static func interactionLogged(_ x: Interaction) -> Event { Event(InteractionLogged(x)) }
}
