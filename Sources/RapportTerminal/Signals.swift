import CNcursesw
import CSignalSafe
import Foundation
import RapportCore

/// The screen's signal handling. The handlers themselves are in C
/// (`CSignalSafe`): a handler may only call async-signal-safe functions and
/// write bytes prepared in advance, never ncurses or Swift code.
extension Terminal {
    /// The signal asking to stop, if one came: the loop checks it between keys.
    public static var pendingStop: Int32? {
        let signal = rapport_signals_pending_stop()
        return signal == 0 ? nil : signal
    }

    /// Signals that end a program by default; each asks the screen to stop.
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                              SIGXCPU, SIGXFSZ, SIGPWR, SIGSTKFLT, SIGIO]
    /// Signals of a crash.
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS]

    /// Prepares what the handlers write and installs them; call after
    /// `initscr` (the restoring bytes come from the terminal's description)
    /// with the modes from before ncurses changed them.
    ///
    /// A stop signal sets a flag the loop sees within a key timeout; if the
    /// loop does not answer within a second and a half (busy with long
    /// work), or a second signal comes, the terminal is restored and the
    /// program ends there. Everything acknowledged is already on disk.
    /// A crash restores the terminal, sends the runtime's backtrace to a
    /// report file (never onto the screen, never waiting for a key), says
    /// where it is in one line, and ends as the crash would.
    static func installSignalHandlers(crashReport: String?) {
        var restore = [CChar](repeating: 0, count: 256)
        let count = rapport_restore_sequence(&restore, Int32(restore.count))
        // Worded now: the handler may only write bytes prepared in advance.
        let line = crashReport.map { say("log.terminal.crashed", $0) + "\n" }
        rapport_signals_prepare(restore, count, crashReport, line)
        rapport_signals_install(stopSignals, Int32(stopSignals.count), fatalSignals, Int32(fatalSignals.count))
        startWatchdog()
    }

    /// Ends the program if a stop signal goes unanswered: the loop may be
    /// stuck in long work, and the person at the terminal asked to stop.
    private static func startWatchdog() {
        Thread.detachNewThread {
            var seenAt: Date?
            while true {
                usleep(100_000)
                let signal = rapport_signals_pending_stop()
                guard signal != 0 else { continue }
                if let seenAt, Date().timeIntervalSince(seenAt) > 1.5 {
                    rapport_signals_restore_terminal()
                    _exit(128 + signal)
                }
                if seenAt == nil { seenAt = Date() }
            }
        }
    }
}
