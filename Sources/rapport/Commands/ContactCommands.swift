// catalogue: not yet moved (issue 16)
import ArgumentParser
import RapportCore

/// `rapport contact …`: the people inside an organisation, with their buying roles.
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Contact people inside an organisation: buying roles, the coach.",
        subcommands: [Add.self, Edit.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a contact person with a buying role; prints its id.",
            discussion: "Example: rapport contact add \"Lumen\" 李雷 --role decision-maker --title CFO --coach --coach-criterion near-decision")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The organisation: an id, a name or part of one, or a phone number.") var customer: String
        @Argument(help: "The person's name.") var name: String
        @OptionGroup var details: ContactOptions
        @Flag(help: "Our coach in the account: true information, close to the decision.") var coach = false
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                var fields = try details.fields()
                if coach { fields[.coach] = true }
                return .addContact(c.id, name: name, fields: fields)
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a contact person's name, role, title, phone, e-mail, coach mark or coach criteria; an empty value clears one.",
            discussion: "Example: rapport contact edit p2 --role user --coach yes --coach-criterion true-information --coach-criterion volunteers")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The contact id, e.g. p2.") var contact: String
        @Option(help: "A new name.") var name: String?
        @OptionGroup var details: ContactOptions
        @Option(help: "Our coach in the account: yes or no.") var coach: String?
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in
                var fields = try details.fields()
                if let name { fields[.name] = .string(name) }
                fields[.coach] = try Failure.input { () throws(InputError) in try YesNo.parse(coach, "coach") }
                guard !fields.isEmpty else { throw Failure.usage("say what to change (see `rapport contact edit --help`)") }
                return .editContact(try Parse.id(contact, Contact.self), fields: fields)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a contact person off the account (they left, say); `rapport undo` brings them back.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The contact id, e.g. p2.") var contact: String
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .removeContact(try Parse.id(contact, Contact.self)) }
        }
    }
}

/// The options that describe a contact person, shared by `contact add` and `edit`.
struct ContactOptions: ParsableArguments {
    @Option(help: "decision-maker, influencer, user, purchaser or gatekeeper.") var role: String?
    @Option(help: "Job title.") var title: String?
    @Option var phone: String?
    @Option var email: String?
    @Option(name: .customLong("coach-criterion"), help: ArgumentHelp(
        "A coach criterion met: true-information, near-decision, supports-us or volunteers (repeat; replaces on edit).",
        valueName: "criterion")) var coachCriterion: [String] = []

    /// The fields given; an empty value clears one.
    func fields() throws -> [ContactField: JSON] {
        var fields = [ContactField: JSON]()
        func text(_ s: String?) -> JSON? { s.map { $0.isEmpty ? .null : .string($0) } }
        if let role { fields[.role] = role.isEmpty ? .null : .string(try Parse.term(role, BuyingRole.self)!.rawValue) }
        fields[.title] = text(title)
        fields[.phone] = text(phone)
        fields[.email] = text(email)
        if !coachCriterion.isEmpty {
            fields[.coachCriteria] = .array(try coachCriterion.filter { !$0.isEmpty }.map { .string(try Parse.term($0, CoachCriterion.self)!.rawValue) })
        }
        return fields
    }
}
