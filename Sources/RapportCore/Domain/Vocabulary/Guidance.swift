/// Advice in the six headings of seed 004 for dealing with a personality type.
public struct PersonalityGuidance: Sendable {
    /// One heading and its advice.
    public struct Point: Sendable {
        public let heading: (english: String, chinese: String)
        public let advice: (english: String, chinese: String)
    }

    public let type: PersonalityType
    /// Pace, language, interests, praise, business vs feeling, negotiation.
    public let points: [Point]

    static let headings: [(String, String)] = [
        ("pace", "交往节奏"), ("language", "语言特点"), ("interests", "名利兴趣"),
        ("praise", "赞美方式"), ("business vs feeling", "业务感情"), ("negotiation", "谈判能力"),
    ]

    /// The guidance for `type`. The Driver's is the seed's own; the others
    /// follow the same two axes (rational or emotional, bold or cautious).
    public static func of(_ type: PersonalityType) -> PersonalityGuidance {
        let advice: [(String, String)]
        switch type {
        case .driver:
            advice = [
                ("be efficient: straight to the point, leave once business is done", "注意效率，开门见山，谈完正事后立即走人"),
                ("speak forcefully and plainly; no beating about the bush", "言辞有力，强调本意，不拐弯抹角"),
                ("let them control and decide; talk big picture and large gains, not small favours", "先征求其看法，决定权在他；谈发展前景与大利，不谈小利"),
                ("praise them by asking for their advice", "以请教的方式赞美"),
                ("stay on results: business first", "以结果为导向，以谈事为主"),
                ("never yields on principle, shrugs at the rest", "原则问题决不让步，非原则问题无所谓"),
            ]
        case .analytical:
            advice = [
                ("be patient and prepared; give them time to weigh it", "节奏放慢，准备充分，给对方时间权衡"),
                ("precise and factual; numbers, sources, no exaggeration", "用语准确，讲事实、数据和出处，不夸大"),
                ("interested in quality, detail and low risk", "关注质量、细节与风险控制"),
                ("praise their thoroughness and judgement, specifically", "具体地赞美其严谨与判断"),
                ("business first; trust follows evidence", "以业务为主，信任来自证据"),
                ("negotiates point by point and in writing; keep every promise", "逐条谈判，落实到书面；承诺必须兑现"),
            ]
        case .expressive:
            advice = [
                ("keep it lively; let them talk and share the vision", "节奏明快，让对方多说，共同描绘愿景"),
                ("warm, vivid, stories and pictures over tables", "热情生动，多讲故事与画面，少讲表格"),
                ("interested in recognition, novelty and being seen", "看重认可、新意与面子"),
                ("praise openly, in front of others", "公开、当众赞美"),
                ("feeling opens the door; then pin down the business", "先以感情打开局面，再落实业务"),
                ("decides fast on enthusiasm; confirm details in writing afterwards", "凭热情快速决定，事后书面确认细节"),
            ]
        case .amiable:
            advice = [
                ("slow and steady; never push", "节奏平缓，切忌施压"),
                ("gentle and personal; ask about them and their team", "语气温和，关心对方及其团队"),
                ("interested in security, harmony and being looked after", "看重安全感、和谐与被照顾"),
                ("praise their care for others and their loyalty", "赞美其体贴与忠诚"),
                ("feeling first: the relationship carries the business", "以感情为主，关系带动业务"),
                ("avoids conflict: offer guarantees and reduce the risk of saying yes", "回避冲突：提供保障，降低说'是'的风险"),
            ]
        }
        return PersonalityGuidance(type: type, points: zip(headings, advice).map { Point(heading: $0, advice: $1) })
    }
}

extension Mood {
    /// How to approach a person in this mood (seed 004).
    public var approach: (english: String, chinese: String) {
        switch self {
        case .rising: ("open and receptive: the best moment to ask", "心态开放，容易接纳：公关的最佳时机")
        case .falling: ("guarded: lengthen the approach; help when it is needed", "有防备：拉长接近过程，雪中送炭")
        case .calm: ("weighing the risk: give them a reason to feel something", "理智求稳：让客户的情绪波动起来")
        case .complacent: ("sure they are right: be patient, praise, then guide", "自以为是：忍耐，赞美，再引导")
        }
    }
}

extension AIDMAS {
    /// What to do for a customer at this step of the buying mind (seed 004).
    public var advice: (english: String, chinese: String) {
        switch self {
        case .attention: ("win attention: people, events, presence", "引起关注：人、活动、形象")
        case .interest: ("raise interest: talk about their gain", "激发兴趣：谈对方的利益")
        case .desire: ("learn the real need by keeping in touch", "持续交流，发现真正需求")
        case .memory: ("present to the need; let them remember and imagine", "针对需求介绍，让客户记忆和联想")
        case .action: ("ask for the order now", "立即要求成交")
        case .satisfaction: ("make them satisfied: referrals and the next sale", "让客户满意，促成传播与再次购买")
        }
    }
}

/// What an objection usually means, and how to meet it (seeds 000 and 001),
/// for the agent to read while the customer is talking.
public enum ObjectionGuidance {
    /// The principles that hold for every objection.
    public static let principles = (
        english: "respect the customer · never argue · protect their self-esteem · stress their benefit · never lie",
        chinese: "尊重顾客 · 永不争辩 · 维护顾客自尊 · 强调顾客的受益 · 决不撒谎")

    /// Its usual cause and the way to meet it.
    public static func of(_ type: ObjectionType) -> (cause: (english: String, chinese: String), approach: (english: String, chinese: String)) {
        switch type {
        case .excuse:
            (("not ready to decide, or a feeling rather than a reason", "尚未准备决定，或是情绪而非理由"),
             ("ask an open question to find the real objection", "用开放式问题找出真正的异议"))
        case .misunderstanding:
            (("the product or its price was not understood", "没有理解商品或价格"),
             ("explain plainly and show it; do not argue", "用平实的话解释并演示，不要争辩"))
        case .prejudice:
            (("a fixed opinion formed before", "已有的偏见或成见"),
             ("respect it, then give evidence: figures, references, a visit", "先尊重，再用数据、样板客户、参观来证明"))
        case .price:
            (("the value is not seen, or the budget is limited", "没有看到价值，或自身能力有限"),
             ("stress their gain and the cost of not buying; do not cut the price first", "强调顾客受益与不买的代价，不要先降价"))
        case .need:
            (("the need is not recognised or not understood", "没有认识到或没有理解自己的需求"),
             ("ask about their situation until they see the need themselves", "通过提问让顾客自己看到需求"))
        case .source:
            (("an established supplier already", "已有成型的采购渠道"),
             ("never run down the supplier; offer to be a second source, or a trial", "不贬低现有供应商，提出做第二供应商或试用"))
        case .timing:
            (("not now: other priorities, or waiting for a budget", "时机未到：另有优先事项或等待预算"),
             ("agree a date, keep in touch, and schedule the follow-up now", "约定时间，保持联系，当即安排跟进"))
        }
    }

    /// When a technique fits.
    public static func of(_ technique: ObjectionTechnique) -> (english: String, chinese: String) {
        switch technique {
        case .acknowledgeConvert: ("grant the point, then turn it into a reason to buy", "承认其合理，再转化为购买理由")
        case .postpone: ("answer later, when it fits what you show", "稍后在合适的展示环节回答")
        case .agreeOffset: ("concede it and offset it with a larger benefit", "同意并用更大的好处抵消")
        case .accept: ("it is right: accept it and adapt the offer", "异议成立：接受并调整方案")
        case .deny: ("only when it is plainly wrong: politely, with proof", "仅在明显错误时，礼貌地用证据否认")
        case .ignore: ("a passing remark: let it go and stay on the point", "随口一说：不予理会，回到正题")
        }
    }
}
