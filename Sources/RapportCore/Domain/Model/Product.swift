/// A product installed at a customer's, with its own file and its check-ups
/// (seed 003: one file per installed product, proactive "health care").
public struct Product: CustomerOwned, Equatable, Sendable {
    public static let kind = EntityKind.product
    public var id: ProductID
    public var customer: CustomerID
    public var name: String
    public var installedOn: Day
    /// How often it is checked; nil: no scheduled check-ups.
    public var serviceEvery: ServiceInterval?
    public var serial: String?
    public var note: String?
    /// Taken out of service: no more check-ups.
    public var removedOn: Day?
    public var withdrawn = false
    var older: Int32 = 0

    public init(id: ProductID, customer: CustomerID, name: String, installedOn: Day) {
        self.id = id
        self.customer = customer
        self.name = name
        self.installedOn = installedOn
    }

    /// In service: installed and not removed (nor withdrawn).
    public var inService: Bool { removedOn == nil && !withdrawn }

    /// The first check-up after `day` (strictly later): installation plus a
    /// whole number of intervals. Nil without an interval.
    public func checkUp(after day: Day) -> Day? {
        guard let every = serviceEvery else { return nil }
        var n = 1
        var next = every.after(installedOn, times: n)
        while next <= day {
            n += 1
            next = every.after(installedOn, times: n)
        }
        return next
    }
}

/// How often something recurs: `6m`, `2w`, `90d`, `1y` (or `6 months`).
public struct ServiceInterval: Equatable, Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case days = "d", weeks = "w", months = "m", years = "y"
    }

    public let count: Int
    public let unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses `6m`, `6 months`, `2w`, `14 days`, `1y`, and in Chinese `6个月`,
    /// `2周`, `90天`, `1年`; nil for anything else.
    public init?(_ text: String) {
        let t = text.trimmingSpaces.lowercased()
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        let word = String(t.dropFirst(digits.count)).trimmingSpaces
        guard let n = Int(digits), (1...999).contains(n) else { return nil }
        let units: [Unit: [String]] = [.days: ["d", "day", "days", "天"], .weeks: ["w", "week", "weeks", "周", "星期"],   // catalogue: not text
                                       .months: ["m", "month", "months", "月", "个月"], .years: ["y", "year", "years", "年"]]   // catalogue: not text
        guard let unit = units.first(where: { $0.value.contains(word) })?.key else { return nil }
        count = n
        self.unit = unit
    }

    /// Parses an interval or fails with a message saying what is accepted.
    public static func parsing(_ text: String, field: String = "service-every") throws(InputError) -> ServiceInterval {
        guard let interval = ServiceInterval(text) else {
            throw InputError(say("model.interval.bad", field, text), field: field)
        }
        return interval
    }

    public var description: String { "\(count)\(unit.rawValue)" }

    /// In words: `every 6 months`.
    public var words: String {
        switch unit {
        case .days: sayCount("model.interval.days", count)
        case .weeks: sayCount("model.interval.weeks", count)
        case .months: sayCount("model.interval.months", count)
        case .years: sayCount("model.interval.years", count)
        }
    }

    /// `times` intervals after `day` (months keep the day of the month, or
    /// the month's last day when it is shorter).
    public func after(_ day: Day, times: Int = 1) -> Day {
        switch unit {
        case .days: return Day(number: day.number + Int32(count * times))
        case .weeks: return Day(number: day.number + Int32(7 * count * times))
        case .months, .years:
            let months = (unit == .years ? 12 : 1) * count * times
            let (y, m, d) = day.civil
            let total = (y * 12 + (m - 1)) + months
            let year = total / 12, month = total % 12 + 1
            let last = Int(Timestamp.daysIn(month: Int64(month), year: Int64(year)))
            return Day(year: year, month: month, day: min(d, last)) ?? day
        }
    }
}
