// catalogue: not yet moved (issue 16)
import ArgumentParser
import RapportCore

/// `rapport sweep …`: call-back sweeps through a segment of customers, each
/// called again until recorded as satisfied (seed 003).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep", abstract: "Call-back sweeps over a segment of customers, until each is satisfied.",
        subcommands: [Start.self, List.self, Stop.self])

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule a call-back to every customer of a segment (those not to be contacted left out).",
            discussion: """
                A segment is key=value criteria, all of which must hold: \(Segment.keys.joined(separator: ", ")).
                Completing a sweep's follow-up with --satisfied yes ends it for that customer; otherwise \\
                the customer is called again two days later.
                Example: rapport sweep start "winter check" --segment "size=large,product=scanner" --due "mon 10:00"
                """)
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The sweep's name.") var name: String
        @Option(help: "Which customers: key=value criteria, comma-separated.") var segment: String
        @Option(help: "When the calls are due (default tomorrow 9:00).") var due: String?
        @Option(help: "What to ask (default: whether they are satisfied).") var note: String?
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, w in
                let s = try Failure.input { () throws(InputError) in try Segment.parse(segment, at: w.time) }
                let when = try Parse.due(due ?? "tomorrow", w)
                return .startSweep(name: name, customers: s.customers(in: w.state, at: w.time).map(\.id), due: when, note: note)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sweeps and how far each has come.")
        @OptionGroup var globals: GlobalOptions
        @Flag(help: "Print a JSON array.") var json = false

        func run() throws {
            try reportingFailures {
                let session = try Session(globals)
                let w = try session.openWorkspace()
                let sweeps = SweepProgress.all(in: w.state)
                Output.emit(json: json, .array(sweeps.map { s in
                    .object(["name": .string(s.name), "customers": .int(Int64(s.customers)), "satisfied": .int(Int64(s.satisfied)),
                             "open": .int(Int64(s.open)), "underWay": .bool(s.open > 0)])
                })) {
                    sweeps.isEmpty ? "no sweeps" : Output.table([["sweep", "customers", "satisfied", "to call", ""]] + sweeps.map { s in
                        [s.name, String(s.customers), String(s.satisfied), String(s.open), s.open > 0 ? "under way" : "finished"]
                    }, rightAligned: [1, 2, 3])
                }
            }
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a sweep: its open follow-ups are cancelled.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The sweep's name.") var name: String
        @Flag(help: "Print a JSON object.") var json = false

        func run() throws {
            try performing(globals, json: json) { _, _ in .stopSweep(name: name) }
        }
    }
}
