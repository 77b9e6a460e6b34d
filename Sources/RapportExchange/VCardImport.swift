import RapportCore

/// vCards as import entries: a card with an organisation (ORG) is a
/// contact person of that organisation, and the people of one organisation
/// become one customer; a card of an organisation itself (KIND:org, or
/// iOS's X-ABShowAs:COMPANY) is that customer; any other card is a person
/// who is a customer, as is a card with KIND:individual (its ORG is then the
/// customer's company). BDAY is kept as a note, since customers have no birthday field.
public enum VCardImport {
    /// The entries of `cards`, in the order their customers first appear.
    public static func entries(_ cards: [VCard]) -> [ImportEntry] {
        var entries: [ImportEntry] = []
        var byOrganisation: [String: Int] = [:]
        var hasOwnCard = Set<Int>()   // entries made from an organisation's own card: another such card is another customer
        for card in cards {
            let organisation = card.all("ORG").first?.components.first?.trimmingSpaces ?? ""   // catalogue: not text
            // Cards of one customer: by the UID their contact persons name, else by the organisation's name.
            let group = card.first(customerLink) ?? organisation
            let name = personName(card)
            let isOrganisation = card.first("KIND")?.lowercased() == "org" || card.first("X-ABSHOWAS")?.uppercased() == "COMPANY"   // catalogue: not text
                || (name.isEmpty && !organisation.isEmpty)
            let phones = ordered(card.all("TEL")).map(\.text).map(telNumber)   // catalogue: not text
            let emails = ordered(card.all("EMAIL")).map(\.text)   // catalogue: not text
            var notes = card.all("NOTE").map(\.text).filter { !$0.trimmingSpaces.isEmpty }   // catalogue: not text
            if let bday = card.first("BDAY") { notes.append("birthday: \(bday)") }   // catalogue: not text
            let tags = card.all("CATEGORIES").flatMap { $0.text.split(separator: ",").map { String($0).trimmingSpaces } }.filter { !$0.isEmpty }   // catalogue: not text
            var fields: [CustomerField: JSON] = [:]
            if let adr = card.all("ADR").first.map(address), !adr.isEmpty { fields[.address] = .string(adr) }   // catalogue: not text
            if !tags.isEmpty { fields[.tags] = .array(tags.map(JSON.string)) }
            for field in ownFields {
                if let value = card.first("X-RAPPORT-\(field.rawValue.uppercased())") {   // catalogue: not text
                    fields[field] = [.doNotContact, .doNotShare].contains(field) ? .bool(value == "true") : .string(value)   // catalogue: not text
                }
            }
            let customerItself = card.first("KIND")?.lowercased() == "individual"   // as `export vcard` writes a person who is a customer   // catalogue: not text
            if customerItself, !organisation.isEmpty { fields[.company] = .string(organisation) }
            if organisation.isEmpty || isOrganisation || customerItself {
                fields[.kind] = .string((isOrganisation ? CustomerKind.organisation : .individual).rawValue)
                fields[.phones] = .array(phones.map(JSON.string))
                fields[.emails] = .array(emails.map(JSON.string))
                let customer = isOrganisation ? (organisation.isEmpty ? name : organisation) : name
                let key = card.first("UID") ?? customer   // catalogue: not text
                let named = byOrganisation[customer].flatMap { hasOwnCard.contains($0) ? nil : $0 }
                if isOrganisation, let i = byOrganisation[key] ?? named {   // its people came first
                    hasOwnCard.insert(i)
                    entries[i].fields.merge(fields) { had, more in
                        guard case .array(let a) = had, case .array(let b) = more else { return more }
                        return .array(b + a.filter { !b.contains($0) })
                    }
                    entries[i].notes += notes
                    continue
                }
                if let uid = card.first("UID") { byOrganisation[uid] = entries.count }   // its contact persons name it   // catalogue: not text
                if isOrganisation {
                    if byOrganisation[customer] == nil { byOrganisation[customer] = entries.count }
                    hasOwnCard.insert(entries.count)
                }
                entries.append(ImportEntry(line: card.line, name: customer, fields: fields, notes: notes))
                continue
            }
            var person = ImportEntry.Person(name: name)
            if let title = card.first("TITLE") { person.fields[.title] = .string(title) }   // catalogue: not text
            if let role = card.first(roleProperty) { person.fields[.role] = .string(role) }
            if let phone = phones.first { person.fields[.phone] = .string(phone) }
            if let email = emails.first { person.fields[.email] = .string(email) }
            fields[.phones] = .array(phones.dropFirst().map(JSON.string))
            fields[.emails] = .array(emails.dropFirst().map(JSON.string))
            notes = notes.map { "\(name): \($0)" }
            if let i = byOrganisation[group] {
                entries[i].contacts.append(person)
                entries[i].notes += notes
                for key in [CustomerField.phones, .emails, .tags] {
                    if case .array(let more)? = fields[key], case .array(let had)? = entries[i].fields[key] ?? .array([]) {
                        entries[i].fields[key] = .array(had + more.filter { !had.contains($0) })
                    }
                }
                if entries[i].fields[.address] == nil { entries[i].fields[.address] = fields[.address] }
            } else {
                fields[.kind] = .string(CustomerKind.organisation.rawValue)
                byOrganisation[group] = entries.count
                entries.append(ImportEntry(line: card.line, name: organisation, fields: fields, contacts: [person], notes: notes))
            }
        }
        return entries
    }

    /// The customer's fields vCard has no property for, written and read as `X-RAPPORT-FIELD`.
    static let ownFields: [CustomerField] = [.company, .size, .valueType, .source, .owner, .relationship, .channel, .personality,
                                             .doNotContact, .doNotShare]
    /// On a contact person's card: the UID of the customer's card (`export vcard` writes it).
    static let customerLink = "X-RAPPORT-CUSTOMER"   // catalogue: not text
    /// On a contact person's card: their buying role.
    static let roleProperty = "X-RAPPORT-ROLE"   // catalogue: not text

    /// The person's name: FN, else N as people write it (family name first
    /// for Chinese, given name first otherwise).
    static func personName(_ card: VCard) -> String {
        if let fn = card.first("FN")?.trimmingSpaces, !fn.isEmpty { return fn }   // catalogue: not text
        guard let n = card.all("N").first?.components else { return "" }   // catalogue: not text
        let family = n.first ?? "", given = n.count > 1 ? n[1] : ""
        let han = (family + given).unicodeScalars.contains { $0.properties.isIdeographic }
        return (han ? [family, given] : [given, family]).filter { !$0.isEmpty }.joined(separator: han ? "" : " ")
    }

    /// Preferred values first (TYPE=PREF, PREF=1).
    static func ordered(_ properties: [VCard.Property]) -> [VCard.Property] {
        let preferred = properties.filter { $0.types.contains("PREF") || $0.parameters["PREF"] != nil }   // catalogue: not text
        return preferred + properties.filter { p in !preferred.contains(p) }
    }

    /// A TEL value without a `tel:` URI scheme (vCard 4.0).
    static func telNumber(_ value: String) -> String {
        value.lowercased().hasPrefix("tel:") ? String(value.dropFirst(4)) : value   // catalogue: not text
    }

    /// ADR's components (post box, extended, street, locality, region, code, country), the filled ones joined.
    static func address(_ adr: VCard.Property) -> String {
        adr.components.map { $0.replacingOccurrences(of: "\n", with: ", ").trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
