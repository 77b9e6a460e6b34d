import Foundation
import RapportCore
import RapportUI

/// The screen's loop: keys in, Canvases out, effects carried out between.
/// Keys typed in a burst are all handled before one redraw, so key repeat
/// never queues frames.
public final class ScreenLoop {
    public private(set) var app: AppState
    public let effects: Effects
    private let backend: TerminalBackend

    public init(app: AppState, effects: Effects, backend: TerminalBackend) {
        self.app = app
        self.effects = effects
        self.backend = backend
    }

    /// Runs until quit, the input closes, or a stop signal; returns the signal, if one stopped it.
    public func run(notice: String?) -> Int32? {
        start(notice: notice)
        while true {
            if let signal = backend.pendingStop { return signal }
            switch step(wait: 100) {
            case .quit: return nil
            case .drawn, .idle: continue
            }
        }
    }

    /// Shows the first frame (with `notice` on the status line), and starts
    /// building the search index beside the loop.
    public func start(notice: String? = nil) {
        if let notice { _ = app.update(.notice(notice, isError: true)) }
        _ = effects.perform(app.start())
        backend.draw(app.view())
        effects.buildSearchIndex()
    }

    /// What one turn of the loop came to.
    public enum Turn { case quit, drawn, idle }

    /// One turn: the keys already typed (waiting up to `wait` ms for the
    /// first), then the answers of effects; draws once if anything changed.
    /// After a save the keys wait, unread, until the data showing it arrives
    /// (see `Effects.holdsKeys`); the frame saying it was saved comes first.
    @discardableResult
    public func step(wait: Int) -> Turn {
        var changed = false
        var input: TerminalInput = .timeout
        if effects.holdsKeys {
            usleep(useconds_t(min(wait, 2) * 1000))
        } else {
            input = backend.read(milliseconds: wait)
        }
        while true {
            switch input {
            case .closed: return .quit
            case .timeout: break
            case .resize(let w, let h):
                changed = true
                if apply(.resize(width: w, height: h)) { return .quit }
            case .key(let k):
                changed = true
                if apply(.key(k)) { return .quit }
            }
            if case .timeout = input { break }
            if effects.holdsKeys { break }
            input = backend.read(milliseconds: 0)
        }
        for message in effects.take() {
            changed = true
            if apply(message) { return .quit }
        }
        guard changed else { return .idle }
        backend.draw(app.view())
        return .drawn
    }

    /// Applies a message and carries out its effects; true when the user quit.
    ///
    /// New data or a new search index replaces the old, and freeing the old
    /// board, queue and state chunks of a large log takes tens of
    /// milliseconds; the old is handed to another thread to free.
    private func apply(_ message: Message) -> Bool {
        defer { Language.choose(app.language) }
        switch message {
        case .data, .searchReady:
            let old = (app.data, app.searchIndex)
            defer { Self.freeBeside(old) }
            return effects.perform(app.update(message))
        default:
            return effects.perform(app.update(message))
        }
    }

    /// Drops `value` on another thread a moment from now, once the loop's
    /// own references to it are gone, so that the last release is there.
    private static func freeBeside<T: Sendable>(_ value: T) {
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 0.1) { withExtendedLifetime(value) {} }
    }
}
