/// A named style: what a cell means, not how it looks. Themes map names to colours.
public enum Style: String, CaseIterable, Sendable {
    case normal, dim, title, border
    case borderFocused = "border.focused"
    case selection, header, key, accent, warning, error
    case status, banner
    case bannerAsOf = "banner.asof"
    case stageTop = "stage.top"
    case stageMiddle = "stage.middle"
    case stageBottom = "stage.bottom"
    case stale
    case followUpOverdue = "followup.overdue"
    case followUpToday = "followup.today"
    case followUpSuggested = "followup.suggested"
    case moodRising = "mood.rising"
    case moodFalling = "mood.falling"
    case moodCalm = "mood.calm"
    case moodComplacent = "mood.complacent"
    case barFilled = "bar.filled"
    case barEmpty = "bar.empty"
}
