import Foundation

/// A moment, as milliseconds since 1970 UTC; written as `2026-11-23T07:32:00.123Z`.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    /// A timestamp from milliseconds since the epoch.
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// The current wall-clock time.
    public static func now() -> Timestamp {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Timestamp(milliseconds: Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000)
    }

    /// This moment shifted by `seconds`.
    public func adding(seconds: Int64) -> Timestamp { Timestamp(milliseconds: milliseconds + seconds * 1000) }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    /// RFC 3339 in UTC with milliseconds: `2026-11-23T07:32:00.123Z`.
    public var description: String { String(decoding: utf8, as: UTF8.self) }

    /// The 24 bytes of `description`.
    public var utf8: [UInt8] {
        let (days, msOfDay) = milliseconds.floorDivided(by: 86_400_000)
        let (y, m, d) = Self.civil(fromDays: days)
        var out = [UInt8]()
        out.reserveCapacity(24)
        func put(_ v: Int64, _ width: Int) {
            var digits = [UInt8](repeating: 48, count: width)
            var v = v
            for i in stride(from: width - 1, through: 0, by: -1) {
                digits[i] = UInt8(48 + v % 10)
                v /= 10
            }
            out += digits
        }
        put(y, 4); out.append(45); put(m, 2); out.append(45); put(d, 2); out.append(84)
        put(msOfDay / 3_600_000, 2); out.append(58)
        put(msOfDay / 60_000 % 60, 2); out.append(58)
        put(msOfDay / 1000 % 60, 2); out.append(46)
        put(msOfDay % 1000, 3); out.append(90)
        return out
    }

    /// Parses exactly the 24-byte form that `description` writes; nil otherwise.
    public init?(rfc3339 b: UnsafeRawBufferPointer) {
        var cache = DayCache()
        guard let t = Timestamp(rfc3339: b, cache: &cache) else { return nil }
        self = t
    }

    /// The last date seen while parsing many timestamps: log records mostly
    /// share their date with the record before.
    struct DayCache {
        var date: (UInt64, UInt16) = (0, 0)
        var days: Int64 = 0
    }

    /// Parses the 24-byte form, reusing the day count of an unchanged date.
    init?(rfc3339 b: UnsafeRawBufferPointer, cache: inout DayCache) {
        guard b.count == 24, let base = b.baseAddress else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int64 { Int64(b[i]) &- 48 }
        let date = (base.loadUnaligned(as: UInt64.self), base.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        let days: Int64
        if date == cache.date {
            days = cache.days
        } else {
            guard b[4] == 45, b[7] == 45 else { return nil }
            var ok = true
            for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(0...9).contains(digit(i)) { ok = false }
            let y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
            let mo = digit(5) * 10 + digit(6), d = digit(8) * 10 + digit(9)
            guard ok, (1...12).contains(mo), (1...Self.daysIn(month: mo, year: y)).contains(d) else { return nil }
            days = Self.days(fromCivil: y, mo, d)
            cache = DayCache(date: date, days: days)
        }
        let h0 = digit(11), h1 = digit(12), m0 = digit(14), m1 = digit(15), s0 = digit(17), s1 = digit(18)
        let f0 = digit(20), f1 = digit(21), f2 = digit(22)
        guard b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 46, b[23] == 90,
              (0...2).contains(h0), (0...9).contains(h1), (0...5).contains(m0), (0...9).contains(m1),
              (0...5).contains(s0), (0...9).contains(s1),
              (0...9).contains(f0), (0...9).contains(f1), (0...9).contains(f2)
        else { return nil }
        let h = h0 * 10 + h1
        guard h < 24 else { return nil }
        milliseconds = ((days * 24 + h) * 60 + m0 * 10 + m1) * 60_000 + (s0 * 10 + s1) * 1000 + f0 * 100 + f1 * 10 + f2
    }

    /// Parses exactly the 24-byte form that `description` writes; nil otherwise.
    public init?(rfc3339 s: [UInt8]) {
        guard let t = s.withUnsafeBytes({ Timestamp(rfc3339: $0) }) else { return nil }
        self = t
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, after H. Hinnant)

    /// Days since 1970-01-01 of a civil date.
    public static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date (year, month, day) of a day count since 1970-01-01.
    public static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The number of days in a month.
    public static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Int64 {
    /// Floor division with a non-negative remainder.
    func floorDivided(by d: Int64) -> (Int64, Int64) {
        let q = self / d, r = self % d
        return r < 0 ? (q - 1, r + d) : (q, r)
    }
}
