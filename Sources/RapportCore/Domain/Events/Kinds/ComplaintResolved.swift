/// A complaint resolved.
public struct ComplaintResolved: EventBody {
    public static let type = "complaint.resolved"
    public var complaint: ComplaintID
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
        state.complaints[i].resolvedAt = r.time
        state.complaints[i].resolution = resolution
        return state.complaints[i].customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard let k = state.complaint(complaint), !k.isOpen else { throw .changedSince("\(complaint)") }
        return .complaintReopened(complaint, resolution: resolution)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        Describe.detail(say("log.complaint.resolved", complaint), resolution.map { Describe.preview($0) })
    }

    public var target: EntityRef? { complaint.ref }
}

extension Event {
    public static func complaintResolved(_ id: ComplaintID, resolution: String?) -> Event {
        Event(ComplaintResolved(id, resolution: resolution))
    }
}
