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
    static let archiveLayout = 11

    /// Changes whenever the layout, a vocabulary or an event version changes.
    static var archiveFingerprint: UInt32 {
        let text = "layout \(archiveLayout);" + Vocab().all.joined(separator: ";")
            + EventRegistry.signature
        return CRC32C.checksum(Array(text.utf8))
    }

    /// The sections: 0 customers, contacts and deals; 1 interactions; 2 the
    /// other entities and anomalies; 3 record links and undo bookkeeping.
    static let archiveSections = 4

    // MARK: - Writing

    /// Writes section `k`.
    func archive(section k: Int, into w: inout ArchiveWriter) {
        var a = Archiver(w: w)
        switch k {
        case 0:
            a.list(customers, Archiver.customer)
            a.list(contacts, Archiver.contact)
            a.list(deals, Archiver.deal)
        case 1:
            a.list(interactions, Archiver.interaction)
        case 2:
            a.list(followUps, Archiver.followUp)
            a.list(complaints, Archiver.complaint)
            a.list(purchases, Archiver.purchase)
            a.list(moodNotes, Archiver.moodNote)
            a.list(notes, Archiver.note)
            a.list(surveys, Archiver.survey)
            a.list(products, Archiver.product)
            a.list(anomalies, Archiver.anomaly)
            a.w.optionalTime(lastRecordTime)
            a.w.varint(UInt64(unreadableCount))
        default:
            a.recordLinks(records)
            a.actions(actions, undone)
        }
        w = a.w
    }

    // MARK: - Reading

    /// Reads every section (each its own bytes) in parallel.
    init(sections: [UnsafeRawBufferPointer]) throws(ArchiveError) {
        guard sections.count == Self.archiveSections else { throw ArchiveError(description: "the checkpoint has the wrong sections") }
        var parts = [CRMState](repeating: CRMState(), count: sections.count)
        var failures = [ArchiveError?](repeating: nil, count: sections.count)
        parts.withUnsafeMutableBufferPointer { partsOut in
            failures.withUnsafeMutableBufferPointer { failuresOut in
                let shared = UnsafeSendable((sections, partsOut, failuresOut))
                DispatchQueue.concurrentPerform(iterations: sections.count) { k in
                    let (sections, partsOut, failuresOut) = shared.value
                    var r = ArchiveReader(sections[k])
                    do throws(ArchiveError) {
                        try partsOut[k].unarchive(section: k, from: &r)
                        guard r.atEnd else { throw ArchiveError(description: "section \(k) of the checkpoint has extra bytes") }
                    } catch {
                        failuresOut[k] = error
                    }
                }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        self = parts[0]
        interactions = parts[1].interactions
        followUps = parts[2].followUps
        complaints = parts[2].complaints
        purchases = parts[2].purchases
        moodNotes = parts[2].moodNotes
        notes = parts[2].notes
        surveys = parts[2].surveys
        products = parts[2].products
        anomalies = parts[2].anomalies
        lastRecordTime = parts[2].lastRecordTime
        unreadableCount = parts[2].unreadableCount
        records = parts[3].records
        actions = parts[3].actions
        undone = parts[3].undone
    }

    private mutating func unarchive(section k: Int, from reader: inout ArchiveReader) throws(ArchiveError) {
        var u = Unarchiver(r: reader)
        switch k {
        case 0:
            customers = try u.list(Unarchiver.customer)
            contacts = try u.list(Unarchiver.contact)
            deals = try u.list(Unarchiver.deal)
        case 1:
            interactions = try u.list(Unarchiver.interaction)
        case 2:
            followUps = try u.list(Unarchiver.followUp)
            complaints = try u.list(Unarchiver.complaint)
            purchases = try u.list(Unarchiver.purchase)
            moodNotes = try u.list(Unarchiver.moodNote)
            notes = try u.list(Unarchiver.note)
            surveys = try u.list(Unarchiver.survey)
            products = try u.list(Unarchiver.product)
            anomalies = Array(try u.list(Unarchiver.anomaly))
            lastRecordTime = try u.r.optionalTime()
            unreadableCount = try u.r.count()
        default:
            records = try u.recordLinks()
            (actions, undone) = try u.actions()
        }
        reader = u.r
    }
}

import Foundation

/// Writes each kind of entity, field by field.
private struct Archiver {
    var w: ArchiveWriter
    let v = CRMState.Vocab()

    mutating func list<C: Collection>(_ items: C, _ one: (inout Archiver, C.Element) -> Void) {
        w.varint(UInt64(items.count))
        for e in items { one(&self, e) }
    }

    mutating func id<E>(_ x: ID<E>?) { w.varint(UInt64(x?.number ?? 0)) }
    mutating func money(_ m: Money) {
        w.int(m.cents)
        w.string(m.currency)
    }

    static func customer(_ a: inout Archiver, _ c: Customer) {
        a.w.string(c.name); a.w.term(c.kind, a.v.kinds); a.w.strings(c.phones); a.w.strings(c.emails)
        a.w.optionalString(c.company); a.w.optionalString(c.address); a.w.optionalTerm(c.size, a.v.sizes)
        a.w.optionalTerm(c.valueType, a.v.values); a.w.term(c.relationship, a.v.levels)
        a.w.u8(c.bonds.reduce(0) { $0 | 1 << UInt8(a.v.bonds.firstIndex(of: $1)!) })
        a.w.optionalTerm(c.source, a.v.sources); a.w.optionalBool(c.hasNeed); a.w.optionalBool(c.canPay); a.w.optionalBool(c.hasAuthority)
        a.w.optionalTerm(c.experience, a.v.experiences); a.w.optionalTerm(c.channel, a.v.channels)
        a.w.bool(c.doNotContact); a.w.bool(c.doNotShare); a.w.optionalString(c.owner); a.w.strings(c.tags)
        a.w.optionalTerm(c.personality, a.v.personalities); a.w.optionalTerm(c.aidmas, a.v.aidmas)
        a.w.u8(bits(c.shiftSigns, a.v.shiftSigns)); a.w.u8(bits(c.contributions, a.v.contributions))
        a.w.optionalTerm(c.sensitiveTo, a.v.sensitivities); a.w.optionalTerm(c.horizon, a.v.horizons)
        a.w.u8(c.walletShare.map { UInt8($0 + 1) } ?? 0); a.w.optionalBool(c.recommends)
        a.w.optionalTerm(c.switchingBarrier, a.v.barriers); a.w.u8(bits(c.lockIns, a.v.lockIns)); a.w.optionalTerm(c.strategy, a.v.strategies)
        a.w.time(c.createdAt); a.w.bool(c.withdrawn); a.id(c.mergedInto); a.w.optionalTime(c.erasedAt); a.w.optionalTime(c.lastTwoWayContact); a.w.optionalTime(c.lastContact)
        a.w.optionalTerm(c.mood?.mood, a.v.moods)
        if let m = c.mood { a.w.time(m.at) }
        for link in [c.newestContact, c.newestDeal, c.newestInteraction, c.newestFollowUp, c.newestComplaint,
                     c.newestPurchase, c.newestMoodNote, c.newestNote, c.newestSurvey, c.newestProduct] { a.w.varint(UInt64(link)) }
        a.w.int(c.newestRecord)
    }

    static func contact(_ a: inout Archiver, _ p: Contact) {
        a.id(p.customer); a.w.string(p.name); a.w.optionalTerm(p.role, a.v.roles); a.w.optionalString(p.title)
        a.w.optionalString(p.phone); a.w.optionalString(p.email); a.w.bool(p.isCoach); a.w.u8(bits(p.coachCriteria, a.v.criteria))
        a.w.bool(p.withdrawn); a.w.varint(UInt64(p.older))
    }

    static func deal(_ a: inout Archiver, _ d: Deal) {
        a.id(d.customer); a.w.string(d.title); a.w.bool(d.value != nil)
        if let m = d.value { a.money(m) }
        a.w.term(d.stage, a.v.stages); a.w.u8(d.probabilityOverride.map { UInt8($0 + 1) } ?? 0)
        a.w.bool(d.expectedClose != nil)
        if let day = d.expectedClose { a.w.int(day.number) }
        a.w.optionalString(d.owner); a.w.optionalTerm(d.outcome, a.v.outcomes); a.w.optionalString(d.closeReason)
        a.w.optionalString(d.contactTime); a.w.optionalString(d.plan); a.w.optionalString(d.appointmentWith)
        a.w.optionalTime(d.appointmentAt); a.w.optionalString(d.appointmentPlace); a.w.optionalString(d.appointmentPurpose)
        a.w.optionalTerm(d.approach, a.v.approaches); a.w.optionalTerm(d.presentation, a.v.presentations)
        a.w.optionalTerm(d.closing, a.v.closings)
        a.w.time(d.createdAt); a.w.time(d.stageEnteredAt); a.w.optionalTime(d.closedAt); a.w.bool(d.followingThrough)
        a.w.optionalTime(d.completedAt); a.w.optionalTime(d.movedBackAt); a.w.varint(UInt64(d.path.count))
        for visit in d.path { a.w.term(visit.stage, a.v.stages); a.w.time(visit.at) }
        a.w.bool(d.withdrawn)
        a.w.int(d.openFollowUps); a.w.varint(UInt64(d.older))
    }

    static func interaction(_ a: inout Archiver, _ x: Interaction) {
        a.id(x.customer); a.id(x.deal); a.id(x.contact); a.w.term(x.kind, a.v.interactionKinds); a.w.term(x.direction, a.v.directions)
        a.w.time(x.at); a.w.bool(x.durationSeconds != nil)
        if let s = x.durationSeconds { a.w.int(s) }
        a.w.optionalTerm(x.outcome, a.v.contactOutcomes); a.w.optionalTerm(x.objection, a.v.objections)
        a.w.optionalTerm(x.technique, a.v.techniques); a.w.optionalTerm(x.mood, a.v.moods); a.w.optionalString(x.note)
        a.w.optionalBool(x.satisfied); a.w.optionalString(x.by); a.w.bool(x.withdrawn); a.w.varint(UInt64(x.older))
    }

    static func followUp(_ a: inout Archiver, _ f: FollowUp) {
        a.id(f.customer); a.id(f.deal); a.w.time(f.due); a.w.optionalTerm(f.tactic, a.v.tactics); a.w.optionalString(f.note)
        a.w.optionalString(f.owner); a.id(f.product); a.w.optionalString(f.sweep)
        a.w.term(f.status, a.v.statuses); a.w.optionalTime(f.snoozedFrom); a.w.optionalTerm(f.outcome, a.v.contactOutcomes)
        a.id(f.interaction); a.w.optionalTime(f.closedAt); a.w.time(f.createdAt); a.w.bool(f.withdrawn); a.w.varint(UInt64(f.older))
    }

    static func complaint(_ a: inout Archiver, _ k: Complaint) {
        a.id(k.customer); a.id(k.deal); a.w.string(k.summary); a.w.time(k.openedAt); a.w.optionalTime(k.resolvedAt)
        a.w.optionalString(k.resolution); a.w.varint(UInt64(k.steps.count))
        for step in k.steps { a.w.int(step.day.number); a.w.string(step.text) }
        a.w.optionalBool(k.satisfied); a.w.bool(k.withdrawn); a.w.varint(UInt64(k.older))
    }

    static func survey(_ a: inout Archiver, _ s: Survey) {
        a.id(s.customer); a.w.int(s.date.number); a.w.varint(UInt64(s.ratings.count))
        for r in s.ratings { a.w.u8(r) }
        a.w.optionalString(s.note); a.w.bool(s.withdrawn); a.w.varint(UInt64(s.older))
    }

    static func product(_ a: inout Archiver, _ p: Product) {
        a.id(p.customer); a.w.string(p.name); a.w.int(p.installedOn.number); a.w.bool(p.serviceEvery != nil)
        if let every = p.serviceEvery { a.w.varint(UInt64(every.count)); a.w.u8(UInt8(a.v.units.firstIndex(of: every.unit)!)) }
        a.w.optionalString(p.serial); a.w.optionalString(p.note); a.w.bool(p.removedOn != nil)
        if let day = p.removedOn { a.w.int(day.number) }
        a.w.bool(p.withdrawn); a.w.varint(UInt64(p.older))
    }

    /// A set of terms as bits, by position in `all`.
    static func bits<T: Equatable>(_ list: [T], _ all: [T]) -> UInt8 {
        list.reduce(0) { $0 | 1 << UInt8(all.firstIndex(of: $1)!) }
    }

    static func purchase(_ a: inout Archiver, _ b: Purchase) {
        a.id(b.customer); a.money(b.amount); a.w.int(b.date.number); a.w.optionalString(b.note); a.w.bool(b.withdrawn)
        a.w.varint(UInt64(b.older))
    }

    static func moodNote(_ a: inout Archiver, _ m: MoodNote) {
        a.id(m.customer); a.w.term(m.mood, a.v.moods); a.w.optionalString(m.note); a.w.time(m.at); a.w.bool(m.withdrawn)
        a.w.varint(UInt64(m.older))
    }

    static func note(_ a: inout Archiver, _ n: Note) {
        a.id(n.customer); a.w.string(n.text); a.w.time(n.at); a.w.bool(n.withdrawn); a.w.varint(UInt64(n.older))
    }

    static func anomaly(_ a: inout Archiver, _ x: Anomaly) {
        a.w.varint(UInt64(x.record)); a.w.u64(UInt64(truncatingIfNeeded: x.id.value >> 64))
        a.w.u64(UInt64(truncatingIfNeeded: x.id.value)); a.w.string(x.reason); a.w.bool(x.isUnreadable)
    }

    mutating func recordLinks(_ records: RecordLinks) {
        w.plain(records.offsets)
        w.plain(records.customer)
        w.plain(records.previous)
    }

    mutating func actions(_ actions: [String: [CRMState.Batch]], _ undone: Set<Int32>) {
        w.varint(UInt64(actions.count))
        for (actor, batches) in actions.sorted(by: { $0.key < $1.key }) {
            w.string(actor)
            w.varint(UInt64(batches.count))
            var last: Int32 = 0
            for b in batches {
                w.varint(UInt64(b.firstRecord - last))
                last = b.firstRecord
                w.varint(UInt64(b.count))
                w.u32(b.tag)
            }
        }
        w.varint(UInt64(undone.count))
        for first in undone.sorted() { w.varint(UInt64(first)) }
    }
}

/// Reads each kind of entity back, field by field.
private struct Unarchiver {
    var r: ArchiveReader
    let v = CRMState.Vocab()

    mutating func list<E>(_ one: (inout Unarchiver, Int32) throws(ArchiveError) -> E) throws(ArchiveError) -> ChunkedArray<E> {
        let n = try r.count()
        guard n < Int(Int32.max) else { throw ArchiveError(description: "a list in the checkpoint is too long") }
        var out: ChunkedArray<E> = []
        out.reserveCapacity(n)
        for i in 0..<n { out.append(try one(&self, Int32(i + 1))) }
        return out
    }

    mutating func id<E>() throws(ArchiveError) -> ID<E>? {
        let n = try r.varint()
        guard n <= UInt64(Int32.max) else { throw ArchiveError(description: "an id in the checkpoint is out of range") }
        return n == 0 ? nil : ID<E>(Int32(n))
    }

    mutating func required<E>() throws(ArchiveError) -> ID<E> {
        guard let x: ID<E> = try id() else { throw ArchiveError(description: "a missing reference in the checkpoint") }
        return x
    }

    mutating func link() throws(ArchiveError) -> Int32 {
        let n = try r.varint()
        guard n <= UInt64(Int32.max) else { throw ArchiveError(description: "a link in the checkpoint is out of range") }
        return Int32(n)
    }

    mutating func money() throws(ArchiveError) -> Money { Money(cents: try r.int(), currency: try r.string()) }

    static func customer(_ u: inout Unarchiver, _ n: Int32) throws(ArchiveError) -> Customer {
        var c = Customer(id: CustomerID(n), name: try u.r.string())
        c.kind = try u.r.term(u.v.kinds); c.phones = try u.r.strings(); c.emails = try u.r.strings()
        c.company = try u.r.optionalString(); c.address = try u.r.optionalString(); c.size = try u.r.optionalTerm(u.v.sizes)
        c.valueType = try u.r.optionalTerm(u.v.values); c.relationship = try u.r.term(u.v.levels)
        let bondBits = try u.r.u8()
        c.bonds = u.v.bonds.enumerated().filter { bondBits & (1 << UInt8($0.offset)) != 0 }.map(\.element)
        c.source = try u.r.optionalTerm(u.v.sources); c.hasNeed = try u.r.optionalBool(); c.canPay = try u.r.optionalBool()
        c.hasAuthority = try u.r.optionalBool(); c.experience = try u.r.optionalTerm(u.v.experiences)
        c.channel = try u.r.optionalTerm(u.v.channels); c.doNotContact = try u.r.bool(); c.doNotShare = try u.r.bool()
        c.owner = try u.r.optionalString(); c.tags = try u.r.strings(); c.personality = try u.r.optionalTerm(u.v.personalities)
        c.aidmas = try u.r.optionalTerm(u.v.aidmas)
        c.shiftSigns = terms(try u.r.u8(), u.v.shiftSigns); c.contributions = terms(try u.r.u8(), u.v.contributions)
        c.sensitiveTo = try u.r.optionalTerm(u.v.sensitivities); c.horizon = try u.r.optionalTerm(u.v.horizons)
        let share = try u.r.u8()
        c.walletShare = share == 0 ? nil : Int(share) - 1
        c.recommends = try u.r.optionalBool(); c.switchingBarrier = try u.r.optionalTerm(u.v.barriers)
        c.lockIns = terms(try u.r.u8(), u.v.lockIns); c.strategy = try u.r.optionalTerm(u.v.strategies)
        c.createdAt = try u.r.time(); c.withdrawn = try u.r.bool(); c.mergedInto = try u.id(); c.erasedAt = try u.r.optionalTime()
        c.lastTwoWayContact = try u.r.optionalTime(); c.lastContact = try u.r.optionalTime()
        if let mood = try u.r.optionalTerm(u.v.moods) { c.mood = MoodReading(mood: mood, at: try u.r.time()) }
        c.newestContact = try u.link(); c.newestDeal = try u.link(); c.newestInteraction = try u.link()
        c.newestFollowUp = try u.link(); c.newestComplaint = try u.link(); c.newestPurchase = try u.link()
        c.newestMoodNote = try u.link(); c.newestNote = try u.link(); c.newestSurvey = try u.link(); c.newestProduct = try u.link()
        c.newestRecord = try u.r.int32()
        return c
    }

    static func contact(_ u: inout Unarchiver, _ n: Int32) throws(ArchiveError) -> Contact {
        var p = Contact(id: ContactID(n), customer: try u.required(), name: try u.r.string())
        p.role = try u.r.optionalTerm(u.v.roles); p.title = try u.r.optionalString(); p.phone = try u.r.optionalString()
        p.email = try u.r.optionalString(); p.isCoach = try u.r.bool(); p.coachCriteria = terms(try u.r.u8(), u.v.criteria)
        p.withdrawn = try u.r.bool(); p.older = try u.link()
        return p
    }

    static func deal(_ u: inout Unarchiver, _ n: Int32) throws(ArchiveError) -> Deal {
        var d = Deal(id: DealID(n), customer: try u.required(), title: try u.r.string())
        if try u.r.bool() { d.value = try u.money() }
        d.stage = try u.r.term(u.v.stages)
        let p = try u.r.u8()
        d.probabilityOverride = p == 0 ? nil : Int(p) - 1
        if try u.r.bool() { d.expectedClose = Day(number: try u.r.int32()) }
        d.owner = try u.r.optionalString(); d.outcome = try u.r.optionalTerm(u.v.outcomes); d.closeReason = try u.r.optionalString()
        d.contactTime = try u.r.optionalString(); d.plan = try u.r.optionalString(); d.appointmentWith = try u.r.optionalString()
        d.appointmentAt = try u.r.optionalTime(); d.appointmentPlace = try u.r.optionalString()
        d.appointmentPurpose = try u.r.optionalString(); d.approach = try u.r.optionalTerm(u.v.approaches)
        d.presentation = try u.r.optionalTerm(u.v.presentations); d.closing = try u.r.optionalTerm(u.v.closings)
        d.createdAt = try u.r.time(); d.stageEnteredAt = try u.r.time(); d.closedAt = try u.r.optionalTime()
        d.followingThrough = try u.r.bool(); d.completedAt = try u.r.optionalTime(); d.movedBackAt = try u.r.optionalTime()
        let visits = try u.r.count()
        guard visits <= 10_000 else { throw ArchiveError(description: "a deal's path in the checkpoint is too long") }
        for _ in 0..<visits { d.path.append(StageVisit(try u.r.term(u.v.stages), at: try u.r.time())) }
        d.withdrawn = try u.r.bool(); d.openFollowUps = try u.r.int32(); d.older = try u.link()
        return d
    }

    static func interaction(_ u: inout Unarchiver, _ n: Int32) throws(ArchiveError) -> Interaction {
        let customer: CustomerID = try u.required()
        let deal: DealID? = try u.id(), contact: ContactID? = try u.id()
        let kind = try u.r.term(u.v.interactionKinds), direction = try u.r.term(u.v.directions)
        var x = Interaction(id: InteractionID(n), customer: customer, at: try u.r.time())
        x.deal = deal; x.contact = contact; x.kind = kind; x.direction = direction
        if try u.r.bool() { x.durationSeconds = try u.r.int32() }
        x.outcome = try u.r.optionalTerm(u.v.contactOutcomes); x.objection = try u.r.optionalTerm(u.v.objections)
        x.technique = try u.r.optionalTerm(u.v.techniques); x.mood = try u.r.optionalTerm(u.v.moods)
        x.note = try u.r.optionalString(); x.satisfied = try u.r.optionalBool(); x.by = try u.r.optionalString(); x.withdrawn = try u.r.bool(); x.older = try u.link()
        return x
    }

    static func followUp(_ u: inout Unarchiver, _ n: Int32) throws(ArchiveError) -> FollowUp {
        let customer: CustomerID = try u.required()
        let deal: DealID? = try u.id()
        var f = FollowUp(id: FollowUpID(n), customer: customer, due: try u.r.time())
        f.deal = deal; f.tactic = try u.r.optionalTerm(u.v.tactics); f.note = try u.r.optionalString()
        f.owner = try u.r.optionalString(); f.product = try u.id(); f.sweep = try u.r.optionalString()
        f.status = try u.r.term(u.v.statuses); f.snoozedFrom = try u.r.optionalTime(); f.outcome = try u.r.optionalTerm(u.v.contactOutcomes)
        f.interaction = try u.id(); f.closedAt = try u.r.optionalTime(); f.createdAt = try u.r.time()
        f.withdrawn = try u.r.bool(); f.older = try u.link()
        return f
    }

    static func complaint(_ u: inout Unarchiver, _ n: Int32) throws(ArchiveError) -> Complaint {
        let customer: CustomerID = try u.required()
        let deal: DealID? = try u.id()
        var k = Complaint(id: ComplaintID(n), customer: customer, summary: try u.r.string())
        k.deal = deal; k.openedAt = try u.r.time(); k.resolvedAt = try u.r.optionalTime(); k.resolution = try u.r.optionalString()
        let steps = try u.r.count()
        for _ in 0..<steps { k.steps.append(ComplaintStep(day: Day(number: try u.r.int32()), text: try u.r.string())) }
        k.satisfied = try u.r.optionalBool(); k.withdrawn = try u.r.bool(); k.older = try u.link()
        return k
    }

    static func survey(_ u: inout Unarchiver, _ n: Int32) throws(ArchiveError) -> Survey {
        let customer: CustomerID = try u.required()
        let date = Day(number: try u.r.int32())
        let count = try u.r.count()
        guard count <= SurveyStatement.all.count else { throw ArchiveError(description: "a survey in the checkpoint is too long") }
        var ratings: [UInt8] = []
        for _ in 0..<count { ratings.append(try u.r.u8()) }
        var s = Survey(id: SurveyID(n), customer: customer, date: date, ratings: ratings)
        s.note = try u.r.optionalString(); s.withdrawn = try u.r.bool(); s.older = try u.link()
        return s
    }

    static func product(_ u: inout Unarchiver, _ n: Int32) throws(ArchiveError) -> Product {
        var p = Product(id: ProductID(n), customer: try u.required(), name: try u.r.string(), installedOn: Day(number: try u.r.int32()))
        if try u.r.bool() {
            let count = try u.r.count()
            p.serviceEvery = ServiceInterval(count: count, unit: try u.r.term(u.v.units))
        }
        p.serial = try u.r.optionalString(); p.note = try u.r.optionalString()
        if try u.r.bool() { p.removedOn = Day(number: try u.r.int32()) }
        p.withdrawn = try u.r.bool(); p.older = try u.link()
        return p
    }

    /// The terms whose bits are set, by position in `all`.
    static func terms<T>(_ bits: UInt8, _ all: [T]) -> [T] {
        all.enumerated().filter { bits & (1 << UInt8($0.offset)) != 0 }.map(\.element)
    }

    static func purchase(_ u: inout Unarchiver, _ n: Int32) throws(ArchiveError) -> Purchase {
        var b = Purchase(id: PurchaseID(n), customer: try u.required(), amount: try u.money(), date: Day(number: try u.r.int32()))
        b.note = try u.r.optionalString(); b.withdrawn = try u.r.bool(); b.older = try u.link()
        return b
    }

    static func moodNote(_ u: inout Unarchiver, _ n: Int32) throws(ArchiveError) -> MoodNote {
        let customer: CustomerID = try u.required()
        let mood = try u.r.term(u.v.moods), note = try u.r.optionalString()
        var m = MoodNote(id: MoodNoteID(n), customer: customer, mood: mood, at: try u.r.time())
        m.note = note; m.withdrawn = try u.r.bool(); m.older = try u.link()
        return m
    }

    static func note(_ u: inout Unarchiver, _ n: Int32) throws(ArchiveError) -> Note {
        var x = Note(id: NoteID(n), customer: try u.required(), text: try u.r.string(), at: try u.r.time())
        x.withdrawn = try u.r.bool(); x.older = try u.link()
        return x
    }

    static func anomaly(_ u: inout Unarchiver, _: Int32) throws(ArchiveError) -> Anomaly {
        let record = try u.r.count()
        let hi = try u.r.u64(), lo = try u.r.u64()
        return Anomaly(record: record, id: RecordID(UInt128(hi) << 64 | UInt128(lo)), reason: try u.r.string(), isUnreadable: try u.r.bool())
    }

    mutating func recordLinks() throws(ArchiveError) -> RecordLinks {
        var links = RecordLinks()
        links.offsets = ChunkedArray(try r.plain(Int64.self))
        links.customer = ChunkedArray(try r.plain(Int32.self))
        links.previous = ChunkedArray(try r.plain(Int32.self))
        guard links.customer.count == links.offsets.count, links.previous.count == links.offsets.count else {
            throw ArchiveError(description: "the record links in the checkpoint disagree")
        }
        return links
    }

    mutating func actions() throws(ArchiveError) -> ([String: [CRMState.Batch]], Set<Int32>) {
        var actions = [String: [CRMState.Batch]]()
        let actorCount = try r.count()
        for _ in 0..<actorCount {
            let actor = try r.string()
            let n = try r.count()
            var batches: [CRMState.Batch] = []
            batches.reserveCapacity(n)
            var first: Int32 = 0
            for _ in 0..<n {
                let (sum, overflow) = first.addingReportingOverflow(try link())
                guard !overflow else { throw ArchiveError(description: "a record number in the checkpoint is out of range") }
                first = sum
                batches.append(CRMState.Batch(firstRecord: first, count: try link(), tag: try r.u32()))
            }
            actions[actor] = batches
        }
        var undone = Set<Int32>()
        let undoneCount = try r.count()
        for _ in 0..<undoneCount { undone.insert(try link()) }
        return (actions, undone)
    }
}
