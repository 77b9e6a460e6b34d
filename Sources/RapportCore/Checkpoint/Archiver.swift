import Foundation

/// Writes each kind of entity, field by field.
struct Archiver {
    var w: ArchiveWriter
    let v = CRMState.Vocab()

    /// Elements per chunk of a list. Each chunk has strings of its own, so
    /// that the chunks of a list decode in parallel, or one alone (a search
    /// that shows 20 customers decodes 20 chunks). A whole number of them
    /// fill a chunk of `ChunkedArray`.
    static let chunk = 128

    /// A list: its count, the byte length of each chunk, then the chunks.
    mutating func list<C: Collection>(_ items: C, _ one: (inout Archiver, C.Element) -> Void) {
        w.varint(UInt64(items.count))
        var chunks: [[UInt8]] = []
        var part = Archiver(w: ArchiveWriter(capacity: 1 << 16))
        for (i, e) in items.enumerated() {
            one(&part, e)
            if (i + 1) % Self.chunk == 0 || i + 1 == items.count {
                chunks.append(part.w.bytes)
                part = Archiver(w: ArchiveWriter(capacity: 1 << 16))
            }
        }
        for c in chunks { w.varint(UInt64(c.count)) }
        for c in chunks { w.raw(c) }
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
