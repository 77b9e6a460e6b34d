import Foundation
import RapportCore
import RapportUI

/// Carries out what `AppState.update` asks, against the log: timelines
/// read, as-of states folded, the demo written, themes loaded, and what
/// other processes appended picked up. Quick work answers at once; long work
/// (an as-of fold, the demo) runs on a thread of its own and reports its
/// progress, so that keys stay live. The real screen and the tests use it alike.
///
/// Answers are messages, collected until the loop takes them (`take`).
/// Everything but the background work runs on the loop's thread.
public final class Effects: @unchecked Sendable {
    public let workspace: Workspace
    private let themes: ThemeFiles
    private let applyTheme: (Theme) -> Void
    /// The search index and the screen's data (board, queue) are rebuilt
    /// beside the loop after a change, so that a save answers at once.
    private let index = Background<SearchIndex>()
    private let screen = Background<(number: Int, data: ScreenData)>()
    /// The manager's views, built beside the loop as they are opened.
    private let views = Background<Message>()
    /// Pages freed by the data those replace, given back now and then.
    private let freed = FreedMemory()
    /// How many rebuilds of the screen's data were asked for, and the one
    /// that will show this screen's own last save, until it is shown.
    private var rebuilds = 0
    private var awaitedRebuild: Int?
    /// The moment shown, when looking at the past.
    private var asOf: Timestamp?

    private let lock = NSLock()
    /// Answers not yet taken by the loop.
    private var inbox: [Message] = []
    /// The long work under way: while it runs it owns the workspace, and
    /// effects that need the workspace wait for it.
    private var job: Job?
    private var waiting: [Effect] = []

    /// When the log was last checked for what others appended, and the minute then.
    private var lastRefresh = Date.distantPast
    private var minute: Int64 = 0
    /// Whose follow-ups the queue shows (nil: everyone's).
    private var queueOwner: String?
    /// Since when another process has held the log's lock.
    private var lockBusySince: Date?
    private var alert: String?
    /// Whether that alert is about the lock (its passing is then told as the lock freed).
    private var alertIsAboutTheLock = false

    /// How often the log is checked for what other processes appended.
    public var refreshEvery = 0.25
    /// How often, at most, what others appended rebuilds the board, the
    /// queue and the search index: a busy team appending many events a
    /// second is shown once a second, not rebuilt for each.
    private let rebuildEvery = 1.0
    /// Whether others appended since the last rebuild, and when that was.
    private var othersAppended = false
    private var lastRebuildForOthers = Date.distantPast
    /// For tests: long work waits for this before it starts.
    var gate: DispatchSemaphore?

    final class Job: @unchecked Sendable {
        let label: String
        let usesWorkspace: Bool
        private let flag = NSLock()
        private var cancelled = false
        init(label: String, usesWorkspace: Bool) {
            self.label = label
            self.usesWorkspace = usesWorkspace
        }
        var isCancelled: Bool { flag.withLock { cancelled } }
        func cancel() { flag.withLock { cancelled = true } }
    }

    public init(workspace: Workspace, themes: ThemeFiles, applyTheme: @escaping (Theme) -> Void) {
        self.workspace = workspace
        self.themes = themes
        self.applyTheme = applyTheme
        minute = workspace.time.now.milliseconds / 60_000
    }

    /// Whether long work holds the workspace now.
    public var isBusy: Bool { lock.withLock { job?.usesWorkspace ?? false } }

    /// Whether long work is under way, or answers wait to be taken.
    public var isWorking: Bool { !screen.isIdle || !views.isIdle || lock.withLock { job != nil || !inbox.isEmpty } }

    /// The data to show first: the queue holds the actor's own follow-ups
    /// when they have any, else everyone's.
    public func initialData() -> ScreenData {
        let actor = workspace.actor
        queueOwner = workspace.state.liveFollowUps.contains { $0.isOpen && $0.owner == actor } ? actor : nil
        return present()
    }

    /// The data of the present moment, with the queue of `queueOwner`.
    func present() -> ScreenData {
        ScreenData(state: workspace.state, now: workspace.time, queueOwner: queueOwner)
    }

    /// Starts building the search index beside the loop (reading it from the
    /// checkpoint when the state is still the one saved there).
    public func buildSearchIndex() {
        let state = workspace.state, saved = workspace.savedSearchIndex
        index.request { saved?() ?? SearchIndex(state) }
    }

    /// Starts building the data of the present moment beside the loop; it is
    /// shown unless the screen looks at the past by then.
    private func rebuildScreen() {
        let state = workspace.state, now = workspace.time, owner = queueOwner
        rebuilds += 1
        let number = rebuilds
        screen.request { (number, ScreenData(state: state, now: now, queueOwner: owner)) }
    }

    /// Whether keys should wait: this screen saved, and the board and queue
    /// that show it are still being built. Keys typed ahead of them are meant
    /// for the data after the save (`Ctrl-S` then `d` adds a deal to the
    /// customer just added), so the loop holds them back meanwhile.
    public var holdsKeys: Bool { awaitedRebuild != nil }

    // MARK: - Carrying out

    /// Carries out `effects`; true when the user quit.
    public func perform(_ effects: [Effect]) -> Bool {
        for effect in effects {
            if case .quit = effect { return true }
            if needsWorkspace(effect), isBusy {
                lock.withLock { waiting.append(effect) }
                continue
            }
            carryOut(effect)
        }
        return false
    }

    private func needsWorkspace(_ effect: Effect) -> Bool {
        switch effect {
        case .loadTimeline, .writeDemo, .showAsOf, .perform, .previewUndo, .undo, .setActor, .showQueue,
             .planImport, .runImport, .export: true
        case .quit, .loadTheme, .cancelWork, .buildReport: false
        }
    }

    private func carryOut(_ effect: Effect) {
        switch effect {
        case .quit:
            break
        case .loadTheme(let name):
            switch themes.load(name) {
            case .success(let theme):
                applyTheme(theme)
                post(.themeLoaded(name: name, problem: nil))
            case .failure(let e):
                post(.themeLoaded(name: name, problem: e.text))
            }
        case .loadTimeline(let id):
            guard let c = workspace.state.customer(id) else { return }
            do {
                var entries = try workspace.timeline(of: c, limit: 200)
                if let asOf = lock.withLock({ asOf }) { entries = entries.filter { $0.time <= asOf } }
                post(.timeline(id, entries))
            } catch {
                post(.notice(say("forms.effects.timelineUnreadable", id, "\(error)"), isError: true))
            }
        case .showAsOf(nil):
            cancelJob()
            lock.withLock { asOf = nil }
            rebuildScreen()
        case .showAsOf(let moment?):
            showAsOf(moment)
        case .writeDemo:
            writeDemo()
        case .cancelWork:
            cancelJob()
        case .perform(let action, let since, let subject):
            write { try self.workspace.perform(action, unchangedSince: since, subject: subject) }
        case .previewUndo:
            do {
                post(.undoPreview(try workspace.lastAction()))
            } catch {
                post(.notice("\(error)", isError: true))
            }
        case .undo:
            write { try self.workspace.undoLast() }
        case .setActor(let name):
            let wasMine = queueOwner != nil
            workspace.store.actor = name
            if wasMine { queueOwner = name }
            post(.actorChanged(name))
            rebuildScreen()
        case .buildReport(let name, let data):
            // Worded in the language of the moment the view was asked for, not the program's when the thread runs.
            let language = Language.reading
            views.request {
                Language.$override.withValue(language) { () -> Message in
                    let report = (try? ManagerReport.make(name, data.state, at: data.time, ReportOptions()))
                        ?? ManagerReport(name: name, title: name, scope: "", tables: [])
                    return .report(report, recordCount: data.state.recordCount, asOf: data.asOf)
                }
            }
        case .planImport(let file, let policy):
            planImport(file, policy)
        case .runImport(let batch):
            runImport(batch)
        case .export(let format, let file, let includePrivate):
            export(format, file, includePrivate: includePrivate)
        case .showQueue(let everyone):
            queueOwner = everyone ? nil : workspace.actor
            rebuildScreen()
            post(.notice(everyone ? say("forms.effects.queueEveryone") : say("forms.effects.queueMine", workspace.actor), isError: false))
        }
    }

    /// Writes, as the command line would, and says how it went: at once that
    /// it was saved (the new board and queue follow from `rebuildScreen`);
    /// on refusal, why (with the field it is about), the form keeping what
    /// was typed. Nothing half-written either way.
    private func write(_ body: () throws -> ActionOutcome) {
        do {
            let outcome = try body()
            post(.performed(([outcome.summary] + outcome.warnings.map { "⚑ " + $0 }).joined(separator: " · "), created: outcome.created))
            rebuildScreen()
            awaitedRebuild = rebuilds
            buildSearchIndex()
        } catch let e as InputError {
            post(.refused(e.description + AppState.words(e.hint), field: e.field, conflict: false))
        } catch let e as ConflictError {
            post(.refused(e.description, field: nil, conflict: true))
            rebuildScreen()   // what changed, for Ctrl-R to reload
        } catch {
            post(.refused(say("forms.effects.notSaved", "\(error)"), field: nil, conflict: false))
        }
    }

    /// Folds the log as of `moment` on a thread of its own, reading through
    /// a store of its own; the screen shows it when done.
    private func showAsOf(_ moment: Timestamp) {
        cancelJob()
        let path = workspace.store.path, now = workspace.time
        let label = say("forms.effects.folding", now.format(moment))
        start(Job(label: label, usesWorkspace: false)) { job in
            let state = try Workspace.state(of: path, asOf: moment, progress: { share in
                self.post(.progress(WorkProgress(label, fraction: share)))
            }, isCancelled: { job.isCancelled })
            guard let state else { return .notice(say("forms.effects.foldStopped", now.format(moment)), isError: false) }
            self.lock.withLock { self.asOf = moment }
            return .data(ScreenData(state: state, now: now, asOf: moment))
        }
    }

    /// Writes the demo business on a thread of its own (it owns the workspace meanwhile).
    private func writeDemo() {
        let label = say("forms.effects.writingDemo")
        start(Job(label: label, usesWorkspace: true)) { _ in
            let summary = try DemoBusiness.write(into: self.workspace, customers: 300, seed: 1) { done, total in
                self.post(.progress(WorkProgress(label, fraction: Double(done) / Double(max(1, total)))))
            }
            self.post(.data(self.present()))
            self.buildSearchIndex()
            return .notice(say("forms.effects.wroteDemo", summary.customers, Format.grouped(summary.records)), isError: false)
        }
    }

    func start(_ job: Job, _ work: @escaping @Sendable (Job) throws -> Message) {
        lock.withLock { self.job = job }
        post(.progress(WorkProgress(job.label)))
        let gate = self.gate
        // The work words what it reports in the language of the moment it was asked for.
        let language = Language.reading
        Thread.detachNewThread {
            BesideTheLoop.lowerPriority()
            gate?.wait()
            let answer = Language.$override.withValue(language) { () -> Message in
                do {
                    return try work(job)
                } catch {
                    return .notice(say("forms.effects.failed", job.label, "\(error)"), isError: true)
                }
            }
            // The job ends and its answer arrives at once: whoever sees no work
            // under way also sees the answer (replaced or cancelled: not wanted).
            self.lock.withLock {
                guard self.job === job else { return }
                self.job = nil
                self.inbox += [.progress(nil), answer]
            }
        }
    }

    private func cancelJob() {
        let stopped: Job? = lock.withLock {
            guard let job, !job.usesWorkspace else { return nil }   // a write is never cut short
            self.job = nil
            return job
        }
        guard let stopped else { return }
        stopped.cancel()
        post(.progress(nil))
    }

    func post(_ message: Message) { lock.withLock { inbox.append(message) } }

    // MARK: - Answers and the log

    /// The answers collected since the last call: finished work, progress,
    /// the search index, and what others appended to the log.
    public func take() -> [Message] {
        if let built = index.take() {
            post(.searchReady(built))
            freed.noteReplaced()
        }
        if let report = views.take() { post(report) }
        if let built = screen.take() {
            freed.noteReplaced()
            if let awaited = awaitedRebuild, built.number >= awaited { awaitedRebuild = nil }
            if lock.withLock({ asOf }) == nil { post(.data(built.data)) }
        }
        if !isBusy {
            let resumed: [Effect] = lock.withLock {
                defer { waiting = [] }
                return waiting
            }
            if !resumed.isEmpty { _ = perform(resumed) }
            refreshIfDue()
        }
        freed.releaseIfDue()
        return lock.withLock {
            defer { inbox = [] }
            return inbox
        }
    }

    /// Picks up what others appended, every `refreshEvery` seconds, and
    /// redraws when the minute changes (overdue counts move on). The screen
    /// keeps working on what it has when the log cannot be read (a damaged
    /// record appended by another program) or its lock is kept by a stopped
    /// process; a lasting alert on the status line says so until it passes.
    private func refreshIfDue() {
        guard Date().timeIntervalSince(lastRefresh) >= refreshEvery else { return }
        lastRefresh = Date()
        var problem: String?
        var appended = false, aboutTheLock = false
        do {
            appended = try workspace.refresh(patience: 0)
            if let holder = workspace.store.busyHolder() {
                let since = lockBusySince ?? Date()
                lockBusySince = since
                let seconds = Int(Date().timeIntervalSince(since))
                if seconds >= 1 {
                    problem = holder.isStopped ? say("forms.effects.lockedStopped", seconds, holder.brief, holder.pid)
                        : say("forms.effects.locked", seconds, holder.brief)
                    aboutTheLock = true
                }
            } else {
                lockBusySince = nil
            }
        } catch LogError.damaged(_, let damage) {
            problem = say("forms.effects.damaged", damage.line, damage.reason)
        } catch LogError.missing {   // the status line names the log
            problem = say("forms.effects.missing")
        } catch LogError.changedUnderneath {
            problem = say("forms.effects.replaced")
        } catch {
            problem = say("forms.effects.unreadable", "\(error)")
        }
        if problem != alert {
            if problem == nil, alert != nil {
                post(.notice(alertIsAboutTheLock ? say("forms.effects.lockFree") : say("forms.effects.readsAgain"), isError: false))
            }
            alert = problem
            alertIsAboutTheLock = aboutTheLock
            post(.alert(problem))
        }
        othersAppended = othersAppended || appended
        let rebuild = othersAppended && Date().timeIntervalSince(lastRebuildForOthers) >= rebuildEvery
        if rebuild {
            othersAppended = false
            lastRebuildForOthers = Date()
            buildSearchIndex()
        }
        let thisMinute = workspace.time.now.milliseconds / 60_000
        if rebuild || thisMinute != minute, lock.withLock({ asOf }) == nil {
            minute = thisMinute
            rebuildScreen()
        }
    }
}
