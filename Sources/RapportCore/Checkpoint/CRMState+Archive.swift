import Foundation

/// Writing the folded state into a checkpoint and reading it back. Every
/// field goes in: a round-trip test compares the state read back with the one
/// written. The archive has independent sections, read back in parallel.
extension CRMState {
    /// The vocabulary, each term type's cases in order: the archive stores
    /// positions, and any change to a vocabulary changes `archiveFingerprint`.
    struct Vocab {
        let kinds = Array(CustomerKind.allCases), sizes = Array(SizeClass.allCases), values = Array(ValueType.allCases)
        let levels = Array(RelationshipLevel.allCases), bonds = Array(Bond.allCases), sources = Array(ProspectingMethod.allCases)
        let experiences = Array(BuyerExperience.allCases), channels = Array(Channel.allCases), roles = Array(BuyingRole.allCases)
        let personalities = Array(PersonalityType.allCases), moods = Array(Mood.allCases), aidmas = Array(AIDMAS.allCases)
        let stages = Array(Stage.allCases), outcomes = Array(DealOutcome.allCases), interactionKinds = Array(InteractionKind.allCases)
        let directions = Array(Direction.allCases), contactOutcomes = Array(ContactOutcome.allCases)
        let objections = Array(ObjectionType.allCases), techniques = Array(ObjectionTechnique.allCases)
        let tactics = Array(FollowUpTactic.allCases), statuses = Array(FollowUpStatus.allCases)
        let shiftSigns = Array(ShiftSign.allCases), contributions = Array(Contribution.allCases)
        let sensitivities = Array(ValueSensitivity.allCases), horizons = Array(Horizon.allCases)
        let barriers = Array(SwitchingBarrier.allCases), lockIns = Array(LockIn.allCases)
        let strategies = Array(InteractionStrategy.allCases), criteria = Array(CoachCriterion.allCases)
        let approaches = Array(ApproachMethod.allCases), presentations = Array(PresentationMode.allCases)
        let closings = Array(ClosingStrategy.allCases), units = Array(ServiceInterval.Unit.allCases)

        /// Every term in order, for the fingerprint.
        var all: [String] {
            [kinds.map(\.rawValue), sizes.map(\.rawValue), values.map(\.rawValue), levels.map(\.rawValue), bonds.map(\.rawValue),
             sources.map(\.rawValue), experiences.map(\.rawValue), channels.map(\.rawValue), roles.map(\.rawValue),
             personalities.map(\.rawValue), moods.map(\.rawValue), aidmas.map(\.rawValue), stages.map(\.rawValue),
             outcomes.map(\.rawValue), interactionKinds.map(\.rawValue), directions.map(\.rawValue), contactOutcomes.map(\.rawValue),
             objections.map(\.rawValue), techniques.map(\.rawValue), tactics.map(\.rawValue), statuses.map(\.rawValue),
             shiftSigns.map(\.rawValue), contributions.map(\.rawValue), sensitivities.map(\.rawValue), horizons.map(\.rawValue),
             barriers.map(\.rawValue), lockIns.map(\.rawValue), strategies.map(\.rawValue), criteria.map(\.rawValue),
             approaches.map(\.rawValue), presentations.map(\.rawValue), closings.map(\.rawValue), units.map(\.rawValue)]
                .map { $0.joined(separator: ",") }
        }
    }

    /// Bump when the archived layout changes; old checkpoints are then ignored.
    static let archiveLayout = 13

    /// Changes whenever the layout, a vocabulary or an event version changes.
    static var archiveFingerprint: UInt32 {
        let text = "layout \(archiveLayout);" + Vocab().all.joined(separator: ";")   // catalogue: not text
            + EventRegistry.signature
        return CRC32C.checksum(Array(text.utf8))
    }

    /// The sections: 0 customers, 1 contacts, 2 deals, 3 interactions, 4
    /// follow-ups, 5 the other entities and anomalies, 6 record links and
    /// undo bookkeeping (each a member of `StateLists`), 7 the time of the
    /// last record and the unreadable count (always read).
    static let archiveSections = 8
    /// The sections, the largest first, so that two cores share the work evenly.
    static let archiveOrder = [0, 2, 3, 4, 1, 5, 6, 7]

    // MARK: - Writing

    /// Writes section `k`.
    func archive(section k: Int, into w: inout ArchiveWriter) {
        var a = Archiver(w: w)
        switch k {
        case 0: a.list(customers, Archiver.customer)
        case 1: a.list(contacts, Archiver.contact)
        case 2: a.list(deals, Archiver.deal)
        case 3: a.list(interactions, Archiver.interaction)
        case 4: a.list(followUps, Archiver.followUp)
        case 5:
            a.list(complaints, Archiver.complaint)
            a.list(purchases, Archiver.purchase)
            a.list(moodNotes, Archiver.moodNote)
            a.list(notes, Archiver.note)
            a.list(surveys, Archiver.survey)
            a.list(products, Archiver.product)
            a.list(anomalies, Archiver.anomaly)
        case 6:
            a.recordLinks(records)
            a.actions(actions, undone)
        default:
            a.w.optionalTime(lastRecordTime)
            a.w.varint(UInt64(unreadableCount))
        }
        w = a.w
    }

    // MARK: - Reading

    /// Reads the sections (each its own bytes) in parallel, but for the lists
    /// `leftOut` names: those stay empty, and the state may only be read.
    init(sections: [UnsafeRawBufferPointer], leavingOut leftOut: StateLists = []) throws(ArchiveError) {
        guard sections.count == Self.archiveSections else { throw ArchiveError(description: "the checkpoint has the wrong sections") }   // catalogue: not text
        let wanted = Self.archiveOrder.filter { leftOut.isDisjoint(with: StateLists(section: $0)) }
        var parts = [CRMState](repeating: CRMState(), count: wanted.count)
        var failures = [ArchiveError?](repeating: nil, count: wanted.count)
        parts.withUnsafeMutableBufferPointer { partsOut in
            failures.withUnsafeMutableBufferPointer { failuresOut in
                let shared = UnsafeSendable((sections, partsOut, failuresOut))
                DispatchQueue.concurrentPerform(iterations: wanted.count) { i in
                    let (sections, partsOut, failuresOut) = shared.value
                    let k = wanted[i]
                    var r = ArchiveReader(sections[k])
                    do throws(ArchiveError) {
                        try partsOut[i].unarchive(section: k, from: &r)
                        guard r.atEnd else { throw ArchiveError(description: "section \(k) of the checkpoint has extra bytes") }   // catalogue: not text
                    } catch {
                        failuresOut[i] = error
                    }
                }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        self.init()
        self.leftOut = leftOut
        for (i, k) in wanted.enumerated() { take(section: k, from: parts[i]) }
    }

    /// Takes the fields section `k` holds from `part`.
    private mutating func take(section k: Int, from part: CRMState) {
        switch k {
        case 0: customers = part.customers
        case 1: contacts = part.contacts
        case 2: deals = part.deals
        case 3: interactions = part.interactions
        case 4: followUps = part.followUps
        case 5:
            complaints = part.complaints
            purchases = part.purchases
            moodNotes = part.moodNotes
            notes = part.notes
            surveys = part.surveys
            products = part.products
            anomalies = part.anomalies
        case 6:
            records = part.records
            actions = part.actions
            undone = part.undone
        default:
            lastRecordTime = part.lastRecordTime
            unreadableCount = part.unreadableCount
        }
    }

    private mutating func unarchive(section k: Int, from reader: inout ArchiveReader) throws(ArchiveError) {
        var u = Unarchiver(r: reader)
        switch k {
        case 0: customers = try u.list(Unarchiver.customer)
        case 1: contacts = try u.list(Unarchiver.contact)
        case 2: deals = try u.list(Unarchiver.deal)
        case 3: interactions = try u.list(Unarchiver.interaction)
        case 4: followUps = try u.list(Unarchiver.followUp)
        case 5:
            complaints = try u.list(Unarchiver.complaint)
            purchases = try u.list(Unarchiver.purchase)
            moodNotes = try u.list(Unarchiver.moodNote)
            notes = try u.list(Unarchiver.note)
            surveys = try u.list(Unarchiver.survey)
            products = try u.list(Unarchiver.product)
            anomalies = Array(try u.list(Unarchiver.anomaly))
        case 6:
            records = try u.recordLinks()
            (actions, undone) = try u.actions()
        default:
            lastRecordTime = try u.r.optionalTime()
            unreadableCount = try u.r.count()
        }
        reader = u.r
    }
}
