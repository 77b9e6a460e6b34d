/// Where things go on a screen of a given size.
public struct Layout: Equatable, Sendable {
    /// Below this the screen says it is too small.
    public static let minimumWidth = 60, minimumHeight = 16
    /// From this size all four panes show at once.
    public static let allPanesWidth = 120, allPanesHeight = 32

    public enum Mode: Equatable, Sendable {
        case tooSmall
        /// One pane at a time under a row of tabs.
        case single
        /// All four panes.
        case all
    }

    public let mode: Mode
    public let banner: Rect?
    public let tabs: Rect?
    public let status: Rect
    /// The frame of each pane that is shown.
    public let panes: [Pane: Rect]

    public init(width: Int, height: Int, focus: Pane, asOf: Bool) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        guard width >= Layout.minimumWidth, height >= Layout.minimumHeight else {
            mode = .tooSmall; banner = nil; tabs = nil; panes = [:]
            status = screen.row(max(0, height - 1))
            return
        }
        var body = screen
        status = screen.row(height - 1)
        body.height -= 1
        if asOf {
            let (top, rest) = body.splitTop(1)
            banner = top
            body = rest
        } else {
            banner = nil
        }
        if width >= Layout.allPanesWidth, height >= Layout.allPanesHeight {
            mode = .all
            tabs = nil
            let (left, right) = body.splitLeft(width * 3 / 5)
            let (funnel, queue) = left.splitTop(left.height * 11 / 20)
            let (dossier, mood) = right.splitTop(right.height * 11 / 20)
            panes = [.funnel: funnel, .followUps: queue, .dossier: dossier, .mood: mood]
        } else {
            mode = .single
            let (top, rest) = body.splitTop(1)
            tabs = top
            panes = [focus: rest]
        }
    }

    /// Rows available for list items inside a pane's frame (less its header rows).
    public func listRows(_ pane: Pane, header: Int = 0) -> Int {
        max(1, (panes[pane]?.height ?? 3) - 2 - header)
    }
}
