/// The five levels at which a customer is satisfied or not (seed 001: 与客户满意度相关的五个层次).
public enum SatisfactionLevel: String, Term {
    case coreProduct = "core-product", support, technical, interaction, emotion
    public static let noun = "satisfaction level"   // catalogue: not text (both languages side by side)
    public var labels: (english: String, chinese: String) {
        switch self {
        case .coreProduct: ("core product", "核心产品和服务")   // catalogue: not text (both languages side by side)
        case .support: ("support systems", "辅助系统与支持")   // catalogue: not text (both languages side by side)
        case .technical: ("technical standards", "技术标准与运营")   // catalogue: not text (both languages side by side)
        case .interaction: ("interaction", "与客户互动")   // catalogue: not text (both languages side by side)
        case .emotion: ("emotion", "情感因素")   // catalogue: not text (both languages side by side)
        }
    }
}

/// One of the seed's 15 survey statements, which a customer rates 1 (not at
/// all) to 5 (fully).
public struct SurveyStatement: Sendable {
    public let english: String
    public let chinese: String
    public let level: SatisfactionLevel
    /// Agreeing is a bad sign (statement 13): its rating counts as 6 − rating.
    public let reversed: Bool

    /// The statements in the seed's order. Which level each belongs to is our
    /// reading of the seed (it lists the levels and the statements apart):
    /// three per level; see DECISIONS.md.
    public static let all: [SurveyStatement] = [
        .init(english: "The company cares about me", chinese: "企业是否很在意我", level: .emotion, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "The company understands my needs", chinese: "企业是否理解我的需要", level: .support, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "Their staff receive me with respect", chinese: "员工接待我时，我觉得他们对我很尊重", level: .interaction, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "Dealing with them, I feel close to them", chinese: "我在与企业交往时，我感到他们对我很亲密", level: .interaction, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "Doing business with them feels secure", chinese: "我和企业开展业务时，我觉得业务有保证", level: .technical, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "I deal with them because I want to, not because I must", chinese: "我和企业交往，不是因为不得不，而是因为我想", level: .coreProduct, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "Moving my business elsewhere seems unnecessary", chinese: "把我的业务转移到另一家企业，我觉得没有必要", level: .coreProduct, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "When I need help, I can turn to them", chinese: "我在需要帮助时，我觉得我可以向他们求助", level: .support, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "I would not deal with anyone else", chinese: "我不可能和其他人接触", level: .technical, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "I feel comfortable dealing with them", chinese: "我和企业交往时，我觉得很舒服", level: .interaction, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "The company is an important part of our community", chinese: "企业对于我们的社区来说，是一个重要的组成部分", level: .emotion, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "Dealing with them is like dealing with friends", chinese: "和企业交往，就像和朋友交往一样", level: .emotion, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "If I could avoid it, I would not deal with them", chinese: "假如可以避开的话，我不会和企业打交道", level: .support, reversed: true),   // catalogue: not text (both languages side by side)
        .init(english: "Their staff know their business well", chinese: "企业的员工很了解他们的业务", level: .technical, reversed: false),   // catalogue: not text (both languages side by side)
        .init(english: "A good company that understands customers like me", chinese: "企业是一家很不错的公司，很了解像我这样的客户", level: .coreProduct, reversed: false),   // catalogue: not text (both languages side by side)
    ]
}

/// A satisfaction survey: the 15 statements rated on a date.
public struct Survey: CustomerOwned, Equatable, Sendable {
    public static let kind = EntityKind.survey
    public var id: SurveyID
    public var customer: CustomerID
    public var date: Day
    /// One rating per statement, 1 to 5, in the seed's order.
    public var ratings: [UInt8]
    public var note: String?
    public var withdrawn = false
    var older: Int32 = 0

    public init(id: SurveyID, customer: CustomerID, date: Day, ratings: [UInt8]) {
        self.id = id
        self.customer = customer
        self.date = date
        self.ratings = ratings
    }

    /// The ratings that count, 1 (bad) to 5 (good): reversed statements turned round.
    private var counted: [(SatisfactionLevel, Double)] {
        zip(SurveyStatement.all, ratings).map { s, r in (s.level, Double(s.reversed ? 6 - Int(r) : Int(r))) }
    }

    /// The mean over all statements, 1 to 5.
    public var score: Double { counted.map(\.1).reduce(0, +) / Double(max(1, counted.count)) }

    /// The mean of one level's statements, 1 to 5.
    public func score(_ level: SatisfactionLevel) -> Double {
        let mine = counted.filter { $0.0 == level }.map(\.1)
        return mine.reduce(0, +) / Double(max(1, mine.count))
    }

    /// Below this a score is low (the middle of the scale is 3).
    public static let low = 3.0
    /// A fall of this much or more since the survey before is a warning.
    public static let fall = 0.5

    /// Reads 15 ratings of 1 to 5 written with spaces or commas: "5 4 4 …".
    public static func ratings(_ text: String) throws(InputError) -> [UInt8] {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let count = SurveyStatement.all.count
        guard parts.count == count else {
            throw InputError(say("model.scores.count", count, parts.count), field: "scores")
        }
        return try parts.map { p throws(InputError) in
            guard let r = UInt8(p), (1...5).contains(r) else {
                throw InputError(say("model.scores.notRating", p), field: "scores")
            }
            return r
        }
    }
}
