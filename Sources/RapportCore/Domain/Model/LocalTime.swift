import Foundation

/// The clock and time zone that queries are answered in: "now", "today",
/// "overdue by two days" are all local to the person asking.
public struct LocalTime: Sendable {
    /// The moment treated as now.
    public var now: Timestamp
    /// The zone whose calendar days count.
    public let zone: TimeZone
    /// The zone's offsets from two years before now to two years after:
    /// (from this moment on, seconds east of UTC), oldest first. Queries ask
    /// for offsets hundreds of thousands of times; the zone is asked once.
    private let offsets: [(from: Int64, seconds: Int64)]
    private let window: ClosedRange<Int64>

    public init(now: Timestamp, zone: TimeZone = .current) {
        self.now = now
        self.zone = zone
        let year: Int64 = 366 * 86_400_000
        window = (now.milliseconds - 2 * year)...(now.milliseconds + 2 * year)
        var table: [(Int64, Int64)] = []
        var moment = Date(timeIntervalSince1970: Double(window.lowerBound) / 1000)
        table.append((window.lowerBound, Int64(zone.secondsFromGMT(for: moment))))
        while let next = zone.nextDaylightSavingTimeTransition(after: moment), next.timeIntervalSince1970 * 1000 < Double(window.upperBound) {
            table.append((Int64(next.timeIntervalSince1970 * 1000), Int64(zone.secondsFromGMT(for: next))))
            moment = next
        }
        offsets = table
    }

    /// Seconds east of UTC at `t`.
    public func offset(at t: Timestamp) -> Int64 {
        guard window.contains(t.milliseconds) else {
            return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t.milliseconds) / 1000)))
        }
        var lo = 0, hi = offsets.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if offsets[mid].from <= t.milliseconds { lo = mid } else { hi = mid - 1 }
        }
        return offsets[lo].seconds
    }

    /// The local calendar day of `t`.
    public func day(of t: Timestamp) -> Day {
        let local = t.milliseconds + offset(at: t) * 1000
        return Day(number: Int32(local.floorDivided(by: 86_400_000).0))
    }

    /// Today's local date.
    public var today: Day { day(of: now) }

    /// The moment a local time of day begins on `day`.
    public func moment(_ day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Timestamp {
        let localMs = (Int64(day.number) * 86_400 + Int64(hour * 3600 + minute * 60 + second)) * 1000
        // Use the offset in force at that moment (twice, to settle across a DST change).
        var guess = Timestamp(milliseconds: localMs - offset(at: Timestamp(milliseconds: localMs)) * 1000)
        guess = Timestamp(milliseconds: localMs - offset(at: guess) * 1000)
        return guess
    }

    /// The first moment of `day`.
    public func startOfDay(_ day: Day) -> Timestamp { moment(day) }

    /// Whole local days from `t`'s date to today's (positive when `t` is in the past).
    public func daysSince(_ t: Timestamp) -> Int { Int(today.number - day(of: t).number) }

    /// `2026-11-23 09:30` in local time.
    public func format(_ t: Timestamp) -> String {
        let local = t.milliseconds + offset(at: t) * 1000
        let (days, ms) = local.floorDivided(by: 86_400_000)
        let minutes = ms / 60_000
        let h = minutes / 60, m = minutes % 60
        return "\(Day(number: Int32(days))) \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// `09:30` in local time.
    public func formatTime(_ t: Timestamp) -> String { String(format(t).suffix(5)) }

    /// The moment as RFC 3339 with the local offset: `2026-11-23T09:30:00+08:00`.
    public func formatISO(_ t: Timestamp) -> String {
        let off = offset(at: t)
        let local = t.milliseconds + off * 1000
        let (days, ms) = local.floorDivided(by: 86_400_000)
        let s = ms / 1000
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let sign = off < 0 ? "-" : "+"
        let a = abs(off)
        return "\(Day(number: Int32(days)))T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))\(sign)\(two(a / 3600)):\(two(a / 60 % 60))"
    }
}
