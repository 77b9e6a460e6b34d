import RapportCore

/// Everything that can happen to the screen.
public enum Message: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// New data to show: the log changed, the clock moved on, or the as-of moment changed.
    case data(ScreenData)
    /// The search index is ready (built after the first frame).
    case searchReady(SearchIndex)
    /// A customer's timeline, read from the log.
    case timeline(CustomerID, [TimelineEntry])
    /// A theme was loaded (with what went wrong, if the file could not be used).
    case themeLoaded(name: String, problem: String?)
    /// Something the program wants the user to read on the status line.
    case notice(String, isError: Bool)
    /// A problem that lasts (the log cannot be read, its lock is held):
    /// shown whenever no other note is, until cleared with nil.
    case alert(String?)
    /// Long work under way (nil: it ended), shown while keys stay live.
    case progress(WorkProgress?)
    /// An action was written: the line that says what was done, and what it created.
    case performed(String, created: EntityRef?)
    /// An action was refused: why, the field it is about, and whether
    /// another process changed the record meanwhile.
    case refused(String, field: String?, conflict: Bool)
    /// What `u` would take back (nil: nothing to undo).
    case undoPreview(String?)
    /// The rep acting from now on.
    case actorChanged(String)
    /// A manager's view, built on the data with this record count and as-of moment.
    case report(ManagerReport, recordCount: Int, asOf: Timestamp?)
    /// A file was read and checked against the log: what importing it would do, to confirm.
    case importPlanned(ImportPreview)
}

/// What `:import FILE` would do, for the person to confirm before anything is written.
public struct ImportPreview: Sendable {
    public let batch: ImportBatch
    /// The counts, the first rejected entry with its line, and columns not imported.
    public let summary: String

    public init(batch: ImportBatch, summary: String) {
        self.batch = batch
        self.summary = summary
    }
}

/// Long work under way: what it is, and how far it has got (0 to 1) when known.
public struct WorkProgress: Equatable, Sendable {
    public let label: String
    public let fraction: Double?

    public init(_ label: String, fraction: Double? = nil) {
        self.label = label
        self.fraction = fraction
    }
}

/// What `update` asks the program to do; the answer comes back as a message.
public enum Effect: Sendable {
    case quit
    case loadTheme(String)
    /// Show everything as of a moment (nil: now).
    case showAsOf(Timestamp?)
    case loadTimeline(CustomerID)
    case writeDemo
    /// Stop the long work under way (an as-of fold).
    case cancelWork
    /// Write an action to the log, as the command line would; a form passes
    /// when it opened and what it edits, so that a change since is refused.
    case perform(Action, unchangedSince: Int?, subject: EntityRef?)
    /// Say what `u` would take back (answered by `.undoPreview`).
    case previewUndo
    case undo
    /// Act as another rep from now on (`:user NAME`).
    case setActor(String)
    /// Show everyone's follow-ups, or only the actor's.
    case showQueue(everyone: Bool)
    /// Build a manager's view of the data shown (answered by `.report`).
    case buildReport(String, ScreenData)
    /// Read a CSV or vCard file and check it against the log, writing nothing (answered by `.importPlanned`).
    case planImport(file: String, onDuplicate: DuplicatePolicy)
    /// Write a confirmed import: one action, undone whole by `u`.
    case runImport(ImportBatch)
    /// Write the customers to a file as csv, vcard or json.
    case export(format: String, file: String, includePrivate: Bool)
}
