/// A product installed at a customer's: its file opens, and its check-ups begin.
public struct ProductInstalled: EventBody {
    public static let type = "product.installed"
    public var product: Product

    public init(_ product: Product) { self.product = product }

    public init(_ p: PayloadReader) throws(InputError) {
        var a = Product(id: try p.id("id"), customer: try p.id("customer"), name: try p.text("name"),
                        installedOn: try p.value("installed").requiredDay("installed"))
        a.serviceEvery = try p.optionalText("every").map { s throws(InputError) in try ServiceInterval.parsing(s, field: "every") }
        a.serial = try p.optionalText("serial")
        a.note = try p.optionalText("note")
        product = a
    }

    public func write(to p: inout PayloadWriter) {
        let a = product
        p.put("id", a.id); p.put("customer", a.customer); p.put("name", a.name); p.put("installed", a.installedOn.description)
        p.put("every", a.serviceEvery?.description); p.put("serial", a.serial); p.put("note", a.note)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        try state.expectNext(product.id, state.products.count)
        let c = try state.existing(state.customers, product.customer)
        var a = product
        a.older = state.customers[c].newestProduct
        state.customers[c].newestProduct = a.id.number
        state.products.append(a)
        return a.customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? { .withdrawn(product.id.ref) }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        let name = Describe.preview(product.name)
        return product.serviceEvery.map { say("log.product.installedChecked", product.id, name, product.installedOn, $0.words) }
            ?? say("log.product.installed", product.id, name, product.installedOn)
    }

    public var created: EntityRef? { product.id.ref }
}

extension Event {
    public static func productInstalled(_ a: Product) -> Event { Event(ProductInstalled(a)) }
}
