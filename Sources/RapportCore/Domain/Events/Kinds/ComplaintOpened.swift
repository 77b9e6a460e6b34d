/// A complaint, open until resolved.
public struct ComplaintOpened: EventBody {
    public static let type = "complaint.opened"
    public var complaint: Complaint

    public init(_ complaint: Complaint) { self.complaint = complaint }

    public init(_ p: PayloadReader) throws(InputError) {
        var k = Complaint(id: try p.id("id"), customer: try p.id("customer"), summary: try p.text("summary"))
        k.deal = try p.optionalID("deal")
        complaint = k
    }

    public func write(to p: inout PayloadWriter) {
        p.put("id", complaint.id); p.put("customer", complaint.customer); p.put("deal", complaint.deal)
        p.put("summary", complaint.summary)
    }

    public func apply(to state: inout CRMState, _ r: RecordInfo) throws(InputError) -> CustomerID? {
        try state.expectNext(complaint.id, state.complaints.count)
        let c = try state.existing(state.customers, complaint.customer)
        var k = complaint
        k.openedAt = r.time
        k.older = state.customers[c].newestComplaint
        state.customers[c].newestComplaint = k.id.number
        state.complaints.append(k)
        return k.customer
    }

    public func inverse(in state: CRMState) throws(Undo.Conflict) -> Event? {
        guard state.complaint(complaint.id)?.isOpen == true else { throw .changedSince(say("log.thing.complaint", complaint.id)) }
        return .withdrawn(complaint.id.ref)
    }

    public func describe(in state: CRMState, time: LocalTime?) -> String {
        say("log.complaint.opened", complaint.id, Describe.preview(complaint.summary))
    }

    public var created: EntityRef? { complaint.id.ref }
}

extension Event {
    public static func complaintOpened(_ k: Complaint) -> Event { Event(ComplaintOpened(k)) }
}
