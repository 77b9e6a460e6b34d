// catalogue: not yet moved (issue 16)
import CNcursesw
import Glibc

/// Whether the screen can run here, checked before anything touches the terminal.
public enum TerminalCheck {
    /// Sets a UTF-8 locale: the user's, else C.UTF-8 (wide text needs one).
    public static func setUTF8Locale() {
        if setlocale(LC_ALL, "") == nil || String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            _ = setlocale(LC_ALL, "C.UTF-8")
        }
    }

    /// One line saying why the screen cannot run, and how to fix it; nil when it can.
    public static func problem(term: String?) -> String? {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            return "the screen needs a terminal, and stdin or stdout is not one; run rapport in a terminal, or use a subcommand (rapport --help)"
        }
        guard let term, !term.isEmpty else {
            return "TERM is not set, so the screen cannot draw; set it (e.g. export TERM=xterm-256color) or use a subcommand (rapport --help)"
        }
        guard rapport_term_can_draw(term) == 1 else {
            return "TERM=\(term) cannot move the cursor or clear the screen; set TERM to your terminal's type (e.g. xterm-256color) or use a subcommand (rapport --help)"
        }
        return nil
    }
}
