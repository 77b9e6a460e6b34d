/// What reading the keyboard gave.
public enum TerminalInput: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Nothing within the time allowed.
    case timeout
    /// The input is gone (stdin closed): time to leave.
    case closed
}

/// Where the screen is shown and keys come from: ncurses in the program,
/// memory in tests. The loop only draws Canvases and reads keys through it.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Shows `canvas`.
    func draw(_ canvas: Canvas)
    /// Waits up to `milliseconds` for a key (0: just looks).
    func read(milliseconds: Int) -> TerminalInput
    /// Uses `theme` from now on.
    func apply(_ theme: Theme)
    /// The signal that asked the program to stop, if one came.
    var pendingStop: Int32? { get }
}
