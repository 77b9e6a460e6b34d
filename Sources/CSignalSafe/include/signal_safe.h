// Signal handlers for the screen, in C so that nothing inside a handler
// touches the Swift runtime: every byte they write is prepared in advance,
// and they call only async-signal-safe functions (write, tcsetattr, open,
// dup2, sigaction, raise, _exit).
#ifndef RAPPORT_SIGNAL_SAFE_H
#define RAPPORT_SIGNAL_SAFE_H

/// Saves the terminal's modes from standard input, for the handlers to put
/// back. Call before anything changes them.
void rapport_signals_save_modes(void);

/// Copies what the handlers will need: the bytes that restore the terminal,
/// the report file for a crash (or NULL), and the line that says where it is.
void rapport_signals_prepare(const char *restore, int restore_length,
                             const char *crash_report, const char *crash_line);

/// Installs the handlers: each of `stops` asks the loop to stop (a second one
/// restores the terminal and ends at once); each of `fatals` restores the
/// terminal, sends the runtime's report to the crash file and ends as the
/// crash would. Unblocks `stops` and SIGWINCH, which a parent may have blocked.
void rapport_signals_install(const int *stops, int stop_count, const int *fatals, int fatal_count);

/// The signal that asked the program to stop, or 0.
int rapport_signals_pending_stop(void);

/// Gives the terminal back as it was, with async-signal-safe calls only.
void rapport_signals_restore_terminal(void);

#endif
