import CSV
import RapportCore

/// A CSV file (RFC 4180: quoted fields with commas, quotes and newlines,
/// CRLF or LF) read into import entries, parsed by yaslab's CSV.swift.
public struct CSVImport {
    /// The entries, one per customer, each with the line it starts on.
    public var entries: [ImportEntry] = []
    /// Headers that name no field and were not mapped: named in the summary.
    public var unmapped: [String] = []
    /// How each header was read, for the dry run.
    public var columns: [(header: String, target: ColumnTarget?)] = []
    /// The encoding the file was read in.
    public var encoding = "utf-8"   // catalogue: not text
    /// The separator found on the header line.
    public var delimiter: Character = ","

    /// Reads `bytes`; `maps` (`COLUMN=FIELD`) override or add to the headers recognised.
    public static func read(_ bytes: [UInt8], encoding: String? = nil, maps: [String] = [],
                            progress: (Double) -> Void = { _ in }) throws(ExchangeError) -> CSVImport {
        let (text, used) = try TextDecoding.decode(bytes, encoding: encoding)
        var result = CSVImport()
        result.encoding = used
        result.delimiter = delimiter(of: text)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: result.delimiter.unicodeScalars.first!)
        } catch {
            throw ExchangeError(say("reports.csv.unreadable", "\(error)"))
        }
        guard let header = reader.next(), header.contains(where: { !$0.isEmpty }) else {
            throw ExchangeError(say("reports.csv.empty"))
        }
        let targets = try targets(of: header, maps: maps)
        result.columns = zip(header, targets).map { ($0, $1) }
        result.unmapped = zip(header, targets).filter { $1 == nil && !$0.isEmpty }.map(\.0)
        guard targets.contains(.customer(.name)) || targets.contains(.customer(.company)) else {
            throw ExchangeError(say("reports.csv.noName", header.joined(separator: ", ")))
        }
        var line = 2 + lineBreaks(in: header)
        var byID: [String: Int] = [:]
        let lines = Double(max(text.utf8.count { $0 == 0x0A }, 1))
        var seen = 0
        while let row = reader.next() {
            defer { line += 1 + lineBreaks(in: row) }
            seen += 1
            if seen % 4096 == 0 { progress(min(Double(line) / lines, 1)) }
            guard row.contains(where: { !$0.trimmingSpaces.isEmpty }) else { continue }   // a blank line
            var entry = entry(row, targets: targets, line: line)
            if row.count > header.count {
                entry.problem = say("reports.csv.fields", row.count, header.count)
            }
            if let key = idColumn(row, targets), let i = byID[key], entry.problem == nil {
                result.entries[i].contacts += entry.contacts
                result.entries[i].notes += entry.notes
                continue
            }
            if let key = idColumn(row, targets) { byID[key] = result.entries.count }
            result.entries.append(entry)
        }
        if let opened = unclosedQuote(in: text, delimiter: result.delimiter), !result.entries.isEmpty {
            result.entries[result.entries.count - 1].problem =
                say("reports.csv.quote", opened)
        }
        progress(1)
        return result
    }

    /// The target of each header: `--map` first, then the names recognised.
    static func targets(of header: [String], maps: [String]) throws(ExchangeError) -> [ColumnTarget?] {
        var targets = header.map(ImportColumns.target(ofHeader:))
        for map in maps {
            let (column, target) = try ImportColumns.mapping(map)
            guard let i = header.firstIndex(of: column) ?? Int(column).map({ $0 - 1 }), header.indices.contains(i) else {
                throw ExchangeError(say("reports.csv.noColumn", map, column, header.joined(separator: ", ")))
            }
            targets[i] = target
        }
        return targets
    }

    /// One row as an entry: lists split on ; , 、 and the like; a row with
    /// contact fields but no contact name makes the customer their own contact.
    static func entry(_ row: [String], targets: [ColumnTarget?], line: Int) -> ImportEntry {
        var fields: [CustomerField: JSON] = [:]
        var person = ImportEntry.Person(name: "")
        var notes: [String] = []
        for (value, target) in zip(row, targets) {
            var v = value.withLineFeeds.trimmingSpaces
            // ="0571…": how spreadsheets keep a number's leading zeros; the text is inside.
            if v.hasPrefix("=\""), v.hasSuffix("\""), v.count >= 3 { v = String(v.dropFirst(2).dropLast()) }
            guard let target, !v.isEmpty else { continue }
            switch target {
            case .customer(let f) where [.phones, .emails, .tags].contains(f):
                let more = split(v, phones: f == .phones).map(JSON.string)
                if case .array(let had)? = fields[f] { fields[f] = .array(had + more) } else { fields[f] = .array(more) }
            case .customer(let f) where [.doNotContact, .doNotShare].contains(f):
                fields[f] = .bool(["yes", "y", "true", "1", "是", "x"].contains(v.lowercased()))   // catalogue: not text
            case .customer(let f): fields[f] = .string(v)
            case .contactName: person.name = v
            case .contact(let f): person.fields[f] = .string(v)
            case .note: notes.append(v)
            case .id, .ignore: break
            }
        }
        var name = fields.removeValue(forKey: .name)?.texts.first ?? ""
        if name.isEmpty, let company = fields[.company]?.texts.first {
            name = company
            if fields[.kind] == nil { fields[.kind] = .string(CustomerKind.organisation.rawValue) }
        }
        if person.name.isEmpty, !person.fields.isEmpty { person.name = name }
        // A customer with a contact person of another name is an organisation, unless the file says otherwise.
        if !person.name.isEmpty, person.name != name, fields[.kind] == nil { fields[.kind] = .string(CustomerKind.organisation.rawValue) }
        return ImportEntry(line: line, name: name, fields: fields, contacts: person.name.isEmpty ? [] : [person], notes: notes)
    }

    static func split(_ value: String, phones: Bool) -> [String] {
        let separators: Set<Character> = phones ? [";", "；", ",", "，", "、", "/", "|"] : [";", "；", ",", "，", "、", "|"]
        return value.split(whereSeparator: { separators.contains($0) }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    static func idColumn(_ row: [String], _ targets: [ColumnTarget?]) -> String? {
        guard let i = targets.firstIndex(of: .id), row.indices.contains(i) else { return nil }
        let v = row[i].trimmingSpaces
        return v.isEmpty ? nil : v
    }

    /// Line breaks inside the fields of a row (CRLF counts once), so that the next row's line is known.
    static func lineBreaks(in row: [String]) -> Int {
        row.reduce(0) { n, field in
            var count = 0, lastWasCR = false
            for b in field.utf8 {
                if b == 0x0D { count += 1 } else if b == 0x0A, !lastWasCR { count += 1 }
                lastWasCR = b == 0x0D
            }
            return n + count
        }
    }

    /// The line of a quote that opens a field and is never closed, if any
    /// (the parser reads such a field to the end of the file without a word).
    static func unclosedQuote(in text: String, delimiter: Character) -> Int? {
        var line = 1, openedOn = 0
        var inQuotes = false, atFieldStart = true, quoteSeen = false
        for c in text.unicodeScalars {
            if c == "\n" { line += 1 }
            if inQuotes {
                if quoteSeen { quoteSeen = false; if c == "\"" { continue }; inQuotes = false } else if c == "\"" { quoteSeen = true; continue } else { continue }
            }
            if c == "\n" || c == "\r" || Character(c) == delimiter {
                atFieldStart = true
            } else if atFieldStart, c == "\"" {
                inQuotes = true
                openedOn = line
                atFieldStart = false
            } else {
                atFieldStart = false
            }
        }
        return inQuotes && !quoteSeen ? openedOn : nil
    }

    /// The separator of the header line: comma, tab (Excel's "Unicode text") or semicolon, whichever is most.
    static func delimiter(of text: String) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let counts: [(Character, Int)] = [(",", 0), ("\t", 0), (";", 0)].map { c, _ in (c, firstLine.count { $0 == c }) }
        return counts.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil } ?? ","
    }
}
