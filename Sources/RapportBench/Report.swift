import RapportCore

/// Benchmark figures, printed as a table and as one JSON object.
struct Report {
    /// One measured figure beside its goal.
    struct Row {
        let key: String
        let label: String
        let value: Double
        let unit: String
        let goal: String
        let met: Bool?
    }

    private(set) var rows: [Row] = []
    private(set) var extra = JSONObject()

    mutating func add(_ key: String, _ label: String, _ value: Double, _ unit: String, goal: String = "", met: Bool? = nil) {
        rows.append(Row(key: key, label: label, value: value, unit: unit, goal: goal, met: met))
    }

    /// Adds a field to the JSON object only (context such as record counts).
    mutating func note(_ key: String, _ value: JSON) { extra[key] = value }

    /// Why figures could not be measured, by part of the bench.
    private(set) var failures = JSONObject()

    /// Runs one part of the bench; if it fails, the reason is reported
    /// beside the figures already measured, and the bench goes on.
    mutating func attempt(_ part: String, say: (String) -> Void, _ body: (inout Report) throws -> Void) {
        do {
            try body(&self)
        } catch {
            say("\(part): could not be measured: \(error)")
            failures[part] = .string("\(error)")
            rows.append(Row(key: part + "_failed", label: "\(part): could not be measured (\(error))", value: .nan, unit: "",
                            goal: "", met: nil))
        }
    }

    var table: String {
        let w = max(8, rows.map(\.label.count).max() ?? 0)
        var out = "\(pad("figure", w))  \(pad("value", 12))  goal\n"
        out += String(repeating: "-", count: w + 40) + "\n"
        for r in rows {
            let v = r.value.isNaN ? "n/a" : format(r.value) + " " + r.unit
            let mark = r.met.map { $0 ? "  ok" : "  NOT MET" } ?? ""
            out += "\(pad(r.label, w))  \(pad(v, 12))  \(r.goal)\(mark)\n"
        }
        return out
    }

    var json: JSON {
        var o = extra
        for r in rows where !r.key.hasSuffix("_failed") { o[r.key] = r.value.isNaN ? .null : .double((r.value * 100).rounded() / 100) }
        if !failures.members.isEmpty { o["failures"] = .object(failures) }
        return .object(o)
    }

    private func format(_ v: Double) -> String {
        v >= 100 ? String(Int(v.rounded())) : String((v * 100).rounded() / 100)
    }

    private func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
}
