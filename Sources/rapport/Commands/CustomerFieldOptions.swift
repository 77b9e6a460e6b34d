import ArgumentParser
import RapportCore

/// The options that set a customer's fields, shared by `customer add` and `edit`.
struct CustomerFieldOptions: ParsableArguments {
    @Option(help: .words(say("commands.field.kind"))) var kind: String?
    @Option(help: .words(say("commands.field.phone"), valueName: "number"))
    var phone: [String] = []
    @Option(help: .words(say("commands.field.email"), valueName: "address"))
    var email: [String] = []
    @Option(help: .words(say("commands.field.company"))) var company: String?
    @Option var address: String?
    @Option(help: .words(say("commands.field.size"))) var size: String?
    @Option(name: .customLong("value-type"), help: .words(say("commands.field.valueType"))) var valueType: String?
    @Option(help: .words(say("commands.field.relationship"))) var relationship: String?
    @Option(help: .words(say("commands.field.bond"), valueName: "bond"))
    var bond: [String] = []
    @Option(help: .words(say("commands.field.source"))) var source: String?
    @Option(help: .words(say("commands.field.need"))) var need: String?
    @Option(name: .customLong("can-pay"), help: .words(say("commands.field.canPay"))) var canPay: String?
    @Option(help: .words(say("commands.field.authority"))) var authority: String?
    @Option(help: .words(say("commands.field.experience"))) var experience: String?
    @Option(help: .words(say("commands.field.channel"))) var channel: String?
    @Option(name: .customLong("do-not-contact"), help: .words(say("commands.field.doNotContact")))
    var doNotContact: String?
    @Option(name: .customLong("do-not-share"), help: .words(say("commands.field.doNotShare")))
    var doNotShare: String?
    @Option(help: .words(say("commands.field.owner"))) var owner: String?
    @Option(help: .words(say("commands.field.tag"), valueName: "tag")) var tag: [String] = []
    @Option(help: .words(say("commands.field.personality"))) var personality: String?
    @Option(help: .words(say("commands.field.aidmas"))) var aidmas: String?
    @Option(name: .customLong("shift-sign"), help: .words(say("commands.field.shiftSign"), valueName: "sign")) var shiftSign: [String] = []
    @Option(help: .words(say("commands.field.contribution"), valueName: "contribution")) var contribution: [String] = []
    @Option(name: .customLong("sensitive-to"), help: .words(say("commands.field.sensitiveTo")))
    var sensitiveTo: String?
    @Option(help: .words(say("commands.field.horizon"))) var horizon: String?
    @Option(name: .customLong("wallet-share"), help: .words(say("commands.field.walletShare"))) var walletShare: String?
    @Option(help: .words(say("commands.field.recommends"))) var recommends: String?
    @Option(name: .customLong("switching-barrier"), help: .words(say("commands.field.switchingBarrier"))) var switchingBarrier: String?
    @Option(name: .customLong("lock-in"), help: .words(say("commands.field.lockIn"), valueName: "lock-in")) var lockIn: [String] = []
    @Option(help: .words(say("commands.field.strategy"))) var strategy: String?

    /// The fields given, checked; an empty string clears a field.
    func fields() throws(InputError) -> [CustomerField: JSON] {
        var f = [CustomerField: JSON]()
        func text(_ s: String?) -> JSON? { s.map { $0.isEmpty ? .null : .string($0) } }
        func term<T: Term>(_ s: String?, _: T.Type) throws(InputError) -> JSON? {
            guard let s else { return nil }
            return s.isEmpty ? .null : .string(try T.parsing(s).rawValue)
        }
        /// A repeated option: the list it gives (an empty value clears it), or nil when not given.
        func terms<T: Term>(_ values: [String], _: T.Type) throws(InputError) -> JSON? {
            guard !values.isEmpty else { return nil }
            return .array(try values.filter { !$0.isEmpty }.map { v throws(InputError) in .string(try T.parsing(v).rawValue) })
        }
        f[.kind] = try term(kind, CustomerKind.self)
        if !phone.isEmpty { f[.phones] = .array(phone.filter { !$0.isEmpty }.map(JSON.string)) }
        if !email.isEmpty { f[.emails] = .array(email.filter { !$0.isEmpty }.map(JSON.string)) }
        f[.company] = text(company)
        f[.address] = text(address)
        f[.size] = try term(size, SizeClass.self)
        f[.valueType] = try term(valueType, ValueType.self)
        f[.relationship] = try term(relationship, RelationshipLevel.self)
        f[.bonds] = try terms(bond, Bond.self)
        f[.source] = try term(source, ProspectingMethod.self)
        f[.need] = try YesNo.parse(need, "need")
        f[.canPay] = try YesNo.parse(canPay, "can-pay")
        f[.authority] = try YesNo.parse(authority, "authority")
        f[.experience] = try term(experience, BuyerExperience.self)
        f[.channel] = try term(channel, Channel.self)
        f[.doNotContact] = try YesNo.parse(doNotContact, "do-not-contact")
        f[.doNotShare] = try YesNo.parse(doNotShare, "do-not-share")
        f[.owner] = text(owner)
        if !tag.isEmpty { f[.tags] = .array(tag.filter { !$0.isEmpty }.map(JSON.string)) }
        f[.personality] = try term(personality, PersonalityType.self)
        f[.aidmas] = try term(aidmas, AIDMAS.self)
        f[.shiftSigns] = try terms(shiftSign, ShiftSign.self)
        f[.contributions] = try terms(contribution, Contribution.self)
        f[.sensitiveTo] = try term(sensitiveTo, ValueSensitivity.self)
        f[.horizon] = try term(horizon, Horizon.self)
        if let walletShare {
            guard walletShare.isEmpty || Int(walletShare.trimmingCharacters(in: ["%"])).map({ (0...100).contains($0) }) == true else {
                throw InputError(say("commands.field.walletShareBad", walletShare))
            }
            f[.walletShare] = walletShare.isEmpty ? .null : .int(Int64(walletShare.trimmingCharacters(in: ["%"]))!)
        }
        f[.recommends] = try YesNo.parse(recommends, "recommends")
        f[.switchingBarrier] = try term(switchingBarrier, SwitchingBarrier.self)
        f[.lockIns] = try terms(lockIn, LockIn.self)
        f[.strategy] = try term(strategy, InteractionStrategy.self)
        return f
    }
}

/// yes/no answers on the command line.
enum YesNo {
    static func parse(_ s: String?, _ option: String) throws(InputError) -> JSON? {
        guard let s else { return nil }
        switch s.lowercased() {
        case "yes", "y", "true", "1", "是": return .bool(true)
        case "no", "n", "false", "0", "否": return .bool(false)
        case "": return .null
        default: throw InputError(say("commands.yesNo.expected", option, s))
        }
    }
}

/// The help of the commands in lines that fit the terminal. ArgumentParser
/// breaks help at spaces and counts characters, not cells; Chinese has no
/// spaces and takes two cells a character, so its lines would run past the
/// edge. In Chinese a text is broken here, by cells, between characters (not
/// before a closing mark nor after an opening one), and ArgumentParser keeps
/// the breaks; English is left to ArgumentParser as it always was.
enum CLIText {
    /// Cells for an option's or a subcommand's help: 80 less the 26 of the names' column, with room to spare.
    static let column = 50
    /// Cells for an overview or a discussion.
    static let page = 76

    /// `text` fitted to `width` cells in Chinese; unchanged in English. A line
    /// that starts with a space (an example laid out by hand) or holds no wide
    /// character is left as it is.
    static func fit(_ text: String, width: Int = column) -> String {
        guard Language.reading == .zh else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.first == " " || !line.contains(where: { TextWidth.of($0) == 2 }) ? String(line) : fitLine(String(line), width)
        }.joined(separator: "\n")
    }

    private static let closing: Set<Character> = ["，", "。", "、", "；", "：", "）", "”", "！", "？", "」", "…"]
    private static let opening: Set<Character> = ["（", "“", "「"]

    private static func fitLine(_ line: String, _ width: Int) -> String {
        // Units that are not broken: a wide character or a mark alone, a space, or a run of other characters (a word, an option).
        var units: [String] = [], word = ""
        for ch in line {
            if TextWidth.of(ch) == 2 || closing.contains(ch) || opening.contains(ch) || ch == " " {
                if !word.isEmpty { units.append(word) }
                word = ""
                units.append(String(ch))
            } else {
                word.append(ch)
            }
        }
        if !word.isEmpty { units.append(word) }
        var lines: [String] = [], current = "", currentWidth = 0
        for unit in units {
            let w = TextWidth.of(unit)
            let closes = unit.count == 1 && closing.contains(unit.first!)
            if currentWidth + w > width, !current.isEmpty, unit != " ", !closes {
                var carried = ""
                if let last = current.last, opening.contains(last) {
                    carried = String(last)
                    current.removeLast()
                }
                while current.last == " " { current.removeLast() }
                if !current.isEmpty { lines.append(current) }
                current = carried
                currentWidth = TextWidth.of(carried)
            }
            if unit == " ", current.isEmpty, !lines.isEmpty { continue }
            current += unit
            currentWidth += w
        }
        while current.last == " " { current.removeLast() }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}

extension ArgumentHelp {
    /// A text of the catalogue as the help of an option or an argument, fitted to its column.
    static func words(_ text: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(CLIText.fit(text), valueName: valueName)
    }
}
