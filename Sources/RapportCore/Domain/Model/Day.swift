/// A calendar date without a time: an expected close date, a purchase date.
/// Written `2026-12-31`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var number: Int32

    public init(number: Int32) { self.number = number }

    /// The date with this year, month and day; nil if there is no such date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Int(Timestamp.daysIn(month: Int64(month), year: Int64(year)))).contains(day)
        else { return nil }
        number = Int32(Timestamp.days(fromCivil: Int64(year), Int64(month), Int64(day)))
    }

    /// Parses `YYYY-MM-DD`; nil otherwise.
    public init?(_ text: String) {
        let parts = text.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month, day.
    public var civil: (year: Int, month: Int, day: Int) {
        let (y, m, d) = Timestamp.civil(fromDays: Int64(number))
        return (Int(y), Int(m), Int(d))
    }

    public var description: String {
        let (y, m, d) = civil
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }
}
