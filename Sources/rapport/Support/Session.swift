import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportExchange

/// What a command runs with: the resolved log path, actor and clock.
struct Session {
    let path: String
    let actor: String
    let clock: Clock
    /// What the user should know about the setting (shown once).
    let warnings: [String]
    /// How long a change waits for another process's lock (`RAPPORT_LOCK_WAIT`, seconds).
    let lockWait: Double?
    /// The language people read: `--lang`, the config file's `lang`, the locale, else English.
    let language: Language
    /// The texts of that language.
    var catalogue: Catalogue { Catalogue.of(language) }

    /// Resolves the path, actor and clock from options, environment and account.
    /// Warnings (a zone that cannot be followed, a log others can write to)
    /// go to stderr here, or to the screen's status line with `quiet`.
    init(_ globals: GlobalOptions, quiet: Bool = false) throws {
        let env = ProcessInfo.processInfo.environment
        let account = getpwuid(geteuid())
        let home = account.map { String(cString: $0.pointee.pw_dir) }
        let login = getlogin().map { String(cString: $0) } ?? account.map { String(cString: $0.pointee.pw_name) }
        guard let path = try Failure.input({ () throws(InputError) in
            try DataLocation.logPath(option: globals.data, environment: env, home: home)
        }) else {
            throw Failure.usage(say("support.session.noLog"))
        }
        guard let actor = try Failure.input({ () throws(InputError) in
            try DataLocation.actor(option: globals.actor, environment: env, loginName: login)
        }) else {
            throw Failure.usage(say("support.session.noActor"))
        }
        self.path = path
        self.actor = actor
        if let lang = globals.lang, Language.parse(lang) == nil { throw Failure.usage(say("support.session.badLang", lang)) }
        language = Language.resolve(option: globals.lang, config: ScreenConfig(environment: env, home: env["HOME"] ?? home).lang, environment: env)   // catalogue: not text
        if let text = env["RAPPORT_LOCK_WAIT"] {   // catalogue: not text
            guard let seconds = Double(text), seconds >= 0, seconds <= 86_400 else {
                throw Failure.usage(say("support.session.badLockWait", text))
            }
            lockWait = seconds
        } else {
            lockWait = nil
        }
        let (zone, zoneWarning) = ZoneSetting.resolve(env["TZ"])
        warnings = [zoneWarning, DataLocation.exposure(ofLog: path)].compactMap { $0 }
        if !quiet { for w in warnings { Failure.printLine("rapport: \(w)") } }   // catalogue: not text
        var clock = Clock(zone: zone)
        if let now = env["RAPPORT_NOW"], !now.isEmpty {   // catalogue: not text
            do {
                clock.fixed = try When.parse(now, at: clock.time).moment(clock.time, hour: 9)
            } catch {
                throw Failure.usage("RAPPORT_NOW: \(error)")   // catalogue: not text
            }
        }
        self.clock = clock
    }

    /// Opens the log and folds it; reports on stderr anything recovered,
    /// and records this version cannot read. A writer kept waiting for the
    /// lock says for whom.
    func openWorkspace(create: Bool = true, quiet: Bool = false, reads: StateLists = .all) throws -> Workspace {
        do {
            let w = try Workspace.open(path: path, actor: actor, clock: clock, create: create, reads: reads)
            w.store.lockPolicy.onWait = { holder in
                Failure.printLine(say("support.session.waiting", holder.map(\.description) ?? say("support.session.anotherProcess")))
            }
            if let wait = lockWait { w.store.lockPolicy.timeout = wait }
            if !quiet {
                report(w.store.takeNotices())
                for warning in [w.unreadableWarning, w.checkpointProblem].compactMap({ $0 }) {
                    Failure.printLine("rapport: \(warning)")   // catalogue: not text
                }
            }
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
        for n in notices { Failure.printLine("rapport: \(n)") }   // catalogue: not text
    }

    /// The state, clock and banner for `--as-of`, or now when it is absent
    /// or means the present (today, now).
    func view(_ w: Workspace, asOf: String?) throws -> (CRMState, LocalTime, String?) {
        guard let asOf else { return (w.state, w.time, nil) }
        let when = try Parse.when(asOf, w)
        guard let moment = try Failure.input({ () throws(InputError) in try Workspace.asOfMoment(when, at: w.time) }) else {
            return (w.state, w.time, nil)
        }
        var time = w.time
        time.now = moment
        return (try w.state(asOf: moment), time, say("support.session.asOf", time.format(moment)))
    }

    /// The customer meant by an id, a name or part of one, or a phone number.
    /// The id of a duplicate merged into another leads to that one (said on
    /// stderr), unless `following` is false.
    func customer(_ text: String, in w: Workspace, following: Bool = true) throws -> Customer {
        if var id = CustomerID(text) {
            while following, let kept = w.state.customer(id)?.mergedInto {
                Failure.printLine(say("support.session.mergedUsing", id, kept))
                id = kept
            }
            if let c = w.state.customer(id), let kept = c.mergedInto {
                throw Failure.usage(say("actions.check.merged", id, c.name, kept))
            }
            guard let c = w.state.liveCustomer(id) else { throw Failure.usage(say("actions.check.noCustomer", id)) }
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

    /// A log error: damage is a data error (65), the rest I/O (74), usage
    /// (64) or a temporary failure worth retrying (75).
    init(_ error: LogError) {
        switch error {
        case .damaged: self.init(message: error.description, status: 65)
        case .missing, .recordTooLarge: self.init(message: error.description, status: 64)
        case .changedUnderneath, .sealBroken, .locked: self.init(message: error.description, status: 75)
        case .system, .notDurable, .unreadable, .readOnly: self.init(message: error.description, status: 74)
        }
    }

    /// Runs `body`, turning bad input into a usage failure.
    static func input<T>(_ body: () throws(InputError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Failure.usage(error.description + (error.hint.map(words) ?? ""))
        }
    }

    /// Runs `body`, turning a file that cannot be read as its format into a data error (65) about `file`.
    static func exchange<T>(_ file: String, _ body: () throws(ExchangeError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Failure(message: say("support.session.notImported", file, error.description), status: 65)
        }
    }

    /// A core hint in the command line's words.
    static func words(_ hint: InputError.Hint) -> String {
        switch hint {
        case .undo: say("support.hint.undo")
        case .clearDoNotContact(let id): say("support.hint.clearDoNotContact", id)
        case .search(let text): say("support.hint.search", text)
        }
    }

    var description: String { message }

    /// Writes one line to stderr, its control characters shown harmlessly.
    static func printLine(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(line) + "\n").utf8))
    }
}

extension ParsableCommand {
    /// Runs `body`, turning any failure into its line on stderr and its exit status.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let f as Failure {
            Failure.printLine("rapport: \(f.message)")   // catalogue: not text (the program's name before a message)
            throw ExitCode(f.status)
        } catch let e as InputError {
            Failure.printLine("rapport: \(e.description)\(e.hint.map(Failure.words) ?? "")")   // catalogue: not text (the program's name before a message)
            throw ExitCode(64)
        } catch let e as ConflictError {
            Failure.printLine("rapport: \(e.description)")   // catalogue: not text (the program's name before a message)
            throw ExitCode(75)
        } catch let e as UnreadableRecordsError {
            Failure.printLine("rapport: \(e.description)")   // catalogue: not text (the program's name before a message)
            throw ExitCode(65)
        } catch let e as LogError {
            let f = Failure(e)
            Failure.printLine("rapport: \(f.message)")   // catalogue: not text (the program's name before a message)
            throw ExitCode(f.status)
        } catch let e as ExitCode {
            throw e
        } catch {
            Failure.printLine("rapport: \(error)")   // catalogue: not text (the program's name before a message)
            throw ExitCode(1)
        }
    }
}
