// catalogue: not yet moved (issue 16)
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
    @Option(name: .customLong("shift-sign"), help: ArgumentHelp(
        "A sign the buyer is turning experienced: purchasing-joined or technical-interest-fading (repeat; replaces on edit).",
        valueName: "sign")) var shiftSign: [String] = []
    @Option(help: ArgumentHelp("What the customer contributes: sales, profit or opportunity (repeat; replaces on edit).",
                               valueName: "contribution")) var contribution: [String] = []
    @Option(name: .customLong("sensitive-to"), help: "The value they are most sensitive to: price, quality, service, brand, relationship or convenience.")
    var sensitiveTo: String?
    @Option(help: "How long the relationship should last: short or long.") var horizon: String?
    @Option(name: .customLong("wallet-share"), help: "The share of their wallet we could still win, in percent (0–100).") var walletShare: String?
    @Option(help: "They recommend us to others: yes or no.") var recommends: String?
    @Option(name: .customLong("switching-barrier"), help: "What leaving us would cost them: low or high.") var switchingBarrier: String?
    @Option(name: .customLong("lock-in"), help: ArgumentHelp("What locks them in: prepayment, unique-resource or points (repeat; replaces on edit).",
                                                             valueName: "lock-in")) var lockIn: [String] = []
    @Option(help: "Interaction strategy: differential, traditional, real-time or informational.") var strategy: String?

    /// The fields given, checked; an empty string clears a field.
    func fields() throws(InputError) -> [CustomerField: JSON] {
        var f = [CustomerField: JSON]()
        func text(_ s: String?) -> JSON? { s.map { $0.isEmpty ? .null : .string($0) } }
        func term<T: Term>(_ s: String?, _: T.Type) throws(InputError) -> JSON? {
            guard let s else { return nil }
            return s.isEmpty ? .null : .string(try T.parsing(s).rawValue)
        }
        /// A repeated option: the list it gives (an empty value clears it), or nil when not given.
        func terms<T: Term>(_ values: [String], _: T.Type) throws(InputError) -> JSON? {
            guard !values.isEmpty else { return nil }
            return .array(try values.filter { !$0.isEmpty }.map { v throws(InputError) in .string(try T.parsing(v).rawValue) })
        }
        f[.kind] = try term(kind, CustomerKind.self)
        if !phone.isEmpty { f[.phones] = .array(phone.filter { !$0.isEmpty }.map(JSON.string)) }
        if !email.isEmpty { f[.emails] = .array(email.filter { !$0.isEmpty }.map(JSON.string)) }
        f[.company] = text(company)
        f[.address] = text(address)
        f[.size] = try term(size, SizeClass.self)
        f[.valueType] = try term(valueType, ValueType.self)
        f[.relationship] = try term(relationship, RelationshipLevel.self)
        f[.bonds] = try terms(bond, Bond.self)
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
        f[.shiftSigns] = try terms(shiftSign, ShiftSign.self)
        f[.contributions] = try terms(contribution, Contribution.self)
        f[.sensitiveTo] = try term(sensitiveTo, ValueSensitivity.self)
        f[.horizon] = try term(horizon, Horizon.self)
        if let walletShare {
            guard walletShare.isEmpty || Int(walletShare.trimmingCharacters(in: ["%"])).map({ (0...100).contains($0) }) == true else {
                throw InputError("--wallet-share: expected a percentage from 0 to 100, got \"\(walletShare)\"")
            }
            f[.walletShare] = walletShare.isEmpty ? .null : .int(Int64(walletShare.trimmingCharacters(in: ["%"]))!)
        }
        f[.recommends] = try YesNo.parse(recommends, "recommends")
        f[.switchingBarrier] = try term(switchingBarrier, SwitchingBarrier.self)
        f[.lockIns] = try terms(lockIn, LockIn.self)
        f[.strategy] = try term(strategy, InteractionStrategy.self)
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
