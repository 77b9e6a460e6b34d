import RapportCore

/// What a column of an imported table fills.
public enum ColumnTarget: Equatable, Sendable {
    /// A field of the customer.
    case customer(CustomerField)
    /// The contact person's name, or one of their fields.
    case contactName, contact(ContactField)
    /// A note added to the customer.
    case note
    /// The customer's id in the file: rows with the same id are one customer (an export's rows).
    case id
    /// Read, and deliberately left out (`--map COLUMN=ignore`).
    case ignore
}

/// Column headers recognised in English and Chinese, and `--map COLUMN=FIELD`.
public enum ImportColumns {
    /// The names `--map` accepts after `=`, with what each fills.
    public static let fields: [(String, ColumnTarget)] = [
        ("name", .customer(.name)), ("kind", .customer(.kind)), ("phone", .customer(.phones)), ("email", .customer(.emails)),   // catalogue: not text
        ("company", .customer(.company)), ("address", .customer(.address)), ("size", .customer(.size)),   // catalogue: not text
        ("value-type", .customer(.valueType)), ("source", .customer(.source)), ("owner", .customer(.owner)),   // catalogue: not text
        ("tags", .customer(.tags)), ("relationship", .customer(.relationship)), ("channel", .customer(.channel)),   // catalogue: not text
        ("do-not-contact", .customer(.doNotContact)), ("do-not-share", .customer(.doNotShare)),   // catalogue: not text
        ("personality", .customer(.personality)), ("note", .note), ("id", .id),   // catalogue: not text
        ("contact", .contactName), ("contact-title", .contact(.title)), ("contact-role", .contact(.role)),   // catalogue: not text
        ("contact-phone", .contact(.phone)), ("contact-email", .contact(.email)), ("ignore", .ignore),   // catalogue: not text
    ]

    /// Headers as people write them, by the field they name (compared without case, spaces, hyphens or underscores).
    static let synonyms: [String: [String]] = [
        "name": ["name", "customer", "customername", "fullname", "client", "客户名称", "客户", "客户名", "名称", "姓名", "名字"],   // catalogue: not text
        "kind": ["kind", "customerkind", "客户类型", "类别"],   // catalogue: not text
        "phone": ["phone", "phones", "telephone", "tel", "mobile", "cell", "phonenumber", "mobilephone",   // catalogue: not text
                  "电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "座机"],
        "email": ["email", "emails", "mail", "emailaddress", "邮箱", "电子邮件", "电子邮箱", "邮件"],   // catalogue: not text
        "company": ["company", "organisation", "organization", "companyname", "org", "公司", "公司名称", "单位", "工作单位", "企业"],   // catalogue: not text
        "address": ["address", "street", "地址", "联系地址", "通讯地址"],   // catalogue: not text
        "size": ["size", "规模", "客户规模"],   // catalogue: not text
        "value-type": ["valuetype", "价值类型", "客户价值"],   // catalogue: not text
        "source": ["source", "leadsource", "来源", "客户来源"],   // catalogue: not text
        "owner": ["owner", "rep", "salesrep", "accountowner", "负责人", "销售", "业务员", "归属", "跟进人"],   // catalogue: not text
        "tags": ["tags", "tag", "labels", "label", "categories", "group", "groups", "标签", "分组", "分类"],   // catalogue: not text
        "relationship": ["relationship", "关系"],   // catalogue: not text
        "channel": ["channel", "渠道", "联系方式偏好"],   // catalogue: not text
        "do-not-contact": ["donotcontact", "勿扰", "请勿联系"],   // catalogue: not text
        "do-not-share": ["donotshare", "private", "不外传", "隐私"],   // catalogue: not text
        "personality": ["personality", "性格", "个性"],   // catalogue: not text
        "note": ["note", "notes", "remark", "remarks", "comment", "comments", "description", "备注", "说明", "描述"],   // catalogue: not text
        "id": ["id", "customerid", "编号", "客户编号"],   // catalogue: not text
        "contact": ["contact", "contactname", "contactperson", "联系人", "联系人姓名"],   // catalogue: not text
        "contact-title": ["title", "jobtitle", "position", "contacttitle", "职位", "职务", "头衔"],   // catalogue: not text
        "contact-role": ["role", "contactrole", "buyingrole", "角色"],   // catalogue: not text
        "contact-phone": ["contactphone", "联系人电话", "联系人手机"],   // catalogue: not text
        "contact-email": ["contactemail", "联系人邮箱"],   // catalogue: not text
    ]

    /// The target a header names, if it is one of the known ones.
    public static func target(ofHeader header: String) -> ColumnTarget? {
        let key = normalized(header)
        guard let field = synonyms.first(where: { $0.value.contains(key) })?.key else { return nil }
        return fields.first { $0.0 == field }?.1
    }

    /// Reads `COLUMN=FIELD`; the column by its header (or its 1-based number).
    public static func mapping(_ text: String) throws(ExchangeError) -> (column: String, target: ColumnTarget) {
        guard let eq = text.lastIndex(of: "="), eq != text.startIndex else {
            throw ExchangeError(say("reports.map.form", text))
        }
        let column = String(text[..<eq]), field = normalized(String(text[text.index(after: eq)...]))
        guard let target = fields.first(where: { normalized($0.0) == field })?.1 ?? target(ofHeader: field)
                ?? (ignoreWords.contains(field) ? .ignore : nil) else {
            throw ExchangeError(say("reports.map.field", text, fields.map { name(of: $0.1) }.joined(separator: say("reports.map.separator"))))
        }
        return (column, target)
    }

    /// A field's name for people, which `--map` takes too: in Chinese its Chinese header, else its English name.
    public static func name(of target: ColumnTarget) -> String {
        let field = fields.first { $0.1 == target }?.0 ?? ""
        guard Language.reading == .zh else { return field }
        let chinese = (synonyms[field] ?? ignoreWords).first { $0.unicodeScalars.contains { $0.value >= 0x4E00 } }
        return chinese ?? field
    }

    /// What `--map COLUMN=…` takes, besides `ignore`, to leave a column out.
    static let ignoreWords = ["忽略", "略去"]

    static func normalized(_ s: String) -> String {
        String(s.lowercased().filter { !" -_./\u{3000}".contains($0) && !$0.isNewline })
    }
}
