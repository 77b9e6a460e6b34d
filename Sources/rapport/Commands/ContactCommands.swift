import ArgumentParser
import RapportCore

/// `rapport contact …`: the people inside an organisation, with their buying roles.
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: CLIText.fit(say("commands.contact.abstract")),
        subcommands: [Add.self, Edit.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("commands.contact.add.abstract")), discussion: CLIText.fit(say("commands.contact.add.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.contact.add.customer"))) var customer: String
        @Argument(help: .words(say("commands.contact.add.name"))) var name: String
        @OptionGroup var details: ContactOptions
        @Flag(help: .words(say("commands.contact.add.coach"))) var coach = false
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

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
            abstract: CLIText.fit(say("commands.contact.edit.abstract")), discussion: CLIText.fit(say("commands.contact.edit.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.contactID"))) var contact: String
        @Option(help: .words(say("commands.help.newName"))) var name: String?
        @OptionGroup var details: ContactOptions
        @Option(help: .words(say("commands.contact.edit.coach"))) var coach: String?
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in
                var fields = try details.fields()
                if let name { fields[.name] = .string(name) }
                fields[.coach] = try Failure.input { () throws(InputError) in try YesNo.parse(coach, "coach") }
                guard !fields.isEmpty else { throw Failure.usage(say("commands.sayWhatToChange", "rapport contact edit --help")) } // catalogue: not text
                return .editContact(try Parse.id(contact, Contact.self), fields: fields)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("commands.contact.remove.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.contactID"))) var contact: String
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .removeContact(try Parse.id(contact, Contact.self)) }
        }
    }
}

/// The options that describe a contact person, shared by `contact add` and `edit`.
struct ContactOptions: ParsableArguments {
    @Option(help: .words(say("commands.contact.role"))) var role: String?
    @Option(help: .words(say("commands.contact.title"))) var title: String?
    @Option var phone: String?
    @Option var email: String?
    @Option(name: .customLong("coach-criterion"), help: .words(
        say("commands.contact.criterion"), valueName: "criterion")) var coachCriterion: [String] = []

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
