import RapportCore

/// The four panes.
public enum Pane: Int, CaseIterable, Sendable {
    case funnel, dossier, mood, followUps

    /// The pane's name in the catalogue's language.
    public func title(_ t: Catalogue) -> String { t("pane.\(self)") }
}

/// The incremental customer search opened by `/`.
public struct SearchState: Sendable {
    public var query = LineEditor()
    public var hits: [CustomerID] = []
    public var selected = 0

    /// The last line offers a new customer: with this number when digits
    /// were typed (an unknown caller), else with this name.
    public var offer: (name: String, phone: String)? {
        let q = query.text.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return nil }
        let digits = q.filter { $0.isASCII && $0.isNumber }.count
        if digits >= 3, q.allSatisfy({ ($0.isASCII && $0.isNumber) || " +-().".contains($0) }) { return ("", q) }
        return (q, "")
    }
}

/// What covers the panes for a moment.
public enum Overlay: Sendable {
    case help
    case search(SearchState)
    case command(LineEditor)
    case form(Form)
    /// A one-line question on the status line: `y` carries out the effect.
    case confirm(Confirmation)
}

/// A question answered with y or n, and what `y` does.
public struct Confirmation: Sendable {
    public let question: String
    public let effect: Effect
}

/// A line for the status bar.
public struct StatusNote: Equatable, Sendable {
    public let text: String
    public let isError: Bool
}

/// Everything the screen shows, and where the user is in it.
public struct AppState: Sendable {
    public var data: ScreenData
    /// The log file shown in the status line.
    public let source: String
    /// Who is acting (`:user` changes it).
    public var actor: String
    /// The follow-up pane shows everyone's follow-ups, not only the actor's.
    public var everyonesQueue: Bool { data.queueOwner == nil }
    /// The dossier was opened from a search (a caller found by number): a call
    /// logged now is inbound.
    public var arrivedBySearch = false
    /// After saving the form open now, the queue's selection moves on.
    public var advanceQueueOnSave = false
    /// What the last save created, to show once the new data holds it.
    public var toReveal: EntityRef?
    /// The manager's segment views, when shown instead of the panes.
    public var views: ViewsState?
    /// The views built for the data shown, by name.
    public var reports: [String: ManagerReport] = [:]
    public var width: Int, height: Int
    public var focus: Pane = .funnel
    /// The language every text of the screen is in (`:lang` changes it).
    public var language: Language = .en
    /// The texts of that language.
    public var text: Catalogue { Catalogue.of(language) }
    /// A term in the screen's language.
    func word<T: Term>(_ term: T) -> String { term.label(language) }
    /// A term with its Chinese beside it in English (`large 大`), in Chinese alone.
    func both<T: Term>(_ term: T) -> String { language == .zh ? term.chinese : "\(term.english) \(term.chinese)" }
    /// Where the funnel board's selection is.
    public var funnel = FunnelPane.State()
    /// Where the follow-up queue's selection is.
    public var queue = QueuePane.State()
    public var dossierScroll = 0, moodScroll = 0, helpScroll = 0
    /// The customer shown in the dossier and mood panes.
    public var customer: CustomerID?
    public var timeline: [TimelineEntry] = []
    public var overlay: Overlay?
    public var status: StatusNote?
    /// A problem that lasts until the program clears it; shown when `status` is empty.
    public var alert: String?
    /// Long work under way, if any.
    public var progress: WorkProgress?
    public var searchIndex: SearchIndex?
    public var themeName: String
    public var keyMap = KeyMap.standard
    /// A demo is being written (the welcome screen says so).
    public var writingDemo = false

    public init(data: ScreenData, source: String, actor: String, width: Int, height: Int, themeName: String = "default",
                language: Language = .en) {
        self.data = data
        self.language = language
        self.source = source
        self.actor = actor
        self.width = width
        self.height = height
        self.themeName = themeName
        funnel.stage = data.funnel.columns.firstIndex { $0.count > 0 } ?? 0
    }

    /// The log holds no customer yet: the welcome screen shows.
    public var isEmpty: Bool { data.state.customers.isEmpty && data.asOf == nil }

    /// The deal selected on the funnel board.
    public var selectedDeal: Deal? {
        let columns = data.funnel.columns
        guard columns.indices.contains(funnel.stage) else { return nil }
        let deals = columns[funnel.stage].deals
        return deals.indices.contains(funnel.row) ? deals[funnel.row] : nil
    }

    /// The item selected in the follow-up queue.
    public var selectedQueueItem: FollowUpQueue.Item? {
        data.queue.items.indices.contains(queue.row) ? data.queue.items[queue.row] : nil
    }
}
