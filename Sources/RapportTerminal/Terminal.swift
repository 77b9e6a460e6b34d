import CNcursesw
import CSignalSafe
import Glibc
import RapportUI

/// The terminal, through ncursesw: draws Canvases, reads keys, restores itself on every way out.
public final class Terminal: TerminalBackend {
    public typealias Input = TerminalInput

    private var drawn: Canvas?
    private var attributesByStyle: [Style: (attr_t, Int16)] = [:]
    private var consecutiveErrors = 0

    /// Takes over the terminal. Call `TerminalCheck.problem` first. A crash
    /// writes its report to `crashReport` (never onto the screen).
    public init(theme: Theme, crashReport: String?) {
        rapport_signals_save_modes()
        initscr()
        Terminal.installSignalHandlers(crashReport: crashReport)
        cbreak()
        Terminal.stopFlowControl()
        noecho()
        nonl()
        keypad(rapport_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        apply(theme)
    }

    deinit { restore() }

    public var pendingStop: Int32? { Terminal.pendingStop }

    /// Gives the terminal back as it was.
    public func restore() {
        if isendwin() == false { endwin() }
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(rapport_stdscr())), Int(getmaxy(rapport_stdscr())))
    }

    /// How many colours the terminal has (0 without colour).
    public var colors: Int { has_colors() ? Int(rapport_colors()) : 0 }

    /// Maps each named style to a colour pair and attributes; redraws everything.
    public func apply(_ theme: Theme) {
        let fitted = colors == 0 ? theme.withoutColor : theme.limited(toColors: colors)
        attributesByStyle = [:]
        for (n, style) in Style.allCases.enumerated() {
            let look = fitted.look(style)
            var pair: Int16 = 0
            if colors > 0, Int(rapport_color_pairs()) > n + 1 {
                pair = Int16(n + 1)
                init_pair(pair, Terminal.number(look.foreground), Terminal.number(look.background))
            }
            attributesByStyle[style] = (Terminal.attributes(look.attributes), pair)
        }
        drawn = nil
    }

    /// Draws the rows of `canvas` that differ from what is on screen.
    public func draw(_ canvas: Canvas) {
        let window = rapport_stdscr()
        let full = drawn == nil || drawn!.width != canvas.width || drawn!.height != canvas.height
        if full { werase(window) }
        for y in 0..<canvas.height {
            if !full, let old = drawn, rowEqual(old, canvas, y) { continue }
            var x = 0
            while x < canvas.width {
                let style = canvas[x, y].style
                var run = "", end = x
                while end < canvas.width, canvas[end, y].style == style {
                    run += canvas[end, y].text
                    end += 1
                }
                let (attrs, pair) = attributesByStyle[style] ?? (rapport_a_normal(), 0)
                wattr_set(window, attrs, pair, nil)
                var wide = run.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
                mvwaddnwstr(window, Int32(y), Int32(x), &wide, Int32(wide.count - 1))
                x = end
            }
        }
        if let cursor = canvas.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        drawn = canvas
    }

    /// Waits up to `milliseconds` for a key (0: just looks).
    public func read(milliseconds: Int) -> Input {
        let window = rapport_stdscr()
        wtimeout(window, Int32(milliseconds))
        var ch: wint_t = 0
        let result = wget_wch(window, &ch)
        if result == ERR {
            // A closed stdin makes get_wch fail at once, forever.
            if milliseconds > 0, isatty(STDIN_FILENO) != 1 || Terminal.inputClosed() { return .closed }
            return .timeout
        }
        if result == KEY_CODE_YES {
            if Int32(ch) == KEY_RESIZE { drawn = nil; return .resize(width: size.width, height: size.height) }
            return Terminal.functionKey(Int32(ch)).map(Input.key) ?? .timeout
        }
        switch ch {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(ch) + 96))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)), ch >= 32 else { return .timeout }
            return .key(.char(Character(scalar)))
        }
    }

    // MARK: - Mapping

    private func rowEqual(_ a: Canvas, _ b: Canvas, _ y: Int) -> Bool {
        for x in 0..<b.width where a[x, y] != b[x, y] { return false }
        return true
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_ENTER: .enter
        case KEY_F0 + 1...KEY_F0 + 24: .function(Int(code - KEY_F0))
        default: nil
        }
    }

    private static func number(_ c: Theme.Color) -> Int16 {
        switch c {
        case .terminalDefault: -1
        case .index(let i): Int16(i)
        }
    }

    private static func attributes(_ set: Set<Theme.Attribute>) -> attr_t {
        var a = rapport_a_normal()
        for attribute in set {
            switch attribute {
            case .bold: a |= rapport_a_bold()
            case .dim: a |= rapport_a_dim()
            case .underline: a |= rapport_a_underline()
            case .reverse: a |= rapport_a_reverse()
            case .italic: a |= rapport_a_italic()
            case .standout: a |= rapport_a_standout()
            }
        }
        return a
    }

    /// Ctrl-S and Ctrl-Q reach the program as keys (Ctrl-S saves a form)
    /// instead of pausing and resuming the terminal's output.
    private static func stopFlowControl() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        def_prog_mode()
    }

    /// Whether stdin has hung up (poll says so without reading).
    private static func inputClosed() -> Bool {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, 0) == 1 && (fd.revents & Int16(POLLHUP | POLLNVAL | POLLERR)) != 0
    }
}
