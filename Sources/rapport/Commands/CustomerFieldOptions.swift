import ArgumentParser
import RapportCore

/// The options that set a customer's fields, shared by `customer add` and `edit`.
struct CustomerFieldOptions: ParsableArguments {
    @Option(help: "individual or organisation.") var kind: String?
    @Option(help: ArgumentHelp("A phone number (repeat for more; replaces the list on edit).", valueName: "number"))
    var phone: [String] = []
    @Option(help: ArgumentHelp("An e-mail address (repeat for more; replaces the list on edit).", valueName: "address"))
    var email: [String] = []
    @Option(help: "The company (for a person) or the organisation's full name.") var company: String?
    @Option var address: String?
    @Option(help: "large, medium, small or individual.") var size: String?
    @Option(name: .customLong("value-type"), help: "share, profit, brand or potential.") var valueType: String?
    @Option(help: "intimate, familiar, ordinary or media.") var relationship: String?
    @Option(help: ArgumentHelp("economic, emotional, geographic or work (repeat; replaces on edit).", valueName: "bond"))
    var bond: [String] = []
    @Option(help: "How the customer was found: referral, door-to-door, trade-show, advertising, …") var source: String?
    @Option(help: "Has a need for the product: yes or no.") var need: String?
    @Option(name: .customLong("can-pay"), help: "Can pay: yes or no.") var canPay: String?
    @Option(help: "Has the authority to decide: yes or no.") var authority: String?
    @Option(help: "inexperienced or experienced buyer.") var experience: String?
    @Option(help: "Preferred channel: phone, message, email, sms, web, visit or event.") var channel: String?
    @Option(name: .customLong("do-not-contact"), help: "The customer asked not to be contacted: yes or no.")
    var doNotContact: String?
    @Option(name: .customLong("do-not-share"), help: "Do not pass the customer's details on: yes or no.")
    var doNotShare: String?
    @Option(help: "The rep who looks after the customer.") var owner: String?
    @Option(help: ArgumentHelp("A tag (repeat for more; replaces the list on edit).", valueName: "tag")) var tag: [String] = []
    @Option(help: "driver, analytical, expressive or amiable.") var personality: String?
    @Option(help: "attention, interest, desire, memory, action or satisfaction.") var aidmas: String?

    /// The fields given, checked; an empty string clears a field.
    func fields() throws(InputError) -> [CustomerField: JSON] {
        var f = [CustomerField: JSON]()
        func text(_ s: String?) -> JSON? { s.map { $0.isEmpty ? .null : .string($0) } }
        func term<T: Term>(_ s: String?, _: T.Type) throws(InputError) -> JSON? {
            guard let s else { return nil }
            return s.isEmpty ? .null : .string(try T.parsing(s).rawValue)
        }
        f[.kind] = try term(kind, CustomerKind.self)
        if !phone.isEmpty { f[.phones] = .array(phone.filter { !$0.isEmpty }.map(JSON.string)) }
        if !email.isEmpty { f[.emails] = .array(email.filter { !$0.isEmpty }.map(JSON.string)) }
        f[.company] = text(company)
        f[.address] = text(address)
        f[.size] = try term(size, SizeClass.self)
        f[.valueType] = try term(valueType, ValueType.self)
        f[.relationship] = try term(relationship, RelationshipLevel.self)
        if !bond.isEmpty {
            f[.bonds] = .array(try bond.filter { !$0.isEmpty }.map { b throws(InputError) in .string(try Bond.parsing(b).rawValue) })
        }
        f[.source] = try term(source, ProspectingMethod.self)
        f[.need] = try YesNo.parse(need, "need")
        f[.canPay] = try YesNo.parse(canPay, "can-pay")
        f[.authority] = try YesNo.parse(authority, "authority")
        f[.experience] = try term(experience, BuyerExperience.self)
        f[.channel] = try term(channel, Channel.self)
        f[.doNotContact] = try YesNo.parse(doNotContact, "do-not-contact")
        f[.doNotShare] = try YesNo.parse(doNotShare, "do-not-share")
        f[.owner] = text(owner)
        if !tag.isEmpty { f[.tags] = .array(tag.filter { !$0.isEmpty }.map(JSON.string)) }
        f[.personality] = try term(personality, PersonalityType.self)
        f[.aidmas] = try term(aidmas, AIDMAS.self)
        return f
    }
}

/// yes/no answers on the command line.
enum YesNo {
    static func parse(_ s: String?, _ option: String) throws(InputError) -> JSON? {
        guard let s else { return nil }
        switch s.lowercased() {
        case "yes", "y", "true", "1": return .bool(true)
        case "no", "n", "false", "0": return .bool(false)
        case "": return .null
        default: throw InputError("--\(option): expected yes or no, got \"\(s)\"")
        }
    }
}
