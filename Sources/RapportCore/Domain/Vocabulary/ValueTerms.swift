/// What a customer contributes (seed 001: 销售贡献, 利润贡献, 机会贡献).
public enum Contribution: String, Term {
    case sales, profit, opportunity
    public static let noun = "contribution"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .sales: ("sales (market share)", "销售贡献")
        case .profit: ("profit (pays a premium, cheap to serve)", "利润贡献")
        case .opportunity: ("opportunity (growth, referrals, product ideas)", "机会贡献")
        }
    }
}

/// The value a customer is most sensitive to: the first of the five questions (seed 001).
public enum ValueSensitivity: String, Term {
    case price, quality, service, brand, relationship, convenience
    public static let noun = "value sensitivity"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .price: ("price", "价格")
        case .quality: ("quality", "质量")
        case .service: ("service", "服务")
        case .brand: ("brand", "品牌")
        case .relationship: ("relationship", "关系")
        case .convenience: ("convenience", "便利")
        }
    }
}

/// How long a relationship is expected to last: the matrix's time axis (seed 001).
public enum Horizon: String, Term {
    case short, long
    public static let noun = "time horizon"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .short: ("short-term", "短期")
        case .long: ("long-term", "长期")
        }
    }
}

/// What it costs a customer to leave: the matrix's other axis (seed 001: 转换壁垒).
public enum SwitchingBarrier: String, Term {
    case low, high
    public static let noun = "switching barrier"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .low: ("low switching barrier", "低转换壁垒")
        case .high: ("high switching barrier", "高转换壁垒")
        }
    }
}

/// What raises the switching cost (seed 001: 锁定).
public enum LockIn: String, Term {
    case prepayment, uniqueResource = "unique-resource", points
    public static let noun = "lock-in"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .prepayment: ("prepayment", "预付金")
        case .uniqueResource: ("unique resource", "独特资源")
        case .points: ("points", "积点")
        }
    }
}

/// Where a customer sits in the customer–value matrix (seed 001).
public enum ValueMatrixPosition: String, Term {
    case transactional, transitional, relationship
    public static let noun = "matrix position"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .transactional: ("transactional", "交易型营销")
        case .transitional: ("transitional", "过渡型客户")
        case .relationship: ("relationship", "关系型营销")
        }
    }

    /// Short-term with a low barrier is transactional, long-term with a high
    /// barrier is relationship marketing; the other two corners are between.
    public init(_ horizon: Horizon, _ barrier: SwitchingBarrier) {
        switch (horizon, barrier) {
        case (.short, .low): self = .transactional
        case (.long, .high): self = .relationship
        default: self = .transitional
        }
    }

    /// What the seed advises.
    public var advice: String {
        switch self {
        case .transactional: "sell on the deal; more service raises the barrier and moves them toward a relationship"
        case .transitional: "raise the barrier with service, above all emotional bonds, to make the relationship last"
        case .relationship: "keep the relationship: maintain it, it loses value with time"
        }
    }
}

/// How to interact with a customer (seed 002: 客户互动策略).
public enum InteractionStrategy: String, Term {
    case differential, traditional, realTime = "real-time", informational
    public static let noun = "interaction strategy"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .differential: ("differential", "差异化")
        case .traditional: ("traditional", "传统")
        case .realTime: ("real-time", "即时")
        case .informational: ("informational", "信息提供")
        }
    }

    /// Relationship-led (differential, traditional) or event-led.
    public var isRelationshipLed: Bool { self == .differential || self == .traditional }
}

/// The signs that an inexperienced buyer is becoming an experienced one (seed 003).
public enum ShiftSign: String, Term {
    case purchasingJoined = "purchasing-joined", technicalInterestFading = "technical-interest-fading"
    public static let noun = "shift sign"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .purchasingJoined: ("purchasing joins the decisions", "采购部门参与决策")
        case .technicalInterestFading: ("interest in technical questions fades", "对技术问题的兴趣减弱")
        }
    }
}

/// The four things that make a contact a coach (seed 004).
public enum CoachCriterion: String, Term {
    case trueInformation = "true-information", nearDecision = "near-decision", supportsUs = "supports-us", volunteers
    public static let noun = "coach criterion"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .trueInformation: ("gives relatively true information", "提供相对真实的信息")
        case .nearDecision: ("close to the decision makers", "接近决策层")
        case .supportsUs: ("supports us", "支持我们")
        case .volunteers: ("brings news unasked", "主动提供信息")
        }
    }
}
