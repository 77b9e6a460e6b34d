/// Long-term behaviour: four types on two axes (seed 004).
public enum PersonalityType: String, Term {
    case driver, analytical, expressive, amiable
    public static let noun = "personality type"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .driver: ("Driver", "驾驭型")
        case .analytical: ("Analytical", "分析型")
        case .expressive: ("Expressive", "表现型")
        case .amiable: ("Amiable", "平易型")
        }
    }

    /// Where the type sits on the two axes.
    public var axes: (english: String, chinese: String) {
        switch self {
        case .driver: ("rational, bold", "理性胆大")
        case .analytical: ("rational, cautious", "理性胆小")
        case .expressive: ("emotional, bold", "感性胆大")
        case .amiable: ("emotional, cautious", "感性胆小")
        }
    }
}

/// Short-term behaviour: the state a person is in (seed 004).
public enum Mood: String, Term {
    case rising, falling, calm, complacent
    public static let noun = "mood"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .rising: ("rising", "上升")
        case .falling: ("falling", "下降")
        case .calm: ("calm", "平静")
        case .complacent: ("complacent", "自满")
        }
    }
}

/// The buying mind, step by step (seed 004).
public enum AIDMAS: String, Term {
    case attention, interest, desire, memory, action, satisfaction
    public static let noun = "AIDMAS stage"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .attention: ("Attention", "注意")
        case .interest: ("Interest", "兴趣")
        case .desire: ("Desire", "想要")
        case .memory: ("Memory", "记忆")
        case .action: ("Action", "行动")
        case .satisfaction: ("Satisfaction", "满意")
        }
    }
}
