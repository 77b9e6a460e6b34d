import Foundation

/// The time zone from `TZ`, read the way the C library reads it.
///
/// Foundation gets two common forms wrong: a POSIX zone with an offset
/// (`UTC+5` means five hours *behind* UTC; Foundation takes it as ahead), and
/// a name it does not know, which it silently takes as UTC. Here the POSIX
/// form keeps its sign, and a zone that cannot be used is said out loud.
public enum ZoneSetting {
    /// The zone `TZ` names (nil or unset: the system's), with a warning when
    /// it could not be followed exactly.
    public static func resolve(_ tz: String?) -> (zone: TimeZone, warning: String?) {
        guard let tz else { return (TimeZone.current, nil) }
        if tz.isEmpty { return (TimeZone(secondsFromGMT: 0)!, nil) }   // POSIX: an empty TZ is UTC
        var name = tz
        if name.hasPrefix(":") { name.removeFirst() }
        for folder in ["/usr/share/zoneinfo/", "/usr/lib/zoneinfo/"] where name.hasPrefix(folder) {   // catalogue: not text
            name.removeFirst(folder.count)
        }
        if let posix = PosixZone(name) {
            if posix.hasDaylightRules {
                // Names such as EST5EDT are also in the zone database, with their rules.
                if let known = TimeZone(identifier: name) { return (known, nil) }
                return (posix.standard, say("model.zone.daylight", tz, posix.label))
            }
            return (posix.standard, nil)
        }
        if let known = TimeZone(identifier: name) { return (known, nil) }
        return (TimeZone(secondsFromGMT: 0)!,
                say("model.zone.unknown", tz))
    }
}

/// A POSIX TZ string: `STD offset [DST [offset] [,rule]]`, e.g. `UTC+5`,
/// `<+0530>-5:30`, `EST5EDT,M3.2.0,M11.1.0`. The offset is hours *west* of UTC.
struct PosixZone {
    /// Seconds east of UTC in standard time.
    let secondsEast: Int
    let hasDaylightRules: Bool

    init?(_ text: String) {
        var rest = Substring(text)
        // The standard time's name: three or more letters, or anything in <>.
        if rest.first == "<" {
            guard let close = rest.firstIndex(of: ">"), rest.distance(from: rest.startIndex, to: close) >= 4 else { return nil }
            rest = rest[rest.index(after: close)...]
        } else {
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            guard letters.count >= 3 else { return nil }
            rest = rest.dropFirst(letters.count)
        }
        // The offset: [+-]hh[:mm[:ss]], required.
        var sign = 1
        if let s = rest.first, s == "+" || s == "-" {
            sign = s == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        let offsetText = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ":") }
        let parts = offsetText.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }), let h = parts[0], (0...24).contains(h),
              offsetText.first?.isNumber == true
        else { return nil }
        let m = parts.count > 1 ? parts[1]! : 0, s = parts.count > 2 ? parts[2]! : 0
        guard (0..<60).contains(m), (0..<60).contains(s) else { return nil }
        secondsEast = -sign * (h * 3600 + m * 60 + s)
        rest = rest.dropFirst(offsetText.count)
        hasDaylightRules = !rest.isEmpty
    }

    /// The standard time as a fixed zone.
    var standard: TimeZone { TimeZone(secondsFromGMT: secondsEast) ?? TimeZone(secondsFromGMT: 0)! }

    /// `UTC−5`, `UTC+5:30`.
    var label: String {
        let a = abs(secondsEast)
        let minutes = a / 60 % 60
        return "UTC\(secondsEast < 0 ? "−" : "+")\(a / 3600)" + (minutes == 0 ? "" : ":\(minutes < 10 ? "0" : "")\(minutes)")   // catalogue: not text
    }
}
