/// A person or an organisation.
public enum CustomerKind: String, Term {
    case individual, organisation
    public static let noun = "kind"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .individual: ("individual", "个人")
        case .organisation: ("organisation", "组织")
        }
    }
}

/// Size class (seed 001: 规模).
public enum SizeClass: String, Term {
    case large, medium, small, individual
    public static let noun = "size"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .large: ("large", "大")
        case .medium: ("medium", "中")
        case .small: ("small", "小")
        case .individual: ("individual", "个体")
        }
    }
}

/// What the customer is worth to us (seed 001: 价值).
public enum ValueType: String, Term {
    case share, profit, brand, potential
    public static let noun = "value type"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .share: ("share", "份额")
        case .profit: ("profit", "利润")
        case .brand: ("brand", "品牌")
        case .potential: ("potential", "潜在")
        }
    }
}

/// How close the relationship is (seed 001).
public enum RelationshipLevel: String, Term {
    case intimate, familiar, ordinary, media
    public static let noun = "relationship level"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .intimate: ("intimate", "亲密")
        case .familiar: ("familiar", "熟悉")
        case .ordinary: ("ordinary", "普通")
        case .media: ("media", "媒介")
        }
    }

    /// Days for the relationship temperature to halve without two-way contact:
    /// closer relationships keep longer (the shelf life of DOMAIN.md §3).
    public var halfLifeDays: Double {
        switch self {
        case .intimate: 60
        case .familiar: 30
        case .ordinary: 14
        case .media: 7
        }
    }
}

/// What ties the customer to us (seed 001: 纽带).
public enum Bond: String, Term {
    case economic, emotional, geographic, work
    public static let noun = "bond"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .economic: ("economic", "经济")
        case .emotional: ("emotional", "情感")
        case .geographic: ("geographic", "地缘")
        case .work: ("work", "工作")
        }
    }
}

/// How the customer was found (seeds 000 and 001).
public enum ProspectingMethod: String, Term {
    case doorToDoor = "door-to-door", referral, centreOfInfluence = "centre-of-influence", observation
    case assistant, advertising, deskResearch = "desk-research", tradeShow = "trade-show", seminar
    case hotline, coupon, coldVisit = "cold-visit"
    public static let noun = "prospecting method"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .doorToDoor: ("door-to-door sweep", "地毯式访问")
        case .referral: ("referral chain", "链式引荐")
        case .centreOfInfluence: ("centre of influence", "中心开花")
        case .observation: ("personal observation", "个人观察")
        case .assistant: ("delegated assistant", "委托助手")
        case .advertising: ("advertising", "广告")
        case .deskResearch: ("desk research", "文案调查")
        case .tradeShow: ("trade show", "展会")
        case .seminar: ("seminar", "研讨会")
        case .hotline: ("hotline", "热线")
        case .coupon: ("coupon", "优惠券")
        case .coldVisit: ("cold visit", "陌生拜访")
        }
    }
}

/// Buyer experience (seed 003).
public enum BuyerExperience: String, Term {
    case inexperienced, experienced
    public static let noun = "buyer experience"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .inexperienced: ("inexperienced", "经验不足")
        case .experienced: ("experienced", "经验丰富")
        }
    }
}

/// A way to reach a customer (seed 002).
public enum Channel: String, Term {
    case phone, message, email, sms, web, visit, event
    public static let noun = "channel"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .phone: ("phone", "电话")
        case .message: ("instant message", "即时消息")
        case .email: ("e-mail", "电子邮件")
        case .sms: ("SMS", "短信")
        case .web: ("web", "网站")
        case .visit: ("visit", "拜访")
        case .event: ("event", "活动")
        }
    }
}

/// A person's part in an organisation's buying decision (seed 003).
public enum BuyingRole: String, Term {
    case decisionMaker = "decision-maker", influencer, user, purchaser, gatekeeper
    public static let noun = "buying role"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .decisionMaker: ("decision maker", "决策者")
        case .influencer: ("influencer", "影响者")
        case .user: ("user", "使用者")
        case .purchaser: ("purchaser", "采购者")
        case .gatekeeper: ("gatekeeper", "把关者")
        }
    }
}
