/// How each named style looks: colours and attributes, read from a theme file.
public struct Theme: Equatable, Sendable {
    /// A terminal colour: the terminal's own default, or an index 0–255.
    public enum Color: Equatable, Hashable, Sendable {
        case terminalDefault
        case index(Int)
    }

    /// A text attribute.
    public enum Attribute: String, CaseIterable, Sendable {
        case bold, dim, underline, reverse, italic, standout
    }

    /// The look of one style.
    public struct Look: Equatable, Hashable, Sendable {
        public var foreground: Color = .terminalDefault
        public var background: Color = .terminalDefault
        public var attributes: Set<Attribute> = []
        public init(foreground: Color = .terminalDefault, background: Color = .terminalDefault, attributes: Set<Attribute> = []) {
            self.foreground = foreground; self.background = background; self.attributes = attributes
        }
    }

    public var name: String
    public private(set) var looks: [Style: Look]

    /// A theme where every style not named looks like `base` says.
    public init(name: String, looks: [Style: Look] = [:]) {
        self.name = name
        self.looks = Theme.base.merging(looks) { $1 }
    }

    public func look(_ style: Style) -> Look { looks[style] ?? Look() }

    /// Whether any style uses a colour (a `mono` theme uses none).
    public var usesColor: Bool {
        looks.values.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault }
    }

    /// The same theme for a terminal with only 8 colours: each colour becomes the nearest of the 8.
    public func limited(toColors count: Int) -> Theme {
        guard count < 256 else { return self }
        var t = self
        t.looks = looks.mapValues { look in
            var l = look
            l.foreground = Theme.nearestBasic(look.foreground, colors: count)
            l.background = Theme.nearestBasic(look.background, colors: count)
            return l
        }
        return t
    }

    /// Without colour: attributes only.
    public var withoutColor: Theme {
        var t = self
        t.looks = looks.mapValues { Look(attributes: $0.attributes) }
        return t
    }

    // MARK: - Built in

    /// What every style looks like when a theme does not say: attributes only,
    /// so that the screen is legible on any terminal (it is also `mono`'s basis).
    public static let base: [Style: Look] = {
        var looks: [Style: Look] = [:]
        let bold: [Style] = [.title, .borderFocused, .header, .key, .stageBottom, .followUpOverdue, .error, .warning, .moodRising]
        for s in bold { looks[s] = Look(attributes: [.bold]) }
        for s: Style in [.dim, .border, .stale, .followUpSuggested, .barEmpty, .moodComplacent] { looks[s] = Look(attributes: [.dim]) }
        for s: Style in [.selection, .status, .banner, .bannerAsOf] { looks[s] = Look(attributes: [.reverse]) }
        looks[.followUpToday] = Look(attributes: [.underline])
        return looks
    }()

    /// The theme used when no file can be read.
    public static let builtIn = Theme(name: "built-in")

    // MARK: - 8 colours

    private static func nearestBasic(_ c: Color, colors: Int) -> Color {
        guard case .index(let i) = c, i >= 8 else { return c }
        if colors < 8 { return .terminalDefault }
        if i < 16 { return .index(i - 8) }
        let (r, g, b) = rgb(i)
        let basic: [(Int, Int, Int)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)]
        var best = 0, bestDistance = Int.max
        for (n, (br, bg, bb)) in basic.enumerated() {
            let d = (r - br) * (r - br) + (g - bg) * (g - bg) + (b - bb) * (b - bb)
            if d < bestDistance { best = n; bestDistance = d }
        }
        return .index(best)
    }

    /// The RGB of a 256-colour index from 16 up: the 6×6×6 cube, then the grey ramp.
    private static func rgb(_ i: Int) -> (Int, Int, Int) {
        if i >= 232 { let v = 8 + (i - 232) * 10; return (v, v, v) }
        let n = i - 16, steps = [0, 95, 135, 175, 215, 255]
        return (steps[n / 36], steps[n / 6 % 6], steps[n % 6])
    }
}
