import ArgumentParser
import Foundation
import RapportCore

/// What a command runs with: the resolved log path, actor and clock.
struct Session {
    let path: String
    let actor: String
    let clock: Clock

    /// Resolves the path, actor and clock from options, environment and account.
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
        var clock = Clock()
        if let now = env["RAPPORT_NOW"], !now.isEmpty {
            do {
                clock.fixed = try When.parse(now, at: clock.time).moment(clock.time, hour: 9)
            } catch {
                throw Failure.usage("RAPPORT_NOW: \(error)")
            }
        }
        self.clock = clock
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

    /// Opens the log and folds it.
    func openWorkspace(create: Bool = true) throws -> Workspace {
        do {
            let w = try Workspace.open(path: path, actor: actor, clock: clock, create: create)
            report(w.store.takeNotices())
            Session.keptUntilExit.append(w)
            return w
        } catch let e as LogError {
            throw Failure(e)
        }
    }

    /// Workspaces a command opened, held until the process exits: freeing
    /// millions of folded objects one by one takes longer than the kernel
    /// takes to reclaim the whole process (and nothing else needs the memory).
    nonisolated(unsafe) private static var keptUntilExit: [Workspace] = []

    /// Prints notices from the store on stderr.
    func report(_ notices: [LogNotice]) {
        for n in notices { Failure.printLine("rapport: \(n)") }
    }

    /// The customer meant by an id, a name or part of one, or a phone number.
    func customer(_ text: String, in w: Workspace) throws -> Customer {
        if let id = CustomerID(text) {
            guard let c = w.state.customer(id), !c.withdrawn else { throw Failure.usage("no customer \(id)") }
            return c
        }
        return try Failure.input { () throws(InputError) in try Resolve.customer(text, in: w.state, index: w.searchIndex) }
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

    /// A log error: damage is a data error (65), the rest I/O (74) or usage (64).
    init(_ error: LogError) {
        switch error {
        case .damaged: self.init(message: error.description, status: 65)
        case .missing, .readOnly, .recordTooLarge: self.init(message: error.description, status: 64)
        case .changedUnderneath, .sealBroken: self.init(message: error.description, status: 75)
        case .system, .notDurable: self.init(message: error.description, status: 74)
        }
    }

    /// Runs `body`, turning bad input into a usage failure.
    static func input<T>(_ body: () throws(InputError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Failure.usage(error.description)
        }
    }

    var description: String { message }

    /// Writes one line to stderr.
    static func printLine(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension ParsableCommand {
    /// Runs `body`, turning any failure into its line on stderr and its exit status.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let f as Failure {
            Failure.printLine("rapport: \(f.message)")
            throw ExitCode(f.status)
        } catch let e as InputError {
            Failure.printLine("rapport: \(e.description)")
            throw ExitCode(64)
        } catch let e as LogError {
            let f = Failure(e)
            Failure.printLine("rapport: \(f.message)")
            throw ExitCode(f.status)
        } catch let e as ExitCode {
            throw e
        } catch {
            Failure.printLine("rapport: \(error)")
            throw ExitCode(1)
        }
    }
}
