import ArgumentParser
import Foundation
import RapportCore

/// `rapport repair`: a repaired copy of a log an editor or a crash left unreadable.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: CLIText.fit(say("cli.repair.abstract")), discussion: CLIText.fit(say("cli.repair.discussion"), width: CLIText.page))
    @OptionGroup var globals: GlobalOptions

    func run() throws {
        try reportingFailures {
            let session = try Session(globals)
            let report: RepairReport
            switch Result(catching: { () throws(LogRepair.Failure) in try LogRepair.repair(path: session.path) }) {
            case .success(let r): report = r
            case .failure(let e): throw Failure(message: e.description, status: e.isOutputExists ? 64 : 74)
            }
            // The copy must open as a sound log before anyone is told to use it.
            let copy = try LogStore.open(path: report.output, actor: session.actor, create: false)
            guard copy.recordCount == report.records, copy.takeNotices().isEmpty else {
                throw Failure(message: say("cli.repair.doesNotVerify", report.output), status: 70)
            }
            var fixed: [String] = []
            if report.carriageReturns > 0 { fixed.append(say("cli.repair.carriageReturns", Format.grouped(report.carriageReturns))) }
            if report.blankLines > 0 { fixed.append(say("cli.repair.blankLines", Format.grouped(report.blankLines))) }
            if report.unfinishedBytes > 0 { fixed.append(say("cli.repair.unfinishedWrite", Format.grouped(report.unfinishedBytes))) }
            print(say("cli.repair.wrote", report.output, Format.grouped(report.records))
                  + (fixed.isEmpty ? say("cli.repair.nothingNeeded") : say("cli.repair.fixed", fixed.joined(separator: say("cli.separator")))))
            if let damage = report.damage, let rest = report.restPath {
                print(say("cli.repair.cannotRepair", damage, rest))
            }
            print(say("cli.repair.toUseIt", session.path, report.output))
            if report.damage != nil { throw ExitCode(65) }
        }
    }
}

extension LogRepair.Failure {
    var isOutputExists: Bool { if case .outputExists = self { true } else { false } }
}
