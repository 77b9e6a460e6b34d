/// One thing that happens in the demo business: when, to which customer,
/// and the few numbers that say what. Stories are generated as steps,
/// sorted by time, then turned into events (`DemoEmitter`).
struct DemoStep {
    enum Kind: UInt8 {
        case customer, contact, personality, deal, move, call, close, schedule, complete, complaint, resolve, purchase, mood, note
        case followThrough, product, survey, complaintStep, confirm
    }

    var time: Int64
    var customer: Int32
    var kind: Kind
    /// A local index: the customer's deal, contact, follow-up or complaint.
    var a: Int16 = 0
    /// A stage number, a flag or an outcome.
    var b: Int16 = 0
    /// More detail: a due time (minutes since the epoch), a random salt.
    var c: Int32 = 0
}

/// The stories of the demo customers.
enum DemoStory {
    static let day: Int64 = 86_400_000
    static let hour: Int64 = 3_600_000

    /// Most deals per customer, contacts, follow-ups per deal and complaints per deal.
    static let maxDeals = 2, maxContacts = 3, maxFollowUps = 3

    /// The steps of customer `i` of `count`, all before `now`; `zoneOffset`
    /// (milliseconds east of UTC) puts due times in local working hours.
    static func steps(customer i: Int, of count: Int, seed: UInt64, now: Int64, zoneOffset: Int64) -> [DemoStep] {
        var r = DemoRandom(seed, UInt64(i))
        let span = 365 * day
        var t0 = now - span + Int64(Double(span - 3 * day) * Double(i) / Double(max(1, count))) + Int64(r.below(Int(day)))
        t0 = min(t0, now - 2 * hour)
        let c = Int32(i)
        var out: [DemoStep] = []
        func add(_ time: Int64, _ kind: DemoStep.Kind, a: Int = 0, b: Int = 0, salt: Bool = true) {
            guard time < now else { return }
            out.append(DemoStep(time: time, customer: c, kind: kind, a: Int16(a), b: Int16(b), c: salt ? Int32(truncatingIfNeeded: r.next()) : 0))
        }
        func between(_ lo: Int64, _ hi: Int64) -> Int64 { lo + Int64(r.below(Int(max(1, hi - lo)))) }
        /// A follow-up scheduled at `time`, due on the local day of `due` at a working hour.
        func schedule(_ time: Int64, a: Int, b: Int, due: Int64) {
            guard time < now else { return }
            let localDay = (due + zoneOffset).floorDivided(by: day).0
            let at = localDay * day - zoneOffset + Int64(r.within(8, 18)) * hour + Int64(r.below(2)) * 30 * 60_000
            out.append(DemoStep(time: time, customer: c, kind: .schedule, a: Int16(a), b: Int16(b), c: Int32(at / 60_000)))
        }

        let organisation = r.chance(0.45)
        add(t0, .customer, b: organisation ? 1 : 0)
        if organisation {
            let n = r.within(1, maxContacts)
            let coach = r.chance(0.55) ? r.below(n) : -1
            for j in 0..<n { add(t0 + between(hour, 3 * day), .contact, a: j, b: j == coach ? 1 : 0) }
        }
        if r.chance(0.6) { add(t0 + between(day, 10 * day), .personality) }

        let roll = r.below(100)
        let deals = roll < 15 ? 0 : roll < 85 ? 1 : 2
        for j in 0..<deals {
            var t = t0 + Int64(j) * 40 * day + between(hour, 15 * day)
            guard t < now else { break }
            var stage = r.chance(0.7) ? 1 : 2
            add(t, .deal, a: j, b: stage)
            let moves = r.within(0, 6 - stage)   // follow-through comes with the win
            for _ in 0..<moves {
                let next = t + between(4 * day, 16 * day)
                guard next < now else { break }
                if r.chance(0.6) { add(between(t + hour, next - hour), .call, a: j + 1, b: stage) }
                t = next
                stage += 1
                add(t, .move, a: j, b: stage)
            }
            // How it ends: won, lost, or still being worked.
            if stage >= 5, r.chance(0.6) {
                let closed = t + between(day, 10 * day)
                guard closed < now else { continue }
                add(closed, .close, a: j, b: 1)   // the win, its purchase and a delivery check
                // Follow-through: complete after a few weeks (unless won lately).
                add(closed + between(12 * day, 40 * day), .followThrough, a: j)
                if organisation, r.chance(0.4) { add(closed + between(3 * day, 14 * day), .product, a: j) }
                if r.chance(0.35) {
                    var s = closed + between(20 * day, 60 * day)
                    for _ in 0..<r.within(1, 3) {
                        add(s, .survey, a: j)
                        s += between(60 * day, 150 * day)
                    }
                }
                if r.chance(0.15) {
                    let k = closed + between(5 * day, 30 * day)
                    add(k, .complaint, a: j)
                    if r.chance(0.6) { add(k + between(hour, 3 * day), .complaintStep, a: j) }
                    if r.chance(0.5) {
                        let resolved = k + between(day, 10 * day)
                        add(resolved, .resolve, a: j)
                        if r.chance(0.75) { add(resolved + between(day, 7 * day), .confirm, a: j) }
                    }
                }
                continue
            }
            let recent = now - t < 45 * day
            if !recent, r.chance(0.3) {
                add(t + between(20 * day, 60 * day), .close, a: j, b: 2)
                continue
            }
            if !recent, r.chance(0.45) { continue }   // left alone: a stale deal
            // Follow-ups: perhaps one done, and one open, due around now for recent deals.
            var ts = t + between(hour, 2 * day)
            var f = 0
            if r.chance(0.5), ts + 3 * day < now {
                let due = ts + between(day, 6 * day)
                schedule(ts, a: j * maxFollowUps + f, b: j, due: due)
                let done = due + between(0, day)
                if done < now {
                    add(done, .complete, a: j * maxFollowUps + f, b: j)
                    ts = done + 10 * 60_000
                    f += 1
                }
            }
            // Still being worked: the open follow-up falls around now; a few
            // are some days late, and a few were forgotten long ago.
            let late = r.below(100)
            let due = recent || late < 80 ? now + between(-6 * day, 14 * day)
                : late < 96 ? now - between(day, 12 * day) : max(ts + between(5 * day, 20 * day), now - 120 * day)
            schedule(ts, a: j * maxFollowUps + f, b: j, due: due)
        }
        for _ in 0..<r.within(0, 2) { add(between(t0 + hour, now), .call) }
        if r.chance(0.15) { add(between(t0 + hour, now), .mood) }
        if r.chance(0.1) { add(between(t0 + hour, now), .note) }
        return out
    }
}
