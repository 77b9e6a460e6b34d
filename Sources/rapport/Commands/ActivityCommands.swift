// catalogue: not yet moved (issue 16)
import ArgumentParser
import RapportCore

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
