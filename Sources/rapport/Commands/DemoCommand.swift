// catalogue: not yet moved (issue 16)
import ArgumentParser
import Foundation
import RapportCore

/// `rapport demo`: a realistic demo business in the log.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a realistic, deterministic demo business into the log.",
        discussion: """
            Customers with Chinese and Latin names, organisations with contact people and \
            a coach, deals in every stage, calls with objections and moods, follow-ups \
            overdue, due today and later, won and lost deals, complaints and purchases, \
            spread over the past year up to now. About ten events per customer. Refuses a \
            log that already holds records unless --append is given.
            """)
    @OptionGroup var globals: GlobalOptions
    @Option(help: "How many customers (default 300).") var customers = 300
    @Option(help: "The random seed: the same seed gives the same business.") var seed: UInt64 = 1
    @Flag(help: "Add to a log that already holds records.") var append = false
    @Flag(help: "Print a JSON object.") var json = false

    func run() throws {
        try reportingFailures {
            let session = try Session(globals)
            guard (1...1_000_000).contains(customers) else { throw Failure.usage("--customers must be 1 to 1,000,000") }
            let w = try session.openWorkspace()
            if w.state.recordCount > 0, !append {
                throw Failure.usage("\(session.path) already holds \(Format.grouped(w.state.recordCount)) records; add --append to add the demo anyway")
            }
            let tty = isatty(STDERR_FILENO) == 1
            let started = Date()
            let summary = try DemoBusiness.write(into: w, customers: customers, seed: seed) { done, total in
                if tty { FileHandle.standardError.write(Data("\rwriting the demo business: \(done * 100 / max(1, total)) %".utf8)) }
            }
            // Leave a checkpoint, so that the next command does not fold it all again.
            if summary.records >= Workspace.checkpointEvery { w.saveCheckpointIfPossible() }
            if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            if let problem = w.checkpointProblem { Failure.printLine("rapport: \(problem)") }
            let seconds = Date().timeIntervalSince(started)
            Output.emit(json: json, .object([
                "customers": .int(Int64(summary.customers)), "records": .int(Int64(summary.records)),
                "seconds": .double((seconds * 10).rounded() / 10),
            ])) {
                "wrote \(Format.grouped(summary.customers)) customers in \(Format.grouped(summary.records)) records to \(session.path)"
            }
        }
    }
}
