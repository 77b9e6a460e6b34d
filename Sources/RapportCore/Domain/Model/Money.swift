/// An amount in a currency, exact to the cent: written `12000.50 CNY`.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// Hundredths of the currency unit.
    public var cents: Int64
    /// An ISO 4217 code such as `CNY`.
    public var currency: String

    /// The currency when none is given.
    public static let defaultCurrency = "CNY"   // catalogue: not text (a currency code)

    public init(cents: Int64, currency: String = Money.defaultCurrency) {
        self.cents = cents
        self.currency = currency
    }

    /// The largest amount in whole units: fifteen digits.
    public static let maximumUnits: Int64 = 999_999_999_999_999

    /// Why a text is not an amount.
    public enum ParseError: Error, Equatable, Sendable {
        case notAnAmount, tooLarge
    }

    /// Parses `12000`, `12,000.5`, `12000.50 CNY`; nil for anything else.
    /// Negative amounts are refused by the callers that need them positive.
    public init?(_ text: String, currency fallback: String = Money.defaultCurrency) {
        guard case .success(let m) = Money.parse(text, currency: fallback) else { return nil }
        self = m
    }

    /// Parses an amount, telling a text that is no amount from one too large.
    public static func parse(_ text: String, currency fallback: String = Money.defaultCurrency) -> Result<Money, ParseError> {
        let parts = text.trimmingSpaces.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 1 || parts.count == 2 else { return .failure(.notAnAmount) }
        var currency = fallback
        if parts.count == 2 {
            guard let code = Money.currencyCode(String(parts[1])) else { return .failure(.notAnAmount) }
            currency = code
        }
        var number = parts[0].filter { $0 != "," }
        let negative = number.hasPrefix("-")
        if negative { number.removeFirst() }
        let halves = number.split(separator: ".", omittingEmptySubsequences: false)
        guard halves.count <= 2, let whole = halves.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else {
            return .failure(.notAnAmount)
        }
        let fraction = halves.count == 2 ? halves[1] : ""
        guard fraction.count <= 2, fraction.allSatisfy(\.isASCIIDigit), halves.count == 1 || !fraction.isEmpty else {
            return .failure(.notAnAmount)
        }
        let digits = whole.drop { $0 == "0" }
        guard digits.count <= 15, let units = Int64(digits.isEmpty ? "0" : String(digits)), units <= maximumUnits else {
            return .failure(.tooLarge)
        }
        let cents = units * 100 + Int64((fraction + "00").prefix(2))!
        return .success(Money(cents: negative ? -cents : cents, currency: currency))
    }

    /// An upper-cased three-letter code, or nil.
    public static func currencyCode(_ text: String) -> String? {
        let code = text.trimmingSpaces.uppercased()
        return code.count == 3 && code.allSatisfy({ $0.isASCII && $0.isLetter }) ? code : nil
    }

    /// `12000.50 CNY`: the form stored in the log.
    public var description: String { "\(plainAmount) \(currency)" }

    /// `12000.50` (no grouping, two decimals).
    public var plainAmount: String {
        let sign = cents < 0 ? "-" : ""
        let c = cents.magnitude
        let frac = c % 100
        return "\(sign)\(c / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// `12,000.50 CNY` or `12,000 CNY` for people.
    public var display: String {
        let whole = Format.grouped(cents / 100)
        let frac = cents.magnitude % 100
        return frac == 0 ? "\(whole) \(currency)" : "\(whole).\(frac < 10 ? "0" : "")\(frac) \(currency)"
    }

    /// Short form for narrow columns: `12k`, `1.2M`.
    public var compact: String { Money.compact(cents) }

    /// Short form of an amount in cents: `950`, `12k`, `1.2M`.
    public static func compact(_ cents: Int64) -> String {
        let units = Double(cents) / 100
        let a = abs(units)
        if a >= 1_000_000 { return trim(units / 1_000_000) + "M" }
        if a >= 10_000 { return String(Int((units / 1000).rounded())) + "k" }
        if a >= 1000 { return trim(units / 1000) + "k" }
        return String(Int(units.rounded()))
    }

    /// The short form as people reading `language` expect it: 万 and 亿 in Chinese (`46.7万`, `1.2亿`).
    public static func compact(_ cents: Int64, _ language: Language) -> String {
        guard language == .zh else { return compact(cents) }
        let units = Double(cents) / 100
        let a = abs(units)
        if a >= 100_000_000 { return trim(units / 100_000_000) + "亿" }
        if a >= 1_000_000 { return String(Int((units / 10_000).rounded())) + "万" }   // 124万: a tight column has no room for 123.6万
        if a >= 10_000 { return trim(units / 10_000) + "万" }
        return String(Int(units.rounded()))
    }

    private static func trim(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

extension Character {
    /// 0 to 9 only.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
