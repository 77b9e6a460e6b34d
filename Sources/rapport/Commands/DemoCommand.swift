import ArgumentParser
import Foundation
import RapportCore

/// `rapport demo`: a realistic demo business in the log.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: CLIText.fit(say("cli.demo.abstract")), discussion: CLIText.fit(say("cli.demo.discussion"), width: CLIText.page))
    @OptionGroup var globals: GlobalOptions
    @Option(help: .words(say("cli.demo.customers"))) var customers = 300
    @Option(help: .words(say("cli.demo.seed"))) var seed: UInt64 = 1
    @Flag(help: .words(say("cli.demo.append"))) var append = false
    @Flag(help: .words(say("commands.help.json"))) var json = false

    func run() throws {
        try reportingFailures {
            let session = try Session(globals)
            guard (1...1_000_000).contains(customers) else { throw Failure.usage(say("cli.demo.customersRange")) }
            let w = try session.openWorkspace()
            if w.state.recordCount > 0, !append {
                throw Failure.usage(say("cli.demo.notEmpty", session.path, Format.grouped(w.state.recordCount)))
            }
            let tty = isatty(STDERR_FILENO) == 1
            let started = Date()
            let summary = try DemoBusiness.write(into: w, customers: customers, seed: seed) { done, total in
                if tty { FileHandle.standardError.write(Data(("\r" + say("cli.demo.writing", done * 100 / max(1, total))).utf8)) }
            }
            // Leave a checkpoint, so that the next command does not fold it all again.
            if summary.records >= Workspace.checkpointEvery { w.saveCheckpointIfPossible() }
            if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            if let problem = w.checkpointProblem { Failure.printLine("rapport: \(problem)") }   // catalogue: not text
            let seconds = Date().timeIntervalSince(started)
            Output.emit(json: json, .object([
                "customers": .int(Int64(summary.customers)), "records": .int(Int64(summary.records)),
                "seconds": .double((seconds * 10).rounded() / 10),
            ])) {
                say("cli.demo.wrote", Format.grouped(summary.customers), Format.grouped(summary.records), session.path)
            }
        }
    }
}
