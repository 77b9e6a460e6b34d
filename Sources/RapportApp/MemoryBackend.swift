import RapportUI

/// A terminal in memory, for tests: keys queued in, Canvases kept.
public final class MemoryBackend: TerminalBackend {
    public var size: (width: Int, height: Int)
    /// What was drawn last.
    public private(set) var screen: Canvas?
    /// How many frames were drawn.
    public private(set) var frames = 0
    /// Keys (and resizes) still to be read.
    public var input: [TerminalInput] = []
    public var pendingStop: Int32?
    /// The theme applied last.
    public private(set) var theme: Theme?

    public init(width: Int, height: Int) { size = (width, height) }

    public func draw(_ canvas: Canvas) {
        screen = canvas
        frames += 1
    }

    public func read(milliseconds: Int) -> TerminalInput {
        guard !input.isEmpty else { return .timeout }
        let next = input.removeFirst()
        if case .resize(let w, let h) = next { size = (w, h) }
        return next
    }

    public func apply(_ theme: Theme) { self.theme = theme }

    /// Queues keys to be read.
    public func press(_ keys: Key...) { input += keys.map(TerminalInput.key) }

    /// Queues text to be typed, one character at a time.
    public func type(_ text: String) { input += text.map { .key(.char($0)) } }

    /// The lines shown, trailing blanks removed.
    public var lines: [String] { screen?.lines ?? [] }
}
