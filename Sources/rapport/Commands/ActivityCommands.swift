import ArgumentParser
import RapportCore

/// `rapport contact add`: a person inside an organisation.
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Contact people inside an organisation.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a contact person with a buying role; prints its id.",
            discussion: "Example: rapport contact add \"Lumen\" 李雷 --role decision-maker --title CFO --coach")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The organisation: an id, a name or part of one, or a phone number.") var customer: String
        @Argument(help: "The person's name.") var name: String
        @Option(help: "decision-maker, influencer, user, purchaser or gatekeeper.") var role: String?
        @Option(help: "Job title.") var title: String?
        @Option var phone: String?
        @Option var email: String?
        @Flag(help: "Our coach in the account: true information, close to the decision.") var coach = false
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                var fields = [ContactField: JSON]()
                fields[.role] = try Parse.term(role, BuyingRole.self).map { .string($0.rawValue) }
                fields[.title] = title.map(JSON.string)
                fields[.phone] = phone.map(JSON.string)
                fields[.email] = email.map(JSON.string)
                if coach { fields[.coach] = true }
                return .addContact(c.id, name: name, fields: fields)
            }
        }
    }
}

/// `rapport call log`: what happened on a call (or visit, meeting, e-mail).
struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "call", abstract: "Log calls and other contacts.", subcommands: [Log.self])

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log a call (or visit, meeting, e-mail, message); prints its id.",
            discussion: """
                The customer may be given by phone number, as a telephony hook would:
                  rapport call log "+86 138 0013 8000" --direction in --outcome reached --mood rising \\
                    --objection price --technique postpone --note "wants a volume discount" --next "fri 10:00"
                """)
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer: an id, a name or part of one, or a phone number.") var customer: String
        @OptionGroup var details: InteractionOptions
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                let draft = try details.draft(for: c.id, w)
                return .logInteraction(draft, next: try details.nextStep(for: c.id, deal: draft.deal, w))
            }
        }
    }
}

/// `rapport note …`: mood, personality, AIDMAS stage, free text.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Note a customer's mood, personality type, AIDMAS stage, or free text.",
        subcommands: [MoodNote.self, Personality.self, AIDMASStage.self, Text.self])

    struct MoodNote: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "mood", abstract: "Note the mood observed; prints its id.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Argument(help: "rising, falling, calm or complacent.") var mood: String
        @Option(help: "What was seen.") var note: String?
        @Option(help: "When (default now).") var at: String?
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                let m = try Failure.input { () throws(InputError) in try Mood.parsing(mood) }
                return .noteMood(c.id, m, note: note, at: try at.map { try Parse.when($0, w).moment(w.time, hour: 12) })
            }
        }
    }

    struct Personality: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the personality type (none clears it).")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Argument(help: "driver, analytical, expressive, amiable, or none.") var type: String
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                let value: JSON = type.lowercased() == "none" ? .null
                    : .string(try Failure.input { () throws(InputError) in try PersonalityType.parsing(type) }.rawValue)
                return .editCustomer(c.id, fields: [.personality: value])
            }
        }
    }

    struct AIDMASStage: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "aidmas", abstract: "Set the AIDMAS stage (none clears it).")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Argument(help: "attention, interest, desire, memory, action, satisfaction, or none.") var stage: String
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                let value: JSON = stage.lowercased() == "none" ? .null
                    : .string(try Failure.input { () throws(InputError) in try AIDMAS.parsing(stage) }.rawValue)
                return .editCustomer(c.id, fields: [.aidmas: value])
            }
        }
    }

    struct Text: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a free note; prints its id.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Argument(help: "The note.") var text: String
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                .addNote(try session.customer(customer, in: w).id, text: text)
            }
        }
    }
}

/// `rapport complaint …`: complaints, open until resolved.
struct ComplaintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint", abstract: "Open and resolve complaints.", subcommands: [Open.self, Resolve.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a complaint; prints its id.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Argument(help: "What is wrong.") var summary: String
        @Option(help: "The deal it concerns.") var deal: String?
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                .openComplaint(try session.customer(customer, in: w).id, summary: summary, deal: try Parse.optionalID(deal, Deal.self))
            }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resolve a complaint.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The complaint id, e.g. k2.") var complaint: String
        @Option(help: "How it was resolved.") var resolution: String?
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in
                .resolveComplaint(try Parse.id(complaint, RapportCore.Complaint.self), resolution: resolution)
            }
        }
    }
}

/// `rapport purchase add`: what a customer bought.
struct PurchaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "purchase", abstract: "Record purchases.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a purchase; prints its id.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The customer.") var customer: String
        @Argument(help: "The amount, e.g. 12000 or 12,000.50.") var amount: String
        @Option(help: "A three-letter currency code (default CNY).") var currency: String?
        @Option(help: "The date (default today).") var date: String?
        @Option var note: String?
        @Flag(help: "Print a JSON object instead of the id.") var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                let day = try date.map { text -> Day in
                    switch try Parse.when(text, w) {
                    case .day(let d): return d
                    case .moment(let t): return w.time.day(of: t)
                    }
                }
                return .recordPurchase(c.id, amount: try Parse.money(amount, currency: currency), date: day, note: note)
            }
        }
    }
}
