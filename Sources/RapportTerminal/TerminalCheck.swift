import CNcursesw
import Glibc
import RapportCore

/// Whether the screen can run here, checked before anything touches the terminal.
public enum TerminalCheck {
    /// Sets a UTF-8 locale: the user's, else C.UTF-8 (wide text needs one).
    public static func setUTF8Locale() {
        if setlocale(LC_ALL, "") == nil || String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {   // catalogue: not text
            _ = setlocale(LC_ALL, "C.UTF-8")   // catalogue: not text
        }
    }

    /// One line saying why the screen cannot run, and how to fix it; nil when it can.
    public static func problem(term: String?) -> String? {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            return say("log.terminal.notATerminal")
        }
        guard let term, !term.isEmpty else {
            return say("log.terminal.noTerm")
        }
        guard rapport_term_can_draw(term) == 1 else {
            return say("log.terminal.cannotDraw", term)
        }
        return nil
    }
}
