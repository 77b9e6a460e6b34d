import CNcursesw
import Glibc

/// The signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP), or 0.
nonisolated(unsafe) private var stopSignal: Int32 = 0
/// What fatal signals did before (the Swift runtime's backtracer), to hand them on.
nonisolated(unsafe) private var previousActions: [sigaction?] = Array(repeating: nil, count: 65)

extension Terminal {
    /// The signal asking to stop, if one came: the loop checks it between keys.
    public static var pendingStop: Int32? { stopSignal == 0 ? nil : stopSignal }

    /// Stop signals set a flag the loop sees within one key timeout; fatal
    /// signals restore the terminal first, then take the course they had before.
    static func installSignalHandlers() {
        // A parent may have left these blocked (a test runner, a job control
        // wrapper): resize and stop signals must reach the screen.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&wanted, sig) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { stopSignal = $0 }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                endwin()
                if var before = previousActions[Int(sig)] { sigaction(sig, &before, nil) } else { signal(sig, SIG_DFL) }
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            var before = sigaction()
            sigaction(sig, &action, &before)
            previousActions[Int(sig)] = before
        }
    }
}
