import Foundation
import RapportCore

extension AppState {
    /// Applies a message; returns what the program must do next. What it
    /// says is worded in the screen's language.
    public mutating func update(_ message: Message) -> [Effect] {
        let language = language
        return Language.$override.withValue(language) { updated(message) }
    }

    private mutating func updated(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            return handle(key)
        case .resize(let w, let h):
            width = w
            height = h
            return []
        case .data(let new):
            return replace(new)
        case .searchReady(let index):
            searchIndex = index
            if case .search(var s) = overlay {
                runSearch(&s)
                overlay = .search(s)
            }
            return []
        case .timeline(let id, let entries):
            if id == customer { timeline = entries }
            return []
        case .themeLoaded(let name, let problem):
            if let problem {
                status = StatusNote(text: problem, isError: true)
            } else {
                themeName = name
                status = StatusNote(text: say("forms.status.theme", name), isError: false)
            }
            return []
        case .notice(let text, let isError):
            if !isError { writingDemo = false }
            status = StatusNote(text: text, isError: isError)
            return []
        case .alert(let text):
            alert = text
            return []
        case .progress(let work):
            progress = work
            return []
        case .performed(let summary, let created):
            return performed(summary, created: created)
        case .refused(let message, let field, let conflict):
            return refused(message, field: field, conflict: conflict)
        case .importPlanned(let preview):
            overlay = .confirm(Confirmation(question: say("forms.confirm.import", preview.batch.origin, preview.summary), effect: .runImport(preview.batch)))
            return []
        case .undoPreview(let what):
            guard let what else { return fail(say("forms.status.nothingToUndo", actor)) }
            overlay = .confirm(Confirmation(question: say("forms.confirm.undo", what), effect: .undo))
            return []
        case .actorChanged(let name):
            actor = name
            status = StatusNote(text: say("forms.status.actingAs", name), isError: false)
            return []
        case .report(let report, let recordCount, let asOf):
            reportBuilt(report, recordCount: recordCount, asOf: asOf)
            return []
        }
    }

    /// The effects to run when the screen first shows.
    public mutating func start() -> [Effect] { followSelection(of: focus == .followUps ? .followUps : .funnel) }

    // MARK: - Data

    private mutating func replace(_ new: ScreenData) -> [Effect] {
        let wasEmpty = isEmpty
        data = new
        reports = [:]   // built again for the new data; the view shown keeps its old figures until then
        writingDemo = false
        let columns = data.funnel.columns
        funnel.keep(within: columns, reset: wasEmpty)
        queue.keep(within: data.queue.items.count)
        let revealed = revealCreated()
        if let id = customer, data.customer(id) != nil { return (revealed.isEmpty ? [.loadTimeline(id)] : revealed) + reportEffects() }
        customer = nil
        return followSelection(of: focus == .followUps ? .followUps : .funnel) + reportEffects()
    }

    // MARK: - Keys

    private mutating func handle(_ key: Key) -> [Effect] {
        status = nil
        switch overlay {
        case .help: return handleHelp(key)
        case .search(var s):
            let effects = handleSearch(key, &s)
            if case .search = overlay { overlay = .search(s) }
            return effects
        case .command(var line):
            if key == .escape { overlay = nil; return [] }
            if key == .enter { overlay = nil; return run(command: line.text) }
            _ = line.edit(key)
            overlay = .command(line)
            return []
        case .form(let form):
            return handleForm(key, form)
        case .confirm(let question):
            overlay = nil
            return key == .char("y") || key == .char("Y") ? [question.effect] : []
        case nil: break
        }
        if let v = views { return handleViews(key, v) }
        let layout = Layout(width: width, height: height, focus: focus, asOf: data.asOf != nil)
        guard let action = keyMap.action(for: key) else { return [] }
        if layout.mode == .tooSmall { return action == .quit ? [.quit] : [] }
        if isEmpty, !writingDemo, case .char(let c) = key, c == "d" {
            writingDemo = true
            return [.writeDemo]
        }
        switch action {
        case .quit: return [.quit]
        case .help: overlay = .help; helpScroll = 0
        case .search:
            overlay = .search(SearchState())
            if searchIndex == nil { status = StatusNote(text: say("forms.status.indexBuilding"), isError: false) }
        case .command: overlay = .command(LineEditor())
        case .nextPane, .previousPane:
            let step = action == .nextPane ? 1 : Pane.allCases.count - 1
            return focus(Pane(rawValue: (focus.rawValue + step) % Pane.allCases.count)!)
        case .funnelPane: return focus(.funnel)
        case .dossierPane: return focus(.dossier)
        case .moodPane: return focus(.mood)
        case .followUpsPane: return focus(.followUps)
        case .cancel:
            if progress != nil { return [.cancelWork] }
            if queue.showReason { queue.showReason = false } else if data.asOf != nil { return [.showAsOf(nil)] }
        case .segments: return toggleViews()
        case .newCustomer, .newDeal, .stageForward, .stageBack, .win, .lose, .logCall, .scheduleFollowUp, .complete, .snooze,
             .moodNote, .personality, .edit, .undo, .add, .toggleQueue:
            return act(action)
        default:
            return move(action, layout)
        }
        return []
    }

    private mutating func focus(_ pane: Pane) -> [Effect] {
        focus = pane
        return []
    }

    private mutating func move(_ action: KeyAction, _ layout: Layout) -> [Effect] {
        switch focus {
        case .funnel:
            if action == .open { return focus(.dossier) }
            funnel.move(action, columns: data.funnel.columns, area: layout.panes[.funnel])
            return followSelection(of: .funnel)
        case .followUps:
            queue.move(action, count: data.queue.items.count, page: layout.listRows(.followUps))
            return followSelection(of: .followUps)
        case .dossier:
            dossierScroll = scroll(dossierScroll, action, .dossier, layout, DossierPane.lines)
        case .mood:
            moodScroll = scroll(moodScroll, action, .mood, layout, MoodPane.lines)
        }
        return []
    }

    /// A text pane's new first line: it stops where the last line reaches the bottom.
    private func scroll(_ position: Int, _ action: KeyAction, _ pane: Pane, _ layout: Layout,
                        _ lines: (AppState, Int) -> [StyledLine]) -> Int {
        let rows = layout.listRows(pane), width = (layout.panes[pane]?.width ?? 2) - 2
        let count = lines(self, width).count
        return Scroll.move(DossierPane.clamped(position, lines: count, rows: rows), action, count: max(1, count - rows + 1), page: rows)
    }

    /// Shows the customer of the selected deal or follow-up in the dossier and mood panes.
    private mutating func followSelection(of pane: Pane) -> [Effect] {
        let id = pane == .funnel ? selectedDeal?.customer : selectedQueueItem?.customer
        guard let id else { return [] }
        arrivedBySearch = false
        return show(customer: id)
    }

    mutating func show(customer id: CustomerID) -> [Effect] {
        guard id != customer else { return [] }
        customer = id
        timeline = []
        dossierScroll = 0
        moodScroll = 0
        return [.loadTimeline(id)]
    }

    // MARK: - Help, search, command line

    private mutating func handleHelp(_ key: Key) -> [Effect] {
        switch keyMap.action(for: key) {
        case .down?: helpScroll += 1
        case .up?: helpScroll = max(0, helpScroll - 1)
        case .pageDown?: helpScroll += 10
        case .pageUp?: helpScroll = max(0, helpScroll - 10)
        default: overlay = nil
        }
        return []
    }

    private mutating func handleSearch(_ key: Key, _ s: inout SearchState) -> [Effect] {
        switch key {
        case .escape:
            overlay = nil
        case .up:
            s.selected = max(0, s.selected - 1)
        case .down, .tab:
            s.selected = min(max(0, s.hits.count - (s.offer == nil ? 1 : 0)), s.selected + 1)
        case .enter:
            guard s.hits.indices.contains(s.selected) || (s.selected == s.hits.count && s.offer != nil) else { return [] }
            if s.selected == s.hits.count, let offer = s.offer {   // the last line: a new customer
                overlay = .form(Forms.newCustomer(data, actor: actor, name: offer.name, phone: offer.phone))
                return []
            }
            let id = s.hits[s.selected]
            overlay = nil
            focus = .dossier
            arrivedBySearch = true
            return show(customer: id)
        default:
            if s.query.edit(key) { runSearch(&s) }
        }
        return []
    }

    /// Most hits a search lists.
    static let searchLimit = 50

    private func runSearch(_ s: inout SearchState) {
        s.selected = 0
        let query = s.query.text.trimmingCharacters(in: .whitespaces)
        guard let index = searchIndex, !query.isEmpty else { s.hits = []; return }
        s.hits = index.search(query, limit: AppState.searchLimit).map(\.customer).filter { data.customer($0) != nil }
    }

    /// Runs a `:` command.
    private mutating func run(command text: String) -> [Effect] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let verb = words.first else { return [] }
        let rest = words.dropFirst().joined(separator: " ")
        switch verb {
        case "theme":
            guard !rest.isEmpty else { return fail(say("forms.usage.theme")) }
            return [.loadTheme(rest)]
        case "asof":
            guard !rest.isEmpty else { return fail(say("forms.usage.asof", When.accepted)) }
            if rest == "now" { return [.showAsOf(nil)] }
            do {
                return [.showAsOf(try Workspace.asOfMoment(try When.parse(rest, at: data.now), at: data.now))]
            } catch {
                return fail(say("forms.asofFailed", "\(error)"))
            }
        case "q", "quit": return [.quit]
        case "help": overlay = .help; helpScroll = 0; return []
        case "user":
            guard !rest.isEmpty else { return fail(say("forms.usage.user", actor)) }
            return [.setActor(rest)]
        case "lang":
            guard let language = Language.parse(rest) else { return fail(self.text("lang.usage")) }
            self.language = language
            status = StatusNote(text: self.text("lang.set"), isError: false)
            return reportEffects()   // an open view is worded again in the new language
        case "import":
            var args = Array(words.dropFirst())
            let policy = args.last.flatMap(DuplicatePolicy.init(rawValue:))
            if policy != nil { args.removeLast() }
            guard !args.isEmpty else { return fail(say("forms.usage.import")) }
            return [.planImport(file: Self.expandingHome(args.joined(separator: " ")), onDuplicate: policy ?? .skip)]
        case "export":
            var args = Array(words.dropFirst())
            let includePrivate = args.last == "private"
            if includePrivate { args.removeLast() }
            guard args.count >= 2, ["csv", "vcard", "json"].contains(args[0]) else {
                return fail(say("forms.usage.export"))
            }
            return [.export(format: args[0], file: Self.expandingHome(args.dropFirst().joined(separator: " ")), includePrivate: includePrivate)]
        default:
            return fail(self.text("command.unknown", verb))
        }
    }
}

extension AppState {
    /// A path with a leading `~/` read as the home directory.
    static func expandingHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }   // catalogue: not text
        return home + path.dropFirst()
    }
}

/// Moving a selection or a scroll position by a key.
enum Scroll {
    static func move(_ position: Int, _ action: KeyAction, count: Int, page: Int) -> Int {
        guard count > 0 else { return 0 }
        let p: Int
        switch action {
        case .up: p = position - 1
        case .down: p = position + 1
        case .pageUp: p = position - page
        case .pageDown: p = position + page
        case .top: p = 0
        case .bottom: p = count - 1
        default: p = position
        }
        return min(max(0, p), count - 1)
    }

    /// The first row shown so that `selection` is visible, a page at a time.
    static func offset(_ selection: Int, rows: Int) -> Int {
        rows > 0 ? selection - selection % rows : 0
    }
}
