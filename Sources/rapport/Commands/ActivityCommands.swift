import ArgumentParser
import RapportCore

/// `rapport call log`: what happened on a call (or visit, meeting, e-mail).
struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "call", abstract: CLIText.fit(say("commands.call.abstract")), subcommands: [Log.self])

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("commands.call.log.abstract")), discussion: CLIText.fit(say("commands.call.log.discussion"), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customerAny"))) var customer: String
        @OptionGroup var details: InteractionOptions
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

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
        commandName: "note", abstract: CLIText.fit(say("commands.note.abstract")),
        subcommands: [MoodNote.self, Personality.self, AIDMASStage.self, Text.self])

    struct MoodNote: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "mood", abstract: CLIText.fit(say("commands.note.mood.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customer"))) var customer: String
        @Argument(help: .words(say("commands.note.mood.mood"))) var mood: String
        @Option(help: .words(say("commands.note.mood.note"))) var note: String?
        @Option(help: .words(say("commands.note.mood.at"))) var at: String?
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                let m = try Failure.input { () throws(InputError) in try Mood.parsing(mood) }
                return .noteMood(c.id, m, note: note, at: try at.map { try Parse.when($0, w).moment(w.time, hour: 12) })
            }
        }
    }

    struct Personality: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("commands.note.personality.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customer"))) var customer: String
        @Argument(help: .words(say("commands.note.personality.type"))) var type: String
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                let value: JSON = NoteCommand.clears(type) ? .null
                    : .string(try Failure.input { () throws(InputError) in try PersonalityType.parsing(type) }.rawValue)
                return .editCustomer(c.id, fields: [.personality: value])
            }
        }
    }

    struct AIDMASStage: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "aidmas", abstract: CLIText.fit(say("commands.note.aidmas.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customer"))) var customer: String
        @Argument(help: .words(say("commands.note.aidmas.stage"))) var stage: String
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                let c = try session.customer(customer, in: w)
                let value: JSON = NoteCommand.clears(stage) ? .null
                    : .string(try Failure.input { () throws(InputError) in try AIDMAS.parsing(stage) }.rawValue)
                return .editCustomer(c.id, fields: [.aidmas: value])
            }
        }
    }

    struct Text: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("commands.note.text.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("commands.help.customer"))) var customer: String
        @Argument(help: .words(say("commands.note.text.text"))) var text: String
        @Flag(help: .words(say("commands.help.jsonID"))) var json = false

        func run() throws {
            try performing(globals, json: json) { session, w in
                .addNote(try session.customer(customer, in: w).id, text: text)
            }
        }
    }

    /// `none` (or 无) clears the field instead of naming a term.
    static func clears(_ text: String) -> Bool { text.lowercased() == "none" || text.trimmingSpaces == "无" }
}
