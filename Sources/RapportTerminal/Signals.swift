import CNcursesw
import Foundation
import Glibc

/// What the signal handlers need, prepared before any signal can come: a
/// handler may only call async-signal-safe functions (write, tcsetattr,
/// open, dup2, _exit), never ncurses or Swift code that allocates.
nonisolated(unsafe) private var restoreBytes = [UInt8](repeating: 0, count: 256)
nonisolated(unsafe) private var restoreCount = 0
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var haveSavedModes = false
nonisolated(unsafe) private var crashReportPath: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var crashLine: UnsafeMutablePointer<CChar>?
/// The signal that asked the program to stop, or 0.
nonisolated(unsafe) private var stopSignal: Int32 = 0
/// What fatal signals did before (the Swift runtime's backtracer), to hand them on.
nonisolated(unsafe) private var previousActions: [sigaction?] = Array(repeating: nil, count: 65)

/// Gives the terminal back as it was, with async-signal-safe calls only.
private func restoreTerminalFromHandler() {
    restoreBytes.withUnsafeBufferPointer { _ = write(STDOUT_FILENO, $0.baseAddress, restoreCount) }
    if haveSavedModes { tcsetattr(STDIN_FILENO, TCSADRAIN, &savedModes) }
}

extension Terminal {
    /// The signal asking to stop, if one came: the loop checks it between keys.
    public static var pendingStop: Int32? { stopSignal == 0 ? nil : stopSignal }

    /// Signals that end a program by default; each asks the screen to stop.
    static let stopSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                              SIGXCPU, SIGXFSZ, SIGPWR, SIGSTKFLT, SIGIO]
    /// Signals of a crash.
    static let fatalSignals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS]

    /// Saves the terminal's modes; call before ncurses changes them.
    static func saveModes() {
        haveSavedModes = tcgetattr(STDIN_FILENO, &savedModes) == 0
    }

    /// Installs the handlers, with the bytes that restore the terminal.
    ///
    /// A stop signal sets a flag the loop sees within a key timeout; if the
    /// loop does not answer within a second and a half (busy with long
    /// work), or a second signal comes, the terminal is restored and the
    /// program ends there. Everything acknowledged is already on disk.
    /// A crash restores the terminal, sends the runtime's backtrace to a
    /// report file (never onto the screen, never waiting for a key), says
    /// where it is in one line, and ends as the crash would.
    static func installSignalHandlers(crashReport: String?) {
        restoreCount = restoreBytes.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                Int(rapport_restore_sequence($0, Int32(buf.count)))
            }
        }
        if let crashReport {
            crashReportPath = strdup(crashReport)
            crashLine = strdup("rapport: crashed; the terminal was restored and everything saved is safe; the report is in \(crashReport)\n")
        }
        var wanted = sigset_t()
        sigemptyset(&wanted)
        // A parent may have left these blocked (a test runner, a job control
        // wrapper): resize and stop signals must reach the screen.
        for sig in stopSignals + [SIGWINCH] { sigaddset(&wanted, sig) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        for sig in stopSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                if stopSignal != 0 {   // asked twice: stop now
                    restoreTerminalFromHandler()
                    _exit(128 + stopSignal)
                }
                stopSignal = sig
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        for sig in fatalSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { sig, info, context in
                restoreTerminalFromHandler()
                if let path = crashReportPath {
                    let report = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
                    if report >= 0 { dup2(report, STDOUT_FILENO) }
                    let null = open("/dev/null", O_RDONLY)
                    if null >= 0 { dup2(null, STDIN_FILENO) }
                    if report >= 0, let line = crashLine { _ = write(STDERR_FILENO, line, strlen(line)) }
                }
                // The runtime's backtracer writes its report, then the crash
                // takes its default course: it must end the program even when
                // the backtracer returns (as it does for a signal sent by kill).
                if let before = previousActions[Int(sig)] {
                    if before.sa_flags & SA_SIGINFO != 0, let handler = before.__sigaction_handler.sa_sigaction {
                        handler(sig, info, context)
                    } else if let handler = before.__sigaction_handler.sa_handler,
                              unsafeBitCast(handler, to: Int.self) > 1 {   // not SIG_DFL (0) or SIG_IGN (1)
                        handler(sig)
                    }
                }
                signal(sig, SIG_DFL)
                var only = sigset_t()
                sigemptyset(&only)
                sigaddset(&only, sig)
                pthread_sigmask(SIG_UNBLOCK, &only, nil)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO
            var before = sigaction()
            sigaction(sig, &action, &before)
            previousActions[Int(sig)] = before
        }
        startWatchdog()
    }

    /// Ends the program if a stop signal goes unanswered: the loop may be
    /// stuck in long work, and the person at the terminal asked to stop.
    private static func startWatchdog() {
        Thread.detachNewThread {
            var seenAt: Date?
            while true {
                usleep(100_000)
                guard stopSignal != 0 else { continue }
                if let seenAt, Date().timeIntervalSince(seenAt) > 1.5 {
                    restoreTerminalFromHandler()
                    _exit(128 + stopSignal)
                }
                if seenAt == nil { seenAt = Date() }
            }
        }
    }
}
