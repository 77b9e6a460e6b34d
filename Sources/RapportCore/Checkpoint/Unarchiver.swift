import Foundation

/// Reads each kind of entity back, field by field.
struct Unarchiver {
    var r: ArchiveReader
    let v = CRMState.Vocab()

    /// A list `Archiver.list` wrote, its chunks decoded in parallel.
    mutating func list<E>(_ one: (inout Unarchiver, Int32) throws(ArchiveError) -> E) throws(ArchiveError) -> ChunkedArray<E> {
        let start = r.position
        var rest = ArchiveReader(UnsafeRawBufferPointer(rebasing: r.bytes[start...]))
        let (count, ranges) = try Self.listLayout(&rest, within: r.bytes.count - start)
        r.position = start + (ranges.last?.upperBound ?? rest.position)
        let chunks = (count, ranges.map { ($0.lowerBound + start)..<($0.upperBound + start) })
        // Each task decodes the archive chunks that fill one chunk of the array.
        let perArray = ChunkedArray<E>.chunkCapacity / Archiver.chunk
        let groups = stride(from: 0, to: ranges.count, by: perArray).map { $0..<min($0 + perArray, ranges.count) }
        return ChunkedArray(chunks: try Self.decode(groups, of: chunks, in: r.bytes, one))
    }

    /// The element count of the list `r` starts with, and where each chunk
    /// of it lies from there; the chunks must end within `length` bytes.
    static func listLayout(_ r: inout ArchiveReader, within length: Int) throws(ArchiveError) -> (count: Int, chunks: [Range<Int>]) {
        let n = try r.length(within: length)
        guard n < Int(Int32.max) else { throw ArchiveError(description: "a list in the checkpoint is too long") }   // catalogue: not text
        let count = (n + Archiver.chunk - 1) / Archiver.chunk
        var lengths: [Int] = []
        for _ in 0..<count { lengths.append(try r.length(within: length)) }
        var ranges: [Range<Int>] = [], at = r.position
        for size in lengths {
            guard size <= length - at else { throw ArchiveError(description: "the checkpoint is cut short") }   // catalogue: not text
            ranges.append(at..<at + size)
            at += size
        }
        return (n, ranges)
    }

    /// The elements numbered `numbers` (1-based), one chunk's worth, from its bytes alone.
    static func chunk<E>(_ bytes: UnsafeRawBufferPointer, numbers: ClosedRange<Int>,
                         _ one: (inout Unarchiver, Int32) throws(ArchiveError) -> E) throws(ArchiveError) -> [E] {
        var elements: [E] = []
        try chunk(bytes, numbers: numbers, one, into: &elements)
        return elements
    }

    /// The same, appended to `elements`.
    static func chunk<E>(_ bytes: UnsafeRawBufferPointer, numbers: ClosedRange<Int>,
                         _ one: (inout Unarchiver, Int32) throws(ArchiveError) -> E, into elements: inout [E]) throws(ArchiveError) {
        var u = Unarchiver(r: ArchiveReader(bytes))
        for n in numbers { elements.append(try one(&u, Int32(n))) }
        guard u.r.atEnd else { throw ArchiveError(description: "a chunk of a list in the checkpoint has extra bytes") }   // catalogue: not text
    }

    /// Decodes groups of chunks in parallel, each chunk alone, numbered from its place in the list.
    private static func decode<E>(
        _ which: [Range<Int>], of chunks: (elementCount: Int, ranges: [Range<Int>]), in bytes: UnsafeRawBufferPointer,
        _ one: (inout Unarchiver, Int32) throws(ArchiveError) -> E
    ) throws(ArchiveError) -> [[E]] {
        var out = [[E]](repeating: [], count: which.count)
        var failures = [ArchiveError?](repeating: nil, count: which.count)
        withoutActuallyEscaping(one) { one in
            out.withUnsafeMutableBufferPointer { outs in
                failures.withUnsafeMutableBufferPointer { failuresOut in
                    let shared = UnsafeSendable((outs, failuresOut, one, bytes))
                    DispatchQueue.concurrentPerform(iterations: which.count) { i in
                        let (outs, failuresOut, one, bytes) = shared.value
                        var elements: [E] = []
                        elements.reserveCapacity(which[i].count * Archiver.chunk)
                        do throws(ArchiveError) {
                            for k in which[i] {
                                let first = k * Archiver.chunk
                                let numbers = first + 1...min(first + Archiver.chunk, chunks.elementCount)
                                try chunk(UnsafeRawBufferPointer(rebasing: bytes[chunks.ranges[k]]), numbers: numbers, one, into: &elements)
                            }
                            outs[i] = elements
                        } catch {
                            failuresOut[i] = error
                        }
                    }
                }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        return out
    }

    mutating func id<E>() throws(ArchiveError) -> ID<E>? {
        let n = try r.varint()
        guard n <= UInt64(Int32.max) else { throw ArchiveError(description: "an id in the checkpoint is out of range") }   // catalogue: not text
        return n == 0 ? nil : ID<E>(Int32(n))
    }

    mutating func required<E>() throws(ArchiveError) -> ID<E> {
        guard let x: ID<E> = try id() else { throw ArchiveError(description: "a missing reference in the checkpoint") }   // catalogue: not text
        return x
    }

    mutating func link() throws(ArchiveError) -> Int32 {
        let n = try r.varint()
        guard n <= UInt64(Int32.max) else { throw ArchiveError(description: "a link in the checkpoint is out of range") }   // catalogue: not text
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
        guard visits <= 10_000 else { throw ArchiveError(description: "a deal's path in the checkpoint is too long") }   // catalogue: not text
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
        guard count <= SurveyStatement.all.count else { throw ArchiveError(description: "a survey in the checkpoint is too long") }   // catalogue: not text
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
            throw ArchiveError(description: "the record links in the checkpoint disagree")   // catalogue: not text
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
                guard !overflow else { throw ArchiveError(description: "a record number in the checkpoint is out of range") }   // catalogue: not text
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
