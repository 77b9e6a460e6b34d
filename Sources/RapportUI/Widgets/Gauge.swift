import RapportCore

/// Small graphics made of characters: a filled bar, and a strip of mood marks.
public enum Gauge {
    /// A bar of `width` cells filled to `value` out of `maximum`.
    public static func bar(_ value: Int, of maximum: Int, width: Int) -> StyledLine {
        guard width > 0, maximum > 0 else { return [] }
        let filled = min(width, max(0, (value * width + maximum / 2) / maximum))
        return [Span(String(repeating: "█", count: filled), .barFilled),
                Span(String(repeating: "░", count: width - filled), .barEmpty)]
    }

    /// The mark and style of a mood in a time series.
    public static func mark(_ mood: Mood) -> Span {
        switch mood {
        case .rising: Span("▲", .moodRising)
        case .falling: Span("▼", .moodFalling)
        case .calm: Span("●", .moodCalm)
        case .complacent: Span("◆", .moodComplacent)
        }
    }

    /// The style that shows a mood.
    public static func style(_ mood: Mood) -> Style { mark(mood).style }
}
