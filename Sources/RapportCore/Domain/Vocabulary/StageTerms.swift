/// How the first meeting wins attention (seed 001: 接近的方法).
public enum ApproachMethod: String, Term {
    case selfIntroduction = "self-introduction", referral, product, benefit, curiosity, question, demonstration, direct
    public static let noun = "approach method"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .selfIntroduction: ("self-introduction", "自我介绍法")
        case .referral: ("referral", "他人引荐法")
        case .product: ("product", "产品接近法")
        case .benefit: ("benefit", "利益接近法")
        case .curiosity: ("curiosity", "好奇接近法")
        case .question: ("question", "问题讨论法")
        case .demonstration: ("demonstration", "表演接近法")
        case .direct: ("direct", "直接接近法")
        }
    }
}

/// How the product is shown (seed 000: 产品展示的三种模式).
public enum PresentationMode: String, Term {
    case stimulusResponse = "stimulus-response", programmed, needSatisfaction = "need-satisfaction"
    public static let noun = "presentation mode"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .stimulusResponse: ("stimulus–response", "刺激—反应模式")
        case .programmed: ("programmed (canned)", "程序化销售模式")
        case .needSatisfaction: ("need–satisfaction", "需要—满足模式")
        }
    }

    /// What the seed says of the mode.
    public var advice: String {
        switch self {
        case .stimulusResponse: "try the right stimulus, one method after another, until they buy"
        case .programmed: "the same standard script for everyone: exact, complete, step by step"
        case .needSatisfaction: "let the customer talk and state the need; the rep does not lead"
        }
    }
}

/// How the commitment to buy is asked for (seed 000: 被动策略, 试探, 假设, 期限强迫).
public enum ClosingStrategy: String, Term {
    case passive, trial, assumptive, deadline
    public static let noun = "closing strategy"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .passive: ("passive (the customer asks)", "被动策略")
        case .trial: ("trial close", "试探")
        case .assumptive: ("assumptive close", "假设")
        case .deadline: ("deadline close", "期限强迫")
        }
    }
}

/// What a won deal's follow-through checks (seed 000: 交易跟进).
public enum FollowThroughCheck: String, Term {
    case delivery, installation, inUse = "in-use"
    public static let noun = "follow-through check"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .delivery: ("delivery", "确认到货")
        case .installation: ("installation", "确认安装")
        case .inUse: ("problems in use", "使用中的问题")
        }
    }

    /// The follow-up's note.
    public var note: String {
        switch self {
        case .delivery: "follow-through: check that the product arrived"
        case .installation: "follow-through: check that it is installed and working"
        case .inUse: "follow-through: ask about problems in use, and solve them"
        }
    }
}
