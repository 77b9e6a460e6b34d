import Foundation

extension Customer {
    /// Relationship temperature, 0 to 100: 100 right after two-way contact,
    /// halving every `relationship.halfLifeDays` without it (the shelf life of
    /// DOMAIN.md §3); 0 when we were never in touch both ways.
    public func temperature(at time: LocalTime) -> Int {
        guard let last = lastTwoWayContact else { return 0 }
        let days = max(0, Double(time.now.milliseconds - last.milliseconds) / 86_400_000)
        return Int((100 * pow(0.5, days / relationship.halfLifeDays)).rounded())
    }
}

/// Sums of money kept per currency, shown with the main currency first.
public struct Amounts: Equatable, Sendable {
    public private(set) var cents: [String: Int64] = [:]

    public init() {}

    public mutating func add(_ money: Money?) { if let money { add(money.cents, money.currency) } }
    public mutating func add(_ c: Int64, _ currency: String) { cents[currency, default: 0] += c }
    public mutating func add(_ other: Amounts) { for (k, v) in other.cents { cents[k, default: 0] += v } }

    /// The currencies, the largest sum first.
    public var currencies: [String] { cents.keys.sorted { (cents[$0]!, $1) > (cents[$1]!, $0) } }

    /// `1.2M CNY + 30k EUR`, or `0`.
    public var compact: String { compact(.en) }

    /// The short form in `language`'s way of writing amounts (万 in Chinese).
    public func compact(_ language: Language) -> String {
        currencies.isEmpty ? "0" : currencies.map { "\(Money.compact(cents[$0]!, language)) \($0)" }.joined(separator: " + ")
    }

    /// `1,200,000 CNY + 30,000 EUR`.
    public var display: String {
        currencies.isEmpty ? "0" : currencies.map { Money(cents: cents[$0]!, currency: $0).display }.joined(separator: " + ")
    }

    /// `{"CNY": "1200000.00"}`.
    public var json: JSON {
        .object(JSONObject(currencies.map { ($0, JSON.string(Money(cents: cents[$0]!, currency: $0).plainAmount)) }))
    }
}

extension JSONObject {
    /// An object from ordered pairs.
    public init(_ pairs: [(String, JSON)]) {
        self.init()
        for (k, v) in pairs { self[k] = v }
    }
}
