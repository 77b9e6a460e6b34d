// catalogue: not yet moved (issue 16)
import ArgumentParser
import Foundation
import RapportCore

/// `rapport repair`: a repaired copy of a log an editor or a crash left unreadable.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Write a repaired copy of the log beside it (CR LF endings, blank lines, an unfinished write).",
        discussion: """
            The log itself is never changed. The copy (LOG.repaired) keeps every record \
            that verifies, in order; rapport checks it before saying so, and prints the \
            two commands that swap it in. A record that is itself damaged cannot be \
            repaired: the copy ends before it, and it and everything after are saved in \
            LOG.unrepaired-from-line-N (exit status 65).
            """)
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
                throw Failure(message: "\(report.output) does not verify; keep the original", status: 70)
            }
            var fixed: [String] = []
            if report.carriageReturns > 0 { fixed.append("\(Format.grouped(report.carriageReturns)) CR LF line endings made LF") }
            if report.blankLines > 0 { fixed.append("\(Format.grouped(report.blankLines)) blank lines left out") }
            if report.unfinishedBytes > 0 { fixed.append("an unfinished write of \(Format.grouped(report.unfinishedBytes)) bytes at the end left out") }
            print("wrote \(report.output): \(Format.grouped(report.records)) records, verified"
                  + (fixed.isEmpty ? "; nothing needed repair" : "; " + fixed.joined(separator: ", ")))
            if let damage = report.damage, let rest = report.restPath {
                print("the record at \(damage) cannot be repaired; it and everything after it are in \(rest)")
            }
            print("to use it (with no rapport running): mv \(session.path) \(session.path).old && mv \(report.output) \(session.path)")
            if report.damage != nil { throw ExitCode(65) }
        }
    }
}

extension LogRepair.Failure {
    var isOutputExists: Bool { if case .outputExists = self { true } else { false } }
}
