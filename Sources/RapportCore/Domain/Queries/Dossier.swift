/// Everything about one customer, for the call ahead.
public struct Dossier: Sendable {
    public let customer: Customer
    public let contacts: [Contact]
    public let coach: Contact?
    /// Open deals first (by stage, furthest first), then closed ones.
    public let deals: [Deal]
    /// Newest first.
    public let interactions: [Interaction]
    /// Open, soonest first.
    public let openFollowUps: [FollowUp]
    public let complaints: [Complaint]
    public let purchases: [Purchase]
    public let notes: [Note]
    /// Satisfaction surveys, latest first; installed products.
    public let surveys: [Survey]
    public let products: [Product]
    /// The buyer is not the user: a contact uses it, another buys or decides (seed 003).
    public let isBigCustomer: Bool
    /// Every mood observed (notes and interactions), oldest first.
    public let moods: [MoodReading]
    public let temperature: Int
    /// Purchases: how many, how much, and how often.
    public let purchaseCount: Int
    public let purchaseTotal: Amounts
    public let daysBetweenPurchases: Int?

    public init(_ c: Customer, in state: CRMState, at time: LocalTime) {
        customer = c
        contacts = state.contacts(of: c)
        coach = contacts.first(where: \.isCoach)
        let allDeals = state.deals(of: c)
        deals = allDeals.filter(\.isOpen).sorted { ($0.stage, $1.id) > ($1.stage, $0.id) } + allDeals.filter { !$0.isOpen }
        interactions = state.interactions(of: c).sorted { $0.at > $1.at }
        openFollowUps = state.followUps(of: c).filter(\.isOpen).sorted { $0.due < $1.due }
        complaints = state.complaints(of: c)
        purchases = state.purchases(of: c).sorted { $0.date > $1.date }
        notes = state.notes(of: c)
        surveys = state.surveys(of: c)
        products = state.products(of: c)
        isBigCustomer = Dossier.isBigCustomer(contacts: contacts)
        moods = (state.moodNotes(of: c).map { MoodReading(mood: $0.mood, at: $0.at) }
            + interactions.compactMap { x in x.mood.map { MoodReading(mood: $0, at: x.at) } }).sorted { $0.at < $1.at }
        temperature = c.temperature(at: time)
        purchaseCount = purchases.count
        var total = Amounts()
        for p in purchases { total.add(p.amount) }
        purchaseTotal = total
        if let first = purchases.last, let last = purchases.first, purchases.count > 1 {
            daysBetweenPurchases = Int(last.date.number - first.date.number) / (purchases.count - 1)
        } else {
            daysBetweenPurchases = nil
        }
    }

    /// Open complaints.
    public var openComplaints: [Complaint] { complaints.filter(\.isOpen) }
}

/// One line of a customer's timeline: who did what, when.
public struct TimelineEntry: Sendable {
    public let time: Timestamp
    public let actor: String
    public let type: String
    public let text: String
    /// The action this record belongs to was undone later.
    public let undone: Bool
    public let recordID: RecordID
}

extension Workspace {
    /// A customer's timeline from the log, newest first.
    public func timeline(of c: Customer, limit: Int? = nil) throws -> [TimelineEntry] {
        var out: [TimelineEntry] = []
        for index in state.timeline(of: c).prefix(limit ?? .max) {
            let (record, event) = try event(ofRecord: index)
            let start = Int32(index - Int(record.batchIndex) + 1)
            out.append(TimelineEntry(time: record.time, actor: record.actor, type: record.type,
                                     text: Describe.event(event, in: state, time: time),
                                     undone: state.undone.contains(start), recordID: record.id))
        }
        return out
    }
}
