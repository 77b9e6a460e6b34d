/// A resolved complaint open again (the undo of resolving it).
public struct ComplaintReopened: EventBody {
    public static let type = "complaint.reopened"
    public var complaint: ComplaintID
    /// The resolution it had.
    public var resolution: String?

    public init(_ complaint: ComplaintID, resolution: String?) {
        self.complaint = complaint
        self.resolution = resolution
    }

    public init(_ p: PayloadReader) throws(InputError) {
        self.init(try p.id("id"), resolution: try p.optionalText("resolution"))
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", complaint); p.put("resolution", resolution)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        let i = try state.existing(state.complaints, complaint)
        state.complaints[i].resolvedAt = nil
        state.complaints[i].resolution = nil
        return state.complaints[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let k = state.complaint(complaint), k.isOpen else { throw .changedSince("\(complaint)") }
        return .complaintResolved(complaint, resolution: resolution)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String { say("log.complaint.reopened", complaint) }

    public var target: EntityRef? { complaint.ref }
}

extension Event {
    public static func complaintReopened(_ id: ComplaintID, resolution: String?) -> Event {
        Event(ComplaintReopened(id, resolution: resolution))
    }
}
