/// Brings an older record's payload up to the current schema, in one place.
///
/// Each event type has a current version; a step turns version `n` of a type
/// into version `n + 1`. Loading a record applies the steps from its version
/// up. Old records stay in the log as written; only the loaded value changes.
public struct SchemaUpgrades: Sendable {
    /// One upgrade from `version` to `version + 1` of `type`.
    public struct Step: Sendable {
        public let type: String
        public let version: Int
        public let transform: @Sendable (JSONObject) throws -> JSONObject

        /// A step from `version` to `version + 1` of `type`.
        public init(_ type: String, from version: Int, _ transform: @escaping @Sendable (JSONObject) throws -> JSONObject) {
            self.type = type
            self.version = version
            self.transform = transform
        }
    }

    /// Why a payload could not be brought up to date.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownType(String)
        case newerVersion(type: String, version: Int, known: Int)
        case missingStep(type: String, version: Int)
        case notAnObject(type: String)

        public var description: String {
            switch self {
            case .unknownType(let t): say("log.upgrade.unknownType", t)
            case .newerVersion(let t, let v, let k): say("log.upgrade.newer", t, v, k)
            case .missingStep(let t, let v): say("log.upgrade.missingStep", t, v)
            case .notAnObject(let t): say("log.upgrade.notAnObject", t)
            }
        }
    }

    private let current: [String: Int]
    private let steps: [String: [Int: Step]]

    /// Upgrades given the current version of every type and the steps between versions.
    public init(current: [String: Int], steps: [Step] = []) {
        self.current = current
        self.steps = Dictionary(grouping: steps, by: \.type).mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.version, $0) }) }
    }

    /// The current version of `type`, if known.
    public func currentVersion(of type: String) -> Int? { current[type] }

    /// The payload of a `type` record written at `version`, as the current version reads it.
    public func upgrade(type: String, version: Int, payload: JSONObject) throws -> JSONObject {
        guard let target = current[type] else { throw Failure.unknownType(type) }
        guard version <= target else { throw Failure.newerVersion(type: type, version: version, known: target) }
        var value = payload
        for v in version..<target {
            guard let step = steps[type]?[v] else { throw Failure.missingStep(type: type, version: v) }
            value = try step.transform(value)
        }
        return value
    }
}
