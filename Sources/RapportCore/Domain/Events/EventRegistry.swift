/// Every kind of event this version reads and writes: one line per kind.
public enum EventRegistry {
    /// The kinds, in the order they were introduced.
    public static let kinds: [any EventBody.Type] = [
        CustomerCreated.self, CustomerChanged.self, ContactAdded.self, ContactChanged.self,
        DealCreated.self, DealChanged.self, DealMoved.self, DealClosed.self, DealReopened.self,
        InteractionLogged.self, MoodNoted.self, NoteAdded.self,
        FollowUpScheduled.self, FollowUpCompleted.self, FollowUpSnoozed.self, FollowUpCancelled.self, FollowUpReopened.self,
        ComplaintOpened.self, ComplaintResolved.self, ComplaintReopened.self, PurchaseRecorded.self,
        EntityWithdrawn.self, EntityRestored.self, ActionUndone.self,
        CustomerMerged.self, CustomerUnmerged.self, FollowUpAssigned.self,
        DealWon.self, DealUnwon.self, DealCompleted.self, DealResumed.self, ComplaintChanged.self,
        ProductInstalled.self, ProductChanged.self, SurveyRecorded.self, CustomerErased.self,
    ]

    private static let byType: [String: any EventBody.Type] = Dictionary(uniqueKeysWithValues: kinds.map { ($0.type, $0) })

    /// The kind with this record type, if this version knows it.
    public static func kind(_ type: String) -> (any EventBody.Type)? { byType[type] }

    /// Every type name, e.g. `deal.moved`.
    public static var types: [String] { kinds.map { $0.type } }

    /// The one place where older payloads are brought up to date.
    public static let upgrades = SchemaUpgrades(
        current: Dictionary(uniqueKeysWithValues: kinds.map { ($0.type, $0.version) }),
        steps: kinds.flatMap { $0.upgrades })

    /// `deal.moved@1,…`: changes whenever a kind or a version does.
    static var signature: String { kinds.map { "\($0.type)@\($0.version)" }.joined(separator: ",") }
}
