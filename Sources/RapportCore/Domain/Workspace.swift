import Foundation

/// A log and its fold, kept in step: open it, perform actions, pick up what
/// others appended, and look back to any moment.
public final class Workspace {
    /// The log.
    public let store: LogStore
    /// Everything folded so far.
    public private(set) var state = CRMState()
    /// The clock and zone for "now" and "today"; tests fix it.
    public var clock: Clock

    /// Who is acting.
    public var actor: String { store.actor }

    /// Why the checkpoint saved on opening could not be written (a full
    /// disk, say), in one line to show; nil when it was, or none was due.
    /// The log is unharmed: the next start folds it again.
    public private(set) var checkpointProblem: String?

    /// The search index of the current state: read from the checkpoint the
    /// state came from when nothing was folded since, else built; on first use.
    public var searchIndex: SearchIndex {
        if let index = cachedIndex, index.recordCount == state.recordCount { return index }
        let index = savedSearchIndex?() ?? SearchIndex(state)
        cachedIndex = index
        return index
    }

    /// Reads the search index of the current state from the checkpoint it
    /// came from, on any thread; nil when the state has moved on since.
    public var savedSearchIndex: (@Sendable () -> SearchIndex?)? {
        guard let saved, saved.seal.recordCount == state.recordCount else { return nil }
        return { saved.searchIndex() }
    }
    private var cachedIndex: SearchIndex?
    /// The checkpoint the state was read from, for what it left out.
    private var saved: Checkpoint.Saved?

    /// The customers with these ids, also when the state left customers out
    /// (read from the checkpoint then).
    public func customers(_ ids: [CustomerID]) throws(InputError) -> [Customer] {
        guard state.leftOut.contains(.customers) else { return ids.compactMap { state.customer($0) } }
        guard let found = saved?.customers(ids) else {
            throw InputError(say("actions.workspace.checkpointChanged"))
        }
        return found
    }
    /// Now, in the local zone.
    public var time: LocalTime { clock.time }

    // MARK: - Opening

    /// Folding this many records more than the checkpoint holds writes a new one.
    public static let checkpointEvery = 50_000

    /// Opens the log at `path` and folds it: from its checkpoint when it has
    /// a usable one (verifying the prefix against the checkpoint's seal), else
    /// from the start. Saves a new checkpoint when much was folded.
    ///
    /// A command that only reads may name the lists it `reads`: when the
    /// checkpoint covers the whole log, the others are not decoded (and the
    /// workspace can never write). When the log has grown since, the whole
    /// state is folded and saved as a new checkpoint, so that the next such
    /// command starts from one again.
    public static func open(path: String, actor: String, clock: Clock = Clock(), create: Bool = true,
                            checkpoints: Bool = true, reads: StateLists = .all) throws -> Workspace {
        var w: Workspace?
        var sealed: PrefixSeal?
        if checkpoints, let saved = Checkpoint.Saved(for: path) {
            switch Result(catching: { () throws(LogError) in
                try LogStore.open(path: path, actor: actor, create: false, trusting: saved.seal)
            }) {
            case .success(let store):
                let grown = !store.records.isEmpty
                if let state = saved.state(leavingOut: grown ? [] : StateLists.all.subtracting(reads)) {
                    w = Workspace(store: store, state: state, clock: clock)
                    w?.saved = saved
                    sealed = saved.seal
                    if grown && reads != .all { w?.saveCheckpointIfPossible(reusing: sealed) }
                }
            case .failure(.sealBroken):
                w = nil   // the log changed under the checkpoint: fold it all again
            case .failure(let error):
                throw error
            }
        }
        let workspace = try w ?? Workspace(store: LogStore.open(path: path, actor: actor, create: create), clock: clock)
        if checkpoints, workspace.state.recordCount - (sealed?.recordCount ?? 0) >= checkpointEvery {
            workspace.saveCheckpointIfPossible(reusing: sealed)
        }
        return workspace
    }

    /// Folds an open store from the start.
    public convenience init(store: LogStore, clock: Clock = Clock()) {
        self.init(store: store, state: CRMState(), clock: clock)
    }

    /// Continues a state folded up to the store's first record in memory.
    init(store: LogStore, state: CRMState, clock: Clock) {
        precondition(state.recordCount == store.baseRecordCount, "the state does not end where the store begins")   // catalogue: not text (a programming error)
        self.store = store
        self.clock = clock
        self.state = state
        fold(0..<store.records.count)
    }

    /// Saves the state as the log's checkpoint and lets go of the records in
    /// memory (they are read one by one when needed).
    public func saveCheckpoint(reusing earlier: PrefixSeal? = nil) throws {
        precondition(state.leftOut.isEmpty, "a state that left lists out is never saved")   // catalogue: not text (a programming error)
        let seal = try store.seal(reusing: earlier)
        try Checkpoint.write(state, sealed: seal, index: cachedIndex?.recordCount == state.recordCount ? cachedIndex : nil, for: store.path)
        store.releaseRecords()
    }

    /// Saves a checkpoint, which only saves time: a failure is kept in
    /// `checkpointProblem` for the caller to mention, never thrown.
    public func saveCheckpointIfPossible(reusing earlier: PrefixSeal? = nil) {
        do {
            try saveCheckpoint(reusing: earlier)
            checkpointProblem = nil
        } catch {
            checkpointProblem = say("actions.workspace.checkpointNotSaved", "\(error)")
        }
    }

    // MARK: - Acting

    /// Performs an action: under the write lock, against the latest state.
    ///
    /// A form open on an entity since the log held `unchangedSince` records
    /// passes both: if a record written since changed `subject`, the action
    /// is refused (ConflictError, naming the change and who made it) rather
    /// than saved over it.
    @discardableResult
    public func perform(_ action: Action, unchangedSince: Int? = nil, subject: EntityRef? = nil) throws -> ActionOutcome {
        precondition(state.leftOut.isEmpty, "a state that left lists out never acts")   // catalogue: not text (a programming error)
        var outcome: ActionOutcome?
        let written = try store.transact { caughtUp in
            fold(caughtUp)
            try refuseIfUnreadable()
            if let unchangedSince, let subject { try refuseIfChanged(subject, since: unchangedSince) }
            let o = try action.outcome(in: state, time: time)
            outcome = o
            return o.events.map { $0.record(at: time.now) }
        }
        fold(written)
        guard let outcome else { throw InputError(say("actions.workspace.nothingDone")) }
        return outcome
    }

    /// Appends batches built against the latest state in one group commit
    /// (bulk writers such as the demo). Each batch stays its own unit.
    public func commit(_ build: (CRMState) throws -> [[NewRecord]]) throws {
        precondition(state.leftOut.isEmpty, "a state that left lists out never acts")   // catalogue: not text (a programming error)
        let written = try store.transact(batches: { caughtUp in
            fold(caughtUp)
            try refuseIfUnreadable()
            return try build(state)
        })
        fold(written)
    }

    /// Fails with the first change to `ref` written after record `since`.
    private func refuseIfChanged(_ ref: EntityRef, since: Int) throws {
        guard since < state.recordCount, let owner = state.customerNumber(of: ref) else { return }
        for index in since..<state.recordCount where state.records.customer[index] == owner {
            let (record, event) = try event(ofRecord: index)
            guard event.body.target == ref || (ref.kind == .customer && event.type == CustomerMerged.type) else { continue }
            throw ConflictError(say("actions.workspace.changedSinceOpened", ref, Describe.event(event, in: state, time: time), record.actor, time.format(record.time)))
        }
    }

    /// The actor's latest action not yet undone, in words with its time
    /// (`moved d3 ERP: Approach → Presentation (2026-11-23 10:12)`), for a
    /// confirmation before undoing it; nil when there is none.
    public func lastAction() throws -> String? {
        guard let batch = state.lastAction(of: actor) else { return nil }
        let first = Int(batch.firstRecord)
        let events = try (first..<first + Int(batch.count)).map { try event(ofRecord: $0) }
        return say("actions.workspace.action", describe(events.map(\.event)), time.format(events[0].record.time))
    }

    /// A batch in words: its first event that is more than a field filled in
    /// on the way, or what an import of several customers did as a whole.
    private func describe(_ events: [Event]) -> String {
        let created = events.count { $0.type == CustomerCreated.type }
        if created > 1 { return say("actions.workspace.import", Format.grouped(created)) }
        let main = events.first { !$0.type.hasSuffix(".changed") } ?? events.first   // catalogue: not text
        return main.map { Describe.event($0, in: state, time: time) } ?? say("actions.workspace.anAction")
    }

    /// Undoes the actor's latest action not yet undone, with compensating events.
    @discardableResult
    public func undoLast() throws -> ActionOutcome {
        var outcome: ActionOutcome?
        let written = try store.transact { caughtUp in
            fold(caughtUp)
            try refuseIfUnreadable()
            guard let batch = state.lastAction(of: actor) else { throw InputError(say("actions.undo.nothingToUndo", actor)) }
            let first = Int(batch.firstRecord)
            let batchRecords = try (first..<first + Int(batch.count)).map { try event(ofRecord: $0) }
            let events = batchRecords.map(\.event)
            let what = describe(events)
            let inverse: [Event]
            switch Result(catching: { () throws(Undo.Conflict) in try Undo.inverse(of: events, in: state) }) {
            case .success(let events): inverse = events
            case .failure(let c): throw try conflict(c, undoing: what)
            }
            let when = time.format(batchRecords[0].record.time)
            let o = ActionOutcome(events: [.undone(batch: batchRecords[0].record.id)] + inverse, created: nil, summary: say("actions.undo.undid", what, when))
            outcome = o
            return o.events.map { $0.record(at: time.now) }
        }
        fold(written)
        guard let outcome else { throw InputError(say("actions.undo.nothingUndone")) }
        return outcome
    }

    /// A log holding records this version cannot read is not written to:
    /// a change could contradict what those records say.
    private func refuseIfUnreadable() throws(UnreadableRecordsError) {
        guard state.unreadableCount > 0 else { return }
        throw UnreadableRecordsError(count: state.unreadableCount, first: state.anomalies.first(where: \.isUnreadable))
    }

    /// The warning to show when the log holds records this version cannot read.
    public var unreadableWarning: String? {
        guard state.unreadableCount > 0 else { return nil }
        return UnreadableRecordsError(count: state.unreadableCount, first: state.anomalies.first(where: \.isUnreadable)).warning
    }

    /// A refused undo in words: what changed since, or what depends on
    /// what the action created, and who made it.
    private func conflict(_ c: Undo.Conflict, undoing what: String) throws -> ConflictError {
        switch c {
        case .changedSince(let thing):
            return ConflictError(say("actions.undo.changedSince", what, thing))
        case .irreversible(let why):
            return ConflictError(say("actions.undo.irreversible", what, why))
        case .dependant(let owner, let dependant):
            let ownerName = Describe.name(owner, in: state).map { " " + $0 } ?? ""
            let dependantName = Describe.name(dependant, in: state).map { " " + $0 } ?? ""
            let things = (what, "\(owner)\(ownerName)", dependant.kind.word, "\(dependant)\(dependantName)")
            if let by = try creator(of: dependant) {
                return ConflictError(say("actions.undo.dependantBy", things.0, things.1, things.2, things.3, by))
            }
            return ConflictError(say("actions.undo.dependant", things.0, things.1, things.2, things.3))
        }
    }

    /// Who wrote the record that created `ref`: found on its customer's timeline.
    private func creator(of ref: EntityRef) throws -> String? {
        guard let customer = state.customerNumber(of: ref), let c = state.customer(CustomerID(customer)) else { return nil }
        for index in state.timeline(of: c) {
            let (record, event) = try event(ofRecord: index)
            if event.createdRef == ref { return record.actor }
        }
        return nil
    }

    // MARK: - Reading

    /// Picks up what other processes appended; true when anything changed.
    /// With `patience` 0 it never waits for a writer (the screen's poll).
    @discardableResult
    public func refresh(patience: Double = LogStore.readerPatience) throws -> Bool {
        let new = try store.refresh(patience: patience)
        fold(new)
        return !new.isEmpty
    }

    /// A record (by its position in the log) and its event.
    public func event(ofRecord index: Int) throws -> (record: Record, event: Event) {
        let local = index - store.baseRecordCount
        if local >= 0 {
            let r = store.records[local]
            return (r, try Self.decode(r, in: store))
        }
        let (r, payload) = try store.readRecord(atOffset: state.offset(ofRecord: index))
        return (r, try Event(type: r.type, version: r.version, payload: payload))
    }

    /// The state as it was at `moment`.
    ///
    /// Records are in log order and their times are for display: a writer
    /// whose clock ran fast stamps a record later than the ones written after
    /// it. A record counts as written by the time of any record after it, so
    /// the state is the longest prefix of the log whose records were all
    /// written by `moment` (one fast clock cannot hide what follows it).
    public func state(asOf moment: Timestamp) throws -> CRMState {
        // Records not in memory (folded from a checkpoint) are read again.
        let all = store.baseRecordCount == 0 ? store : try LogStore.open(path: store.path, actor: actor, create: false)
        return Self.fold(all, writtenBy: moment, progress: { _ in }, isCancelled: { false }) ?? CRMState()
    }

    /// The state of the log at `path` as it was at `moment`, read through a
    /// store of its own, so that it can run on another thread beside an open
    /// workspace. `progress` hears the share folded so far; the fold stops
    /// (returning nil) as soon as `isCancelled` says so.
    public static func state(of path: String, asOf moment: Timestamp, progress: (Double) -> Void,
                             isCancelled: () -> Bool) throws -> CRMState? {
        fold(try LogStore.open(path: path, actor: "as-of", create: false), writtenBy: moment, progress: progress, isCancelled: isCancelled)
    }

    /// Folds the records of `all` written by `moment`, a slice at a time.
    private static func fold(_ all: LogStore, writtenBy moment: Timestamp, progress: (Double) -> Void,
                             isCancelled: () -> Bool) -> CRMState? {
        let end = prefix(writtenBy: moment, times: all.records.lazy.map(\.time))
        var past = CRMState()
        let slice = 65_536
        var start = 0
        while start < end {
            if isCancelled() { return nil }
            let stop = min(start + slice, end)
            fold(all, start..<stop, into: &past)
            start = stop
            progress(Double(start) / Double(end))
        }
        return past
    }

    /// How many records, from the start, were written by `moment`: walking
    /// back from the end, each record's time is capped by those after it.
    static func prefix(writtenBy moment: Timestamp, times: some BidirectionalCollection<Timestamp>) -> Int {
        var earliestAfter = Timestamp(milliseconds: .max)
        var count = times.count
        for t in times.reversed() {
            earliestAfter = min(earliestAfter, t)
            if earliestAfter <= moment { return count }
            count -= 1
        }
        return 0
    }

    /// The moment an as-of request means, or nil for now: today, now, or any
    /// moment not before now is the present; a day after today is refused.
    public static func asOfMoment(_ when: When, at time: LocalTime) throws(InputError) -> Timestamp? {
        switch when {
        case .day(let day):
            if day == time.today { return nil }
            guard day < time.today else { throw InputError(say("actions.asOf.futureDay", day)) }
            return when.endMoment(time)
        case .moment(let t):
            guard t <= time.now.adding(seconds: 60) else { throw InputError(say("actions.asOf.futureMoment", time.format(t))) }
            return t >= time.now ? nil : t
        }
    }

    // MARK: - Folding

    private func fold(_ range: Range<Int>) {
        precondition(range.isEmpty || state.leftOut.isEmpty, "a state that left lists out is never folded on")   // catalogue: not text (a programming error)
        Self.fold(store, range, into: &state)
    }

    /// Decodes payloads in parallel, a slice at a time, and applies them in order.
    static func fold(_ store: LogStore, _ range: Range<Int>, into state: inout CRMState) {
        guard !range.isEmpty else { return }
        if range.count > 10_000 { state.records.reserve(state.recordCount + range.count) }
        let slice = 32_768
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(start + slice, range.upperBound)
            let events = decode(store, start..<end)
            for (i, result) in events.enumerated() {
                let record = store.records[start + i]
                switch result {
                case .success(let e): state.apply(e, RecordInfo(record))
                case .failure(let error): state.skip(RecordInfo(record), reason: "\(error)")
                }
            }
            start = end
        }
    }

    private static func decode(_ store: LogStore, _ range: Range<Int>) -> [Result<Event, any Error>] {
        let pieces = range.count < 2048 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2
        var out = [Result<Event, any Error>?](repeating: nil, count: range.count)
        out.withUnsafeMutableBufferPointer { buffer in
            let shared = UnsafeSendable((store, buffer))
            DispatchQueue.concurrentPerform(iterations: pieces) { k in
                let (store, buffer) = shared.value
                let lo = range.count * k / pieces, hi = range.count * (k + 1) / pieces
                // A record that cannot be read is kept as an anomaly, in checkpoints and `check --json`: its reason in English.
                Language.$override.withValue(.en) {
                    for i in lo..<hi {
                        let r = store.records[range.lowerBound + i]
                        buffer[i] = Result { try decode(r, in: store) }
                    }
                }
            }
        }
        return out.map { $0! }
    }

    static func decode(_ r: Record, in store: LogStore) throws -> Event {
        try Event(type: r.type, version: r.version, payload: try store.payload(of: r))
    }
}

/// Where "now" comes from: the system clock, or a fixed moment (tests, and
/// `RAPPORT_NOW` for a what-if); and the time zone days are counted in.
public struct Clock: Sendable {
    public var fixed: Timestamp?
    public var zone: TimeZone

    public init(fixed: Timestamp? = nil, zone: TimeZone = .current) {
        self.fixed = fixed
        self.zone = zone
    }

    /// The current local time.
    public var time: LocalTime { LocalTime(now: fixed ?? .now(), zone: zone) }
}

/// The log holds records this version cannot read (written by a newer
/// rapport), so it is not written to.
public struct UnreadableRecordsError: Error, Sendable, CustomStringConvertible {
    public let count: Int
    public let first: Anomaly?

    public var description: String { sayCount("actions.unreadable", count, example) }

    /// The same as a warning where the log is only read: what is left out.
    public var warning: String { sayCount("actions.unreadableShown", count, example) }

    private var example: String { first.map { say("actions.unreadable.first", $0) } ?? "" }
}
