/// The seven stages of the sales process (DOMAIN.md §1).
public enum Stage: String, Term, Comparable {
    case prospecting, preparation, approach, presentation, objections, closing
    case followThrough = "follow-through"

    public static let noun = "stage"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .prospecting: ("Prospecting", "寻找客户")
        case .preparation: ("Preparation", "接触准备")
        case .approach: ("Approach", "正式接触")
        case .presentation: ("Presentation", "展示产品")
        case .objections: ("Objections", "处理异议")
        case .closing: ("Closing", "达成交易")
        case .followThrough: ("Follow-through", "交易跟进")
        }
    }

    /// 1 to 7.
    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }
    /// The stage after this one, if any.
    public var next: Stage? { number < 7 ? Self.allCases[number] : nil }
    /// The stage before this one, if any.
    public var previous: Stage? { number > 1 ? Self.allCases[number - 2] : nil }

    /// The chance of closing a deal in this stage, in percent, unless overridden.
    public var defaultProbability: Int {
        switch self {
        case .prospecting: 10
        case .preparation: 15
        case .approach: 20
        case .presentation: 40
        case .objections: 50
        case .closing: 80
        case .followThrough: 90
        }
    }

    /// Days a deal may sit in this stage with nothing scheduled before it is stale.
    public var staleAfterDays: Int {
        switch self {
        case .prospecting: 30
        case .preparation, .approach, .objections: 14
        case .presentation: 21
        case .closing: 10
        case .followThrough: 30
        }
    }

    public static func < (a: Stage, b: Stage) -> Bool { a.number < b.number }

    /// Also accepts the stage number, 1 to 7.
    public static func parseStage(_ text: String) -> Stage? {
        if let n = Int(text.trimmingSpaces), (1...7).contains(n) { return allCases[n - 1] }
        return parse(text)
    }
}

/// Where a deal sits in the funnel by its chance of closing (DOMAIN.md §2).
public enum FunnelTier: String, Term, Comparable {
    case top, middle, bottom

    public static let noun = "tier"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .top: ("top", "漏斗上部")
        case .middle: ("middle", "漏斗中部")
        case .bottom: ("bottom", "漏斗下部")
        }
    }

    /// Under 25 % top, 25 to 75 % middle, over 75 % bottom.
    public init(probability: Int) {
        self = probability < 25 ? .top : probability > 75 ? .bottom : .middle
    }

    public static func < (a: FunnelTier, b: FunnelTier) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How a closed deal ended.
public enum DealOutcome: String, Term {
    case won, lost
    public static let noun = "outcome"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .won: ("Won", "成交")
        case .lost: ("Lost", "丢单")
        }
    }
}

/// What kind of objection a customer raised (seed 001).
public enum ObjectionType: String, Term {
    case excuse, misunderstanding, prejudice, price, need, source, timing
    public static let noun = "objection"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .excuse: ("excuse", "借口")
        case .misunderstanding: ("not understanding", "不了解")
        case .prejudice: ("prejudice", "偏见")
        case .price: ("price", "价格异议")
        case .need: ("need", "需求异议")
        case .source: ("source (has a supplier)", "货源异议")
        case .timing: ("timing", "购买时间异议")
        }
    }
}

/// How an objection was handled (seed 000).
public enum ObjectionTechnique: String, Term {
    case acknowledgeConvert = "acknowledge-convert"
    case postpone
    case agreeOffset = "agree-offset"
    case accept, deny, ignore
    public static let noun = "technique"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .acknowledgeConvert: ("acknowledge and convert", "承认并转化")
        case .postpone: ("postpone", "延迟")
        case .agreeOffset: ("agree and offset", "同意并抵消")
        case .accept: ("accept", "接受")
        case .deny: ("deny", "否认")
        case .ignore: ("ignore", "忽略")
        }
    }
}

/// The follow-up tactics of seed 004.
public enum FollowUpTactic: String, Term {
    case trial, tradeShow = "trade-show", proposal, referenceVisit = "reference-visit"
    case companyVisit = "company-visit", executiveVisit = "executive-visit", phone, coach
    case thirdParty = "third-party"
    public static let noun = "tactic"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .trial: ("free trial or gift", "免费试用或赠送")
        case .tradeShow: ("trade show", "商务展会")
        case .proposal: ("written proposal", "提交方案")
        case .referenceVisit: ("reference site visit", "考察样板")
        case .companyVisit: ("visit to our company", "公司参观")
        case .executiveVisit: ("executive visit", "领导拜访")
        case .phone: ("phone call", "电话融通")
        case .coach: ("advice from the coach", "教练辅导")
        case .thirdParty: ("through a third party", "巧借他人")
        }
    }
}

/// Why a deal was lost: the funnel learns from these.
public enum LossReason: String, Term {
    case price, competitor, budget, timing, noDecision = "no-decision", need, contact = "lost-contact", product, other
    public static let noun = "loss reason"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .price: ("price too high", "价格过高")
        case .competitor: ("went to a competitor", "选择了竞争对手")
        case .budget: ("no budget", "没有预算")
        case .timing: ("not now", "时机不对")
        case .noDecision: ("no decision made", "迟迟未决")
        case .need: ("no real need", "没有真实需求")
        case .contact: ("lost contact", "失去联系")
        case .product: ("product did not fit", "产品不合适")
        case .other: ("other", "其他")
        }
    }
}
