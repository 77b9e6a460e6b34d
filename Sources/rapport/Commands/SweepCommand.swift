import ArgumentParser
import RapportCore

/// `rapport sweep …`: call-back sweeps through a segment of customers, each
/// called again until recorded as satisfied (seed 003).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep", abstract: CLIText.fit(say("cli.sweep.sweepCommand.abstract")),
        subcommands: [Start.self, List.self, Stop.self])

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.fit(say("cli.sweep.start.abstract")),
            discussion: CLIText.fit(say("cli.sweep.start.discussion", Segment.keys.joined(separator: ", ")), width: CLIText.page))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("cli.sweep.start.name"))) var name: String
        @Option(help: .words(say("cli.sweep.start.segment"))) var segment: String
        @Option(help: .words(say("cli.sweep.start.due"))) var due: String?
        @Option(help: .words(say("cli.sweep.start.note"))) var note: String?
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                let s = try Failure.input { () throws(InputError) in try Segment.parse(segment, at: w.time) }
                let when = try Parse.due(due ?? "tomorrow", w)   // catalogue: not text
                return .startSweep(name: name, customers: s.customers(in: w.state, at: w.time).map(\.id), due: when, note: note)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("cli.sweep.list.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Flag(help: .words(say("commands.help.jsonArray"))) var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                let w = try session.openWorkspace()
                let sweeps = SweepProgress.all(in: w.state)
                Output.emit(json: json, .array(sweeps.map { s in
                    .object(["name": .string(s.name), "customers": .int(Int64(s.customers)), "satisfied": .int(Int64(s.satisfied)),
                             "open": .int(Int64(s.open)), "underWay": .bool(s.open > 0)])
                })) {
                    sweeps.isEmpty ? say("cli.sweep.none") : Output.table([[say("cli.column.sweep"), say("cli.column.customers"), say("cli.column.satisfied"), say("cli.column.toCall"), ""]] + sweeps.map { s in
                        [s.name, String(s.customers), String(s.satisfied), String(s.open), say(s.open > 0 ? "cli.sweep.underWay" : "cli.sweep.finished")]
                    }, rightAligned: [1, 2, 3])
                }
            }
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.fit(say("cli.sweep.stop.abstract")))
        @OptionGroup var globals: GlobalOptions
        @Argument(help: .words(say("cli.sweep.start.name"))) var name: String
        @Flag(help: .words(say("commands.help.json"))) var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .stopSweep(name: name) }
        }
    }
}
