import Foundation

/// Erasing a person's data on request (GDPR art. 17, PIPL art. 47): every
/// record about the customer (and the duplicates merged into it) keeps its
/// place, ids and business facts (stages, values, dates, counts), and loses
/// its personal content: names, phones, e-mails, addresses, titles and every
/// free text. The log is rewritten and verifies; the checkpoint, which holds
/// the old content, is removed; a `customer.erased` event records that it
/// happened, by whom and why, without what was erased.
public enum Erasure {
    /// What an erasure did.
    public struct Summary: Sendable {
        public let customer: CustomerID
        public let records: Int
        public let removedFiles: [String]
    }

    /// The text that stands for erased text.
    public static let mark = "[erased]"   // catalogue: not text (written into the log)

    /// Side files beside the log that may hold copies of its records (torn
    /// tails moved aside, repaired copies): an erasure must not leave them.
    public static func sideFiles(of logPath: String) -> [String] {
        let dir = LogStore.directory(of: logPath), base = (logPath as NSString).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasPrefix(base + ".") && $0 != base + ".checkpoint" }.sorted().map { dir + "/" + $0 }   // catalogue: not text
    }

    /// Erases customer `id` from the log at `path`; `deleteSideFiles` allows
    /// removing side files that may hold copies (else their presence refuses).
    public static func erase(_ id: CustomerID, reason: String, path: String, actor: String, clock: Clock = Clock(),
                             deleteSideFiles: Bool = false) throws -> Summary {
        let why = try Check.requiredNote(reason, "reason")
        let w = try Workspace.open(path: path, actor: actor, clock: clock, create: false, checkpoints: false)
        let c = try Check.customer(id, in: w.state)
        let sides = sideFiles(of: path)
        if !sides.isEmpty, !deleteSideFiles {
            throw InputError(say("actions.erase.sideFiles", Describe.list(sides), c.id), field: "sideFiles")
        }
        let concerned = Set(w.state.timeline(of: c))
        let changed = try w.store.rewrite { index, record, payload -> JSON? in
            // `JSON?.none`, not `nil`: JSON takes a nil literal as `null`, which would blank the payload.
            concerned.contains(index) ? canonical(redact(payload, type: record.type), record) : JSON?.none
        }
        var removed: [String] = []
        for file in [Checkpoint.path(for: path)] + sides where unlink(file) == 0 { removed.append(file) }
        let after = try Workspace.open(path: path, actor: actor, clock: clock, create: false, checkpoints: false)
        try after.perform(.eraseCustomer(id, reason: why, records: changed))
        return Summary(customer: id, records: changed, removedFiles: removed)
    }

    /// Members that carry the business, never a person: ids, stages and other
    /// vocabulary, dates, amounts, the rep, flags.
    static let keep: Set<String> = [
        "id", "customer", "deal", "contact", "interaction", "product", "kind", "direction", "at", "due", "date", "stage", "from", "to",
        "was", "entered", "outcome", "objection", "technique", "mood", "tactic", "status", "amount", "value", "currency", "installed",
        "every", "field", "moved", "kept", "duplicate", "probability", "close", "owner", "role", "coach", "coachCriteria", "personality",
        "aidmas", "size", "valueType", "relationship", "bonds", "source", "need", "canPay", "authority", "experience", "channel",
        "doNotContact", "doNotShare", "ratings", "satisfied", "duration", "shiftSigns", "contributions", "sensitiveTo", "horizon",
        "walletShare", "recommends", "switchingBarrier", "lockIns", "strategy", "approach", "presentation", "closing",
        "appointmentAt", "records", "batch", "sweep",
    ]

    /// Fields whose changes (`from`, `to`) carry no personal content.
    static let keepFields: Set<String> = keep.union(["installedOn", "serviceEvery", "removedOn"])

    /// Members that hold lists of personal values: emptied.
    static let lists: Set<String> = ["phones", "emails", "tags"]

    /// The payload as its event writes it (an emptied list is left out), so
    /// that a rewritten record reads and writes back the same bytes.
    static func canonical(_ payload: JSON, _ record: Record) -> JSON {
        guard let event = try? Event(type: record.type, version: record.version, payload: payload) else { return payload }
        return .object(event.payload)
    }

    /// `payload` with its personal content erased.
    static func redact(_ payload: JSON, type: String) -> JSON {
        guard case .object(let object) = payload else { return payload }
        var out = JSONObject()
        let field = object["field"]?.string
        for member in object.members {
            let key = member.key, value = member.value
            if key == "title", type.hasPrefix("deal.") { out[key] = value; continue }   // a deal's name is the business's
            if (key == "from" || key == "to"), let field {
                out[key] = keepFields.contains(field) ? value : erased(value, lists.contains(field))
            } else if keep.contains(key) {
                out[key] = value
            } else {
                out[key] = erased(value, lists.contains(key))
            }
        }
        return .object(out)
    }

    /// A value with its text erased: a list of personal values emptied.
    private static func erased(_ value: JSON, _ isList: Bool) -> JSON {
        switch value {
        case .string: .string(mark)
        case .array(let items): isList ? .array([]) : .array(items.map { erased($0, false) })
        case .object(let o): .object(JSONObject(o.members.map { ($0.key, erased($0.value, false)) }))
        default: value
        }
    }
}
