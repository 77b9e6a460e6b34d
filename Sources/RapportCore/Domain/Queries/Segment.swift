/// A set of customers named by criteria, all of which must hold:
/// `size=large,value=profit,tag=vip`. Sweeps call through one; lists filter by one.
public struct Segment: Sendable, CustomStringConvertible {
    /// One criterion.
    public enum Criterion: Sendable, Equatable {
        case size(SizeClass), valueType(ValueType), kind(CustomerKind), relationship(RelationshipLevel)
        case owner(String), tag(String), strategy(InteractionStrategy), matrix(ValueMatrixPosition), mood(Mood)
        case temperatureBelow(Int), qualified(Bool), product(String), boughtSince(Day), satisfactionBelow(Double)
    }

    public var criteria: [Criterion]
    /// As written, for messages and a sweep's note.
    public let description: String

    public init(_ criteria: [Criterion], description: String) {
        self.criteria = criteria
        self.description = description
    }

    /// The keys a segment is written with.
    public static let keys = ["size", "value", "kind", "relationship", "owner", "tag", "strategy", "matrix", "mood",
                              "temperature-below", "qualified", "product", "bought-since", "satisfaction-below"]

    /// Reads `key=value` pairs separated by commas; dates as the command line takes them.
    public static func parse(_ text: String, at time: LocalTime) throws(InputError) -> Segment {
        var out: [Criterion] = []
        for part in text.split(separator: ",").map({ String($0).trimmingSpaces }) where !part.isEmpty {
            let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard pair.count == 2, !pair[1].isEmpty else {
                throw InputError(say("model.segment.notPair", part, keys.joined(separator: ", ")), field: "segment")
            }
            out.append(try criterion(pair[0].lowercased(), pair[1], time))
        }
        guard !out.isEmpty else { throw InputError(say("model.segment.empty"), field: "segment") }
        return Segment(out, description: text.trimmingSpaces)
    }

    private static func criterion(_ key: String, _ value: String, _ time: LocalTime) throws(InputError) -> Criterion {
        func number() throws(InputError) -> Double {
            guard let n = Double(value), n.isFinite else { throw InputError(say("model.segment.number", key, value), field: "segment") }
            return n
        }
        switch key {
        case "size": return .size(try SizeClass.parsing(value))
        case "value", "value-type": return .valueType(try ValueType.parsing(value))
        case "kind": return .kind(try CustomerKind.parsing(value))
        case "relationship": return .relationship(try RelationshipLevel.parsing(value))
        case "owner": return .owner(value)
        case "tag": return .tag(value)
        case "strategy": return .strategy(try InteractionStrategy.parsing(value))
        case "matrix": return .matrix(try ValueMatrixPosition.parsing(value))
        case "mood": return .mood(try Mood.parsing(value))
        case "temperature-below": return .temperatureBelow(Int(try number()))
        case "qualified":
            switch value.lowercased() {
            case "yes", "y", "true", "是": return .qualified(true)
            case "no", "n", "false", "否": return .qualified(false)
            default: throw InputError(say("model.segment.yesNo", value), field: "segment")
            }
        case "product": return .product(value.lowercased())
        case "bought-since": return .boughtSince(time.day(of: try When.parse(value, at: time).moment(time, hour: 0)))
        case "satisfaction-below": return .satisfactionBelow(try number())
        default:
            throw InputError(say("model.segment.unknownKey", key, keys.joined(separator: ", ")), field: "segment")
        }
    }

    /// Whether the customer exists now and meets every criterion.
    public func contains(_ c: Customer, in state: CRMState, at time: LocalTime) -> Bool {
        state.isLive(c) && criteria.allSatisfy { holds($0, for: c, state, time) }
    }

    /// The customers in the segment, by id.
    public func customers(in state: CRMState, at time: LocalTime) -> [Customer] {
        state.customers.filter { contains($0, in: state, at: time) }
    }

    private func holds(_ k: Criterion, for c: Customer, _ state: CRMState, _ time: LocalTime) -> Bool {
        switch k {
        case .size(let s): c.size == s
        case .valueType(let v): c.valueType == v
        case .kind(let x): c.kind == x
        case .relationship(let r): c.relationship == r
        case .owner(let o): c.owner == o
        case .tag(let t): c.tags.contains(t)
        case .strategy(let s): c.strategy == s
        case .matrix(let m): c.matrixPosition == m
        case .mood(let m): c.mood?.mood == m
        case .temperatureBelow(let t): c.temperature(at: time) < t
        case .qualified(let q): (c.qualification == .qualifiedProspect) == q
        case .product(let name): state.products(of: c).contains { $0.inService && $0.name.lowercased().contains(name) }
        case .boughtSince(let day): state.purchases(of: c).contains { $0.date >= day }
        case .satisfactionBelow(let s): state.surveys(of: c).first.map { $0.score < s } ?? false
        }
    }
}
