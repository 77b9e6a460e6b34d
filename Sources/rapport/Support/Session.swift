import ArgumentParser
import Foundation
import RapportCore

/// What a command runs with: the resolved log path and actor.
struct Session {
    let path: String
    let actor: String

    /// Resolves the path and actor from options, environment and account.
    init(_ globals: GlobalOptions) throws {
        let env = ProcessInfo.processInfo.environment
        let account = getpwuid(geteuid())
        let home = account.map { String(cString: $0.pointee.pw_dir) }
        let login = getlogin().map { String(cString: $0) } ?? account.map { String(cString: $0.pointee.pw_name) }
        guard let path = DataLocation.logPath(option: globals.data, environment: env, home: home) else {
            throw Failure.usage("cannot tell where the log lives: set --data PATH, RAPPORT_DATA or HOME")
        }
        guard let actor = DataLocation.actor(option: globals.actor, environment: env, loginName: login) else {
            throw Failure.usage("cannot tell who is acting: set --actor NAME or RAPPORT_USER")
        }
        self.path = path
        self.actor = actor
    }

    /// Opens the log, reporting once on stderr anything recovered.
    func openStore(create: Bool = true) throws -> LogStore {
        do {
            let store = try LogStore.open(path: path, actor: actor, create: create)
            report(store.takeNotices())
            return store
        } catch {
            throw Failure(error)
        }
    }

    /// Prints notices from the store on stderr.
    func report(_ notices: [LogNotice]) {
        for n in notices { Failure.printLine("rapport: \(n)") }
    }
}

/// A failure with its one line for stderr and its exit status.
struct Failure: Error, CustomStringConvertible {
    let message: String
    let status: Int32

    /// Bad input from the user (exit 64).
    static func usage(_ message: String) -> Failure { Failure(message: message, status: 64) }

    init(message: String, status: Int32) {
        self.message = message
        self.status = status
    }

    /// A log error: damage is a data error (65), the rest I/O (74).
    init(_ error: LogError) {
        switch error {
        case .damaged: self.init(message: error.description, status: 65)
        case .missing, .readOnly, .recordTooLarge: self.init(message: error.description, status: 64)
        case .changedUnderneath: self.init(message: error.description, status: 75)
        case .system, .notDurable: self.init(message: error.description, status: 74)
        }
    }

    var description: String { message }

    /// Writes one line to stderr.
    static func printLine(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a `Failure` into its line on stderr and its exit status.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let f as Failure {
            Failure.printLine("rapport: \(f.message)")
            throw ExitCode(f.status)
        }
    }
}
