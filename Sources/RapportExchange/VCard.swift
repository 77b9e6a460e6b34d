import Foundation
import RapportCore

/// One vCard (2.1, 3.0 or 4.0) as its properties, decoded: folded lines
/// joined, quoted-printable and base64 values decoded in their CHARSET,
/// backslash escapes read.
public struct VCard: Equatable, Sendable {
    /// A property: its name (upper case), parameters (upper-case names; bare
    /// 2.1 types such as `CELL` under TYPE) and value components (split on `;`).
    public struct Property: Equatable, Sendable {
        public var name: String
        public var parameters: [String: [String]]
        public var components: [String]
        /// The whole value as one text (components joined back with `;`).
        public var text: String { components.joined(separator: ";") }
        public var types: [String] { parameters["TYPE", default: []].map { $0.uppercased() } }   // catalogue: not text
    }

    /// The line of `BEGIN:VCARD`.
    public var line: Int
    public var properties: [Property] = []

    /// The values of the properties named `name`.
    public func all(_ name: String) -> [Property] { properties.filter { $0.name == name } }
    public func first(_ name: String) -> String? { all(name).first.map(\.text).flatMap { $0.isEmpty ? nil : $0 } }

    /// Every card in `text`; a card that is cut off or broken is returned with what it had.
    public static func cards(in text: String) throws(ExchangeError) -> [VCard] {
        var cards: [VCard] = []
        var current: VCard?
        for (line, raw) in logicalLines(text) {
            guard let colon = colonIndex(raw) else { continue }
            let head = raw[..<colon], value = String(raw[raw.index(after: colon)...])
            var parts = head.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            var name = parts.removeFirst().uppercased()
            if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }   // item1.TEL
            if name == "BEGIN", value.uppercased().hasPrefix("VCARD") { current = VCard(line: line); continue }   // catalogue: not text
            if name == "END", value.uppercased().hasPrefix("VCARD") {   // catalogue: not text
                if let c = current { cards.append(c) }
                current = nil
                continue
            }
            guard current != nil, !["PHOTO", "LOGO", "SOUND", "KEY"].contains(name) else { continue }   // pictures and keys are not kept   // catalogue: not text
            let parameters = parameters(parts)
            let decoded = try decode(value, parameters, line: line).withLineFeeds
            let structured = ["N", "ADR", "ORG"].contains(name)   // catalogue: not text
            current?.properties.append(Property(name: name, parameters: parameters,
                                                components: structured ? splitUnescaping(decoded, on: ";") : [unescape(decoded)]))
        }
        if let c = current { cards.append(c) }   // no END:VCARD at the end of the file
        return cards
    }

    /// Lines with folding undone (a line starting with a space or tab
    /// continues the one before; a quoted-printable value ending in `=`
    /// continues on the next line), each with the line it began on.
    static func logicalLines(_ text: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var number = 0
        var continuesQP = false
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            let line = String(raw)
            if continuesQP, !out.isEmpty {
                out[out.count - 1].1.removeLast()   // the soft line break's "="
                out[out.count - 1].1 += line
            } else if let first = line.first, first == " " || first == "\t", !out.isEmpty {
                out[out.count - 1].1 += line.dropFirst()
            } else {
                out.append((number, line))
            }
            let current = out.last?.1 ?? ""
            continuesQP = current.hasSuffix("=") && current.uppercased().contains("QUOTED-PRINTABLE")   // catalogue: not text
        }
        return out
    }

    /// The colon that ends the name and parameters (not one inside a quoted parameter value).
    static func colonIndex(_ line: String) -> String.Index? {
        var quoted = false
        for i in line.indices {
            if line[i] == "\"" { quoted.toggle() } else if line[i] == ":", !quoted { return i }
        }
        return nil
    }

    static func parameters(_ parts: [String]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for part in parts where !part.isEmpty {
            if let eq = part.firstIndex(of: "=") {
                let key = part[..<eq].uppercased()
                let values = part[part.index(after: eq)...].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                out[key, default: []] += values
            } else {
                let bare = part.uppercased()   // vCard 2.1: TEL;CELL;PREF, or ENCODING as a bare word
                if ["QUOTED-PRINTABLE", "BASE64", "B"].contains(bare) { out["ENCODING", default: []].append(bare) } else { out["TYPE", default: []].append(bare) }   // catalogue: not text
            }
        }
        return out
    }

    /// The value with its ENCODING undone and read in its CHARSET.
    static func decode(_ value: String, _ parameters: [String: [String]], line: Int) throws(ExchangeError) -> String {
        let encoding = parameters["ENCODING"]?.first?.uppercased()   // catalogue: not text
        let bytes: [UInt8]
        switch encoding {
        case "QUOTED-PRINTABLE"?: bytes = quotedPrintable(value)   // catalogue: not text
        case "B"?, "BASE64"?:   // catalogue: not text
            guard let data = Data(base64Encoded: value.filter { !$0.isWhitespace }) else {
                throw ExchangeError(say("reports.vcard.base", line))
            }
            bytes = Array(data)
        default: return value
        }
        let charset = parameters["CHARSET"]?.first ?? "utf-8"   // catalogue: not text
        do {
            return try TextDecoding.decode(bytes, encoding: charset).text
        } catch {
            throw ExchangeError(say("reports.vcard.charset", line, charset))
        }
    }

    static func quotedPrintable(_ value: String) -> [UInt8] {
        var out: [UInt8] = []
        let b = Array(value.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "="), i + 2 < b.count, let byte = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(byte)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return out
    }

    /// A text value with its backslash escapes read (`\n` a newline, `\,` a comma).
    static func unescape(_ s: String) -> String {
        s.contains("\\") ? splitUnescaping(s, on: nil)[0] : s
    }

    /// The value split on `separator` where it is not escaped (nil: not split), escapes read.
    static func splitUnescaping(_ s: String, on separator: Character?) -> [String] {
        var parts: [String] = [], current = "", escaped = false
        for c in s {
            if escaped {
                current.append(c == "n" || c == "N" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == separator {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        return parts + [current]
    }
}

extension String {
    /// The text with CRLF and lone CR line ends as LF, as notes keep them.
    var withLineFeeds: String {
        contains("\r") ? replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : self
    }
}
