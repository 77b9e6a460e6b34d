import CSV
import Foundation
import RapportCore

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
    public static let header = ["id", "name", "kind", "company", "phone", "email", "address", "size", "value type", "source",
                                "owner", "tags", "relationship", "channel", "personality", "do not contact", "do not share",
                                "contact", "contact title", "contact role", "contact phone", "contact email"]

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
                       c.channel?.rawValue ?? "", c.personality?.rawValue ?? "", c.doNotContact ? "yes" : "", c.doNotShare ? "yes" : ""]
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
            var lines = ["FN:\(escape(c.name))", "UID:\(uid(c.id))"]
            if c.kind == .organisation {
                lines += ["KIND:org", "ORG:\(escape(c.name))"]
            } else {
                lines.append("KIND:individual")   // a customer, with ORG as its company; a card without KIND and with ORG is a contact person
                if let company = c.company { lines.append("ORG:\(escape(company))") }
            }
            lines += c.phones.map { "TEL;VALUE=text:\(escape($0))" } + c.emails.map { "EMAIL:\(escape($0))" }
            if let address = c.address { lines.append("ADR:;;\(escape(address));;;;") }
            if !c.tags.isEmpty { lines.append("CATEGORIES:" + c.tags.map(escape).joined(separator: ",")) }
            for field in VCardImport.ownFields {   // what vCard has no property for, kept for a round trip
                let value = field.value(of: c)
                guard value != field.value(of: Customer(id: c.id, name: c.name)) else { continue }
                let text = value == .bool(true) ? "true" : value.texts.first ?? ""
                lines.append("X-RAPPORT-\(field.rawValue.uppercased()):\(escape(text))")
            }
            out += card(lines)
            for p in e.contacts {
                var lines = ["FN:\(escape(p.name))", "ORG:\(escape(c.name))", "\(VCardImport.customerLink):\(uid(c.id))"]
                if let title = p.title { lines.append("TITLE:\(escape(title))") }
                if let role = p.role { lines.append("\(VCardImport.roleProperty):\(role.rawValue)") }
                if let phone = p.phone { lines.append("TEL;VALUE=text:\(escape(phone))") }
                if let email = p.email { lines.append("EMAIL:\(escape(email))") }
                out += card(lines)
            }
        }
        return out
    }

    /// The customer's UID, which its contact persons' cards name (two customers may share a name).
    static func uid(_ id: CustomerID) -> String { "urn:rapport:\(id)" }

    static func card(_ lines: [String]) -> String {
        (["BEGIN:VCARD", "VERSION:4.0"] + lines + ["END:VCARD"]).map(fold).joined()
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
