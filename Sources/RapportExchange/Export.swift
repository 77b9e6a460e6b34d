import CSV
import Foundation
import RapportCore

/// The formats customers are exported in.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, vcard, json
}

/// Which customers an export holds, and its bytes: shared by `rapport export` and the screen's `:export`.
public enum Export {
    /// The live customers that pass `owner` and `segment`; those flagged
    /// do-not-share are left out (and counted) unless `includePrivate`.
    public static func select(_ state: CRMState, at time: LocalTime, owner: String? = nil, segment: Segment = Segment([], description: ""),
                              includePrivate: Bool = false) -> (customers: [Customer], leftOut: Int) {
        let chosen = state.liveCustomers.filter { c in (owner == nil || c.owner == owner) && segment.contains(c, in: state, at: time) }
        let shared = includePrivate ? chosen : chosen.filter { !$0.doNotShare }
        return (shared, chosen.count - shared.count)
    }

    /// The file's bytes; `bom` (CSV only) puts a UTF-8 byte order mark first.
    public static func bytes(_ format: ExportFormat, _ customers: [Customer], _ state: CRMState, _ time: LocalTime, bom: Bool = false) throws -> [UInt8] {
        let exported = customers.map { ExportedCustomer($0, contacts: state.contacts(of: $0).reversed()) }
        switch format {
        case .csv: return try CSVExport.bytes(exported, bom: bom)
        case .vcard: return Array(VCardExport.text(exported).utf8)
        case .json: return Array(JSONExport.text(customers, state, time).utf8)
        }
    }

    /// "exported 12 customers and 30 contact persons; 2 flagged do-not-share left out".
    public static func summary(_ customers: [Customer], leftOut: Int, _ state: CRMState, to file: String? = nil) -> String {
        let contacts = customers.reduce(0) { $0 + state.contacts(of: $1).count }
        let (c, p) = (customers.count, contacts)
        return say("reports.export.summary", Format.grouped(c), say(c == 1 ? "reports.export.customer" : "reports.export.customers"),
                   Format.grouped(p), say(p == 1 ? "reports.export.contact" : "reports.export.contacts"))
            + (file.map { say("reports.export.toFile", $0) } ?? "") + (leftOut > 0 ? say("reports.export.leftOut", Format.grouped(leftOut)) : "")
    }
}

/// A JSON array, one object per customer (a line each) with everything recorded of it.
public enum JSONExport {
    public static func text(_ customers: [Customer], _ state: CRMState, _ time: LocalTime) -> String {
        let objects = customers.map { c -> String in
            guard case .object(var o) = JSONView.customer(c, time) else { return "{}" }
            o["contacts"] = .array(state.contacts(of: c).reversed().map(JSONView.contact))   // catalogue: not text
            o["deals"] = .array(state.deals(of: c).reversed().map { JSONView.deal($0, state, time) })   // catalogue: not text
            o["followUps"] = .array(state.followUps(of: c).reversed().map { JSONView.followUp($0, state, time) })   // catalogue: not text
            o["interactions"] = .array(state.interactions(of: c).reversed().map { JSONView.interaction($0, time) })   // catalogue: not text
            o["purchases"] = .array(state.purchases(of: c).reversed().map(JSONView.purchase))   // catalogue: not text
            o["complaints"] = .array(state.complaints(of: c).reversed().map { JSONView.complaint($0, time) })   // catalogue: not text
            o["notes"] = .array(state.notes(of: c).reversed().map { n in   // catalogue: not text
                .object(["id": .string(n.id.description), "text": .string(n.text), "at": JSONView.moment(n.at, time)])   // catalogue: not text
            })
            return JSONWriter.string(.object(o))
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}

/// A customer as exported, with the contact persons of the account.
public struct ExportedCustomer: Sendable {
    public var customer: Customer
    public var contacts: [Contact]
    public init(_ customer: Customer, contacts: [Contact]) {
        self.customer = customer
        self.contacts = contacts
    }
}

/// CSV that Excel and LibreOffice open: one row per contact person (the
/// customer's columns repeated; one row for a customer without any), CRLF
/// line ends, lists joined with "; ". `rapport import csv` reads it back:
/// rows with the same id are one customer.
public enum CSVExport {
    public static let header = ["id", "name", "kind", "company", "phone", "email", "address", "size", "value type", "source",   // catalogue: not text
                                "owner", "tags", "relationship", "channel", "personality", "do not contact", "do not share",   // catalogue: not text
                                "contact", "contact title", "contact role", "contact phone", "contact email"]   // catalogue: not text

    /// The file's bytes; `bom` puts a UTF-8 byte order mark first, which Excel needs to read Chinese right.
    public static func bytes(_ customers: [ExportedCustomer], bom: Bool) throws -> [UInt8] {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header)
        for e in customers {
            let c = e.customer
            let own = [c.id.description, c.name, c.kind.rawValue, c.company ?? "", c.phones.joined(separator: "; "),
                       c.emails.joined(separator: "; "), c.address ?? "", c.size?.rawValue ?? "", c.valueType?.rawValue ?? "",
                       c.source?.rawValue ?? "", c.owner ?? "", c.tags.joined(separator: "; "), c.relationship.rawValue,
                       c.channel?.rawValue ?? "", c.personality?.rawValue ?? "", c.doNotContact ? "yes" : "", c.doNotShare ? "yes" : ""]   // catalogue: not text
            for p in e.contacts.isEmpty ? [nil] : e.contacts.map(Optional.some) {
                try writer.write(row: own + [p?.name ?? "", p?.title ?? "", p?.role?.rawValue ?? "", p?.phone ?? "", p?.email ?? ""])
            }
        }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(data) + Array("\r\n".utf8)
    }
}

/// vCard 4.0 that phones import: an organisation as a KIND:org card, each of
/// its contact persons as a card with its ORG; a person as one card.
public enum VCardExport {
    public static func text(_ customers: [ExportedCustomer]) -> String {
        var out = ""
        for e in customers {
            let c = e.customer
            var lines = ["FN:\(escape(c.name))", "UID:\(uid(c.id))"]   // catalogue: not text
            if c.kind == .organisation {
                lines += ["KIND:org", "ORG:\(escape(c.name))"]   // catalogue: not text
            } else {
                lines.append("KIND:individual")   // a customer, with ORG as its company; a card without KIND and with ORG is a contact person   // catalogue: not text
                if let company = c.company { lines.append("ORG:\(escape(company))") }   // catalogue: not text
            }
            lines += c.phones.map { "TEL;VALUE=text:\(escape($0))" } + c.emails.map { "EMAIL:\(escape($0))" }   // catalogue: not text
            if let address = c.address { lines.append("ADR:;;\(escape(address));;;;") }   // catalogue: not text
            if !c.tags.isEmpty { lines.append("CATEGORIES:" + c.tags.map(escape).joined(separator: ",")) }   // catalogue: not text
            for field in VCardImport.ownFields {   // what vCard has no property for, kept for a round trip
                let value = field.value(of: c)
                guard value != field.value(of: Customer(id: c.id, name: c.name)) else { continue }
                let text = value == .bool(true) ? "true" : value.texts.first ?? ""   // catalogue: not text
                lines.append("X-RAPPORT-\(field.rawValue.uppercased()):\(escape(text))")   // catalogue: not text
            }
            out += card(lines)
            for p in e.contacts {
                var lines = ["FN:\(escape(p.name))", "ORG:\(escape(c.name))", "\(VCardImport.customerLink):\(uid(c.id))"]   // catalogue: not text
                if let title = p.title { lines.append("TITLE:\(escape(title))") }   // catalogue: not text
                if let role = p.role { lines.append("\(VCardImport.roleProperty):\(role.rawValue)") }
                if let phone = p.phone { lines.append("TEL;VALUE=text:\(escape(phone))") }   // catalogue: not text
                if let email = p.email { lines.append("EMAIL:\(escape(email))") }   // catalogue: not text
                out += card(lines)
            }
        }
        return out
    }

    /// The customer's UID, which its contact persons' cards name (two customers may share a name).
    static func uid(_ id: CustomerID) -> String { "urn:rapport:\(id)" }   // catalogue: not text

    static func card(_ lines: [String]) -> String {
        (["BEGIN:VCARD", "VERSION:4.0"] + lines + ["END:VCARD"]).map(fold).joined()   // catalogue: not text
    }

    /// A text value with `\`, `,`, `;` and newlines escaped.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// A content line folded at 75 octets, never inside a character, CRLF-ended.
    static func fold(_ line: String) -> String {
        var out = "", width = 0
        for ch in line {
            let n = String(ch).utf8.count
            if width + n > 75 {
                out += "\r\n "
                width = 1
            }
            out.append(ch)
            width += n
        }
        return out + "\r\n"
    }
}
