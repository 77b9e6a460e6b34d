/// Something a customer bought.
public struct PurchaseRecorded: EventBody {
    public static let type = "purchase.recorded"
    public var purchase: Purchase

    public init(_ purchase: Purchase) { self.purchase = purchase }

    public init(_ p: PayloadReader) throws(InputError) {
        guard let amount = Money(try p.text("amount")) else { throw InputError(say("log.payload.amount", "amount"), field: "amount") }
        guard let date = Day(try p.text("date")) else { throw InputError(say("log.payload.date", "date"), field: "date") }
        var b = Purchase(id: try p.id("id"), customer: try p.id("customer"), amount: amount, date: date)
        b.note = try p.optionalText("note")
        purchase = b
    }

    public func write(to p: inout PayloadWriter) {
        let b = purchase
        p.put("id", b.id); p.put("customer", b.customer); p.put("amount", b.amount.description); p.put("date", b.date.description)
        p.put("note", b.note)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        try state.expectNext(purchase.id, state.purchases.count)
        let c = try state.existing(state.customers, purchase.customer)
        var b = purchase
        b.older = state.customers[c].newestPurchase
        state.customers[c].newestPurchase = b.id.number
        state.purchases.append(b)
        return b.customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? { .withdrawn(purchase.id.ref) }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.purchase", purchase.id, purchase.amount.display, purchase.date)
    }

    public var created: EntityRef? { purchase.id.ref }
}

extension Event {
    public static func purchaseRecorded(_ b: Purchase) -> Event { Event(PurchaseRecorded(b)) }
}
