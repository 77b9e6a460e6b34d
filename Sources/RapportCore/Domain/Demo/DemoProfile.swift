/// Who a demo customer is: drawn from its own random stream, so any step
/// can recompute it.
struct DemoProfile {
    let chinese: Bool
    let organisation: Bool
    let name: String
    let company: String?
    let phone: String
    let email: String?
    let owner: String
    let size: SizeClass

    init(seed: UInt64, customer i: Int, organisation: Bool) {
        var r = DemoRandom(seed ^ 0xC0FF_EE00, UInt64(i))
        self.organisation = organisation
        chinese = r.chance(0.62)
        let person = chinese ? r.pick(DemoContent.surnames) + r.pick(DemoContent.givenNames)
            : "\(r.pick(DemoContent.firstNames)) \(r.pick(DemoContent.lastNames))"   // catalogue: not text (the demo's data)
        let org = chinese ? r.pick(DemoContent.companyHeads) + r.pick(DemoContent.industries)
            : "\(r.pick(DemoContent.latinHeads)) \(r.pick(DemoContent.latinTrades))"   // catalogue: not text (the demo's data)
        let legal = chinese ? org + "有限公司" : "\(org) \(r.pick(DemoContent.latinForms))"   // catalogue: not text (the demo's data)
        if organisation {
            name = org
            company = legal
        } else {
            name = person
            company = r.chance(0.4) ? legal : nil
        }
        // Unique per customer: the index spread over eight digits.
        let digits = String((UInt64(i) &* 48_271 &+ 12_345_678) % 100_000_000)
        let eight = String(repeating: "0", count: 8 - digits.count) + digits   // catalogue: not text (the demo's data)
        phone = chinese ? "+86 13\(i % 10) \(eight.prefix(4)) \(eight.suffix(4))" : "+49 30 \(eight.prefix(4)) \(eight.suffix(4))"   // catalogue: not text (the demo's data)
        let local = chinese ? "c\(i)" : person.lowercased().replacingOccurrences(of: " ", with: ".") + "\(i % 100)"   // catalogue: not text (the demo's data)
        let domain = (chinese ? "mail.example.cn" : org.lowercased().replacingOccurrences(of: " ", with: "") + ".example")   // catalogue: not text (the demo's data)
        email = r.chance(chinese ? 0.4 : 0.9) ? "\(local)@\(domain)" : nil   // catalogue: not text (the demo's data)
        owner = r.pick(DemoContent.reps)
        size = organisation ? (r.chance(0.2) ? .large : r.chance(0.45) ? .medium : .small) : .individual
    }

    /// A deal value fitting the customer's size, in whole units.
    func dealValue(_ r: inout DemoRandom) -> Int64 {
        let (lo, hi): (Int, Int) = switch size {
        case .large: (100_000, 2_000_000)
        case .medium: (20_000, 300_000)
        case .small: (5_000, 60_000)
        case .individual: (500, 20_000)
        }
        return Int64(r.within(lo, hi) / 100 * 100)
    }
}
