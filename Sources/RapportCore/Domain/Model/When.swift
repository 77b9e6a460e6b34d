/// A date or a moment as a person types it.
///
/// `now`, `today`, `tomorrow`, `yesterday`, a weekday (`fri`, the next one),
/// `2026-06-30`, `2026-06-30 14:00`, `14:00` (today), `+3d`, `+2w`, `+2h`,
/// `+30m`, `-1d`; a day may be followed by a time: `tomorrow 9:30`. In
/// Chinese too: 现在, 今天, 明天, 后天, 昨天, 前天, 周五 (星期五), 2026年6月30日.
public enum When: Equatable, Sendable {
    /// A day without a time of day; the caller picks the time.
    case day(Day)
    /// An exact moment.
    case moment(Timestamp)

    /// What the parser accepts, for messages.
    public static var accepted: String { say("model.when.accepted") }

    /// Parses `text` in the local calendar of `time`.
    public static func parse(_ text: String, at time: LocalTime) throws(InputError) -> When {
        let words = text.trimmingSpaces.lowercased().split(separator: " ", omittingEmptySubsequences: true).map { chineseWords[String($0)] ?? String($0) }
        guard !words.isEmpty, words.count <= 2 else { throw bad(text) }
        if words.count == 2 {
            guard let day = Self.day(words[0], time), let (h, m) = clock(words[1]) else { throw bad(text) }
            return .moment(time.moment(day, hour: h, minute: m))
        }
        let w = words[0]
        if w == "now" { return .moment(time.now) }
        if let day = Self.day(w, time) { return .day(day) }
        if let (h, m) = clock(w) { return .moment(time.moment(time.today, hour: h, minute: m)) }
        if let moment = relative(w, time) { return moment }
        if let moment = isoMoment(w, time) { return .moment(moment) }
        throw bad(text)
    }

    /// The moment meant, with `hour` for a bare day.
    public func moment(_ time: LocalTime, hour: Int, minute: Int = 0) -> Timestamp {
        switch self {
        case .moment(let t): t
        case .day(let d): time.moment(d, hour: hour, minute: minute)
        }
    }

    /// The moment meant, a bare day counting to its last millisecond (for "as of").
    public func endMoment(_ time: LocalTime) -> Timestamp {
        switch self {
        case .moment(let t): t
        case .day(let d): Timestamp(milliseconds: time.startOfDay(Day(number: d.number + 1)).milliseconds - 1)
        }
    }

    private static func bad(_ text: String) -> InputError {
        InputError(say("model.when.bad", text, accepted))
    }

    /// Chinese words for days and now, as the English ones they mean.
    private static let chineseWords = [   // catalogue: not text (input words)
        "现在": "now", "今天": "today", "明天": "tomorrow", "昨天": "yesterday",   // catalogue: not text
        "周日": "sun", "周一": "mon", "周二": "tue", "周三": "wed", "周四": "thu", "周五": "fri", "周六": "sat", "周天": "sun",   // catalogue: not text
        "星期日": "sun", "星期天": "sun", "星期一": "mon", "星期二": "tue", "星期三": "wed", "星期四": "thu", "星期五": "fri", "星期六": "sat",   // catalogue: not text
        "后天": "+2d", "前天": "-2d",
    ]

    /// `2026年6月30日` as a day.
    private static func chineseDay(_ w: String) -> Day? {
        guard let m = w.wholeMatch(of: /([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日/), let mo = Int(m.2), let d = Int(m.3) else { return nil }
        return Day("\(m.1)-\(mo < 10 ? "0" : "")\(mo)-\(d < 10 ? "0" : "")\(d)")
    }

    private static let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    private static func day(_ w: String, _ time: LocalTime) -> Day? {
        let today = time.today
        switch w {
        case "today": return today
        case "tomorrow": return Day(number: today.number + 1)
        case "yesterday": return Day(number: today.number - 1)
        default: break
        }
        if let d = Day(w) ?? chineseDay(w) { return d }
        if w.count >= 3, let target = weekdays.firstIndex(where: { w.hasPrefix($0) && $0.hasPrefix(String(w.prefix(3))) }),
           longWeekday(w, target) {
            // 1970-01-01 was a Thursday (4).
            let current = Int((Int64(today.number) + 4).floorDivided(by: 7).1)
            let ahead = (target - current + 7) % 7
            return Day(number: today.number + Int32(ahead == 0 ? 7 : ahead))
        }
        return nil
    }

    private static func longWeekday(_ w: String, _ index: Int) -> Bool {
        let full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"][index]
        return full.hasPrefix(w)
    }

    /// `9:30`, `09:30`, `14:05`.
    private static func clock(_ w: String) -> (Int, Int)? {
        let parts = w.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return (h, m)
    }

    /// `+3d`, `-2w`, `+4h`, `+30m`.
    private static func relative(_ w: String, _ time: LocalTime) -> When? {
        guard let sign = w.first, sign == "+" || sign == "-", w.count >= 3, let unit = w.last,
              let n = Int(w.dropFirst().dropLast()), n >= 0, n <= 100_000
        else { return nil }
        let k = sign == "-" ? -n : n
        switch unit {
        case "d": return .day(Day(number: time.today.number + Int32(k)))
        case "w": return .day(Day(number: time.today.number + Int32(7 * k)))
        case "h": return .moment(time.now.adding(seconds: Int64(k) * 3600))
        case "m": return .moment(time.now.adding(seconds: Int64(k) * 60))
        default: return nil
        }
    }

    /// `2026-06-30t14:00`, with optional seconds and `z` or an offset.
    private static func isoMoment(_ w: String, _ time: LocalTime) -> Timestamp? {
        let parts = w.split(separator: "t", maxSplits: 1)
        guard parts.count == 2, let day = Day(String(parts[0])) else { return nil }
        var rest = String(parts[1])
        var offsetSeconds: Int64?
        if rest.hasSuffix("z") {
            offsetSeconds = 0
            rest.removeLast()
        } else if let i = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let off = rest[i...]
            rest = String(rest[..<i])
            let hm = off.dropFirst().split(separator: ":")
            guard hm.count == 2, let oh = Int64(hm[0]), let om = Int64(hm[1]) else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (off.first == "-" ? -1 : 1)
        }
        let hms = rest.split(separator: ":").map { Int($0) }
        guard (2...3).contains(hms.count), hms.allSatisfy({ $0 != nil }) else { return nil }
        let h = hms[0]!, m = hms[1]!, s = hms.count == 3 ? hms[2]! : 0
        guard (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
        guard let off = offsetSeconds else { return time.moment(day, hour: h, minute: m, second: s) }
        let local = (Int64(day.number) * 86_400 + Int64(h * 3600 + m * 60 + s))
        return Timestamp(milliseconds: (local - off) * 1000)
    }
}

/// A length of time as a person types it: `300` (seconds), `90s`, `5m`, `1h30m`.
public enum Duration {
    public static func seconds(_ text: String) throws(InputError) -> Int32 {
        let t = text.trimmingSpaces.lowercased()
        if let n = Int32(t), n >= 0 { return n }
        var total: Int64 = 0, number: Int64 = 0, sawDigit = false, sawUnit = false
        for ch in t {
            if let d = ch.wholeNumberValue, ch.isASCII {
                number = number * 10 + Int64(d)
                sawDigit = true
                guard number < 1_000_000 else { break }
            } else if sawDigit, let unit = ["h": 3600, "m": 60, "s": 1][String(ch)] {
                total += number * Int64(unit)
                number = 0
                sawDigit = false
                sawUnit = true
            } else {
                throw InputError(say("model.duration.bad", text))
            }
        }
        guard sawUnit, !sawDigit, total <= Int64(Int32.max) else {
            throw InputError(say("model.duration.bad", text))
        }
        return Int32(total)
    }
}
