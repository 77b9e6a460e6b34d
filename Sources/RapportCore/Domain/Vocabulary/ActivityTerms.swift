/// How we were in touch.
public enum InteractionKind: String, Term {
    case call, visit, meeting, email, message
    public static let noun = "interaction kind"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .call: ("call", "电话")
        case .visit: ("visit", "拜访")
        case .meeting: ("meeting", "会议")
        case .email: ("e-mail", "邮件")
        case .message: ("message", "消息")
        }
    }
}

/// Who started the contact.
public enum Direction: String, Term {
    case inbound = "in", outbound = "out"
    public static let noun = "direction"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .inbound: ("inbound", "呼入")
        case .outbound: ("outbound", "呼出")
        }
    }
}

/// How a contact went.
public enum ContactOutcome: String, Term {
    case reached, noAnswer = "no-answer", voicemail, callBack = "call-back", complaint, order
    public static let noun = "outcome"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .reached: ("reached", "已接通")
        case .noAnswer: ("no answer", "无人接听")
        case .voicemail: ("voicemail", "语音留言")
        case .callBack: ("call-back requested", "要求回电")
        case .complaint: ("complaint", "投诉")
        case .order: ("order", "下单")
        }
    }

    /// Whether the customer took part: the contact warms the relationship.
    public var isTwoWay: Bool {
        switch self {
        case .reached, .callBack, .complaint, .order: true
        case .noAnswer, .voicemail: false
        }
    }
}

/// Where a follow-up stands.
public enum FollowUpStatus: String, Term {
    case open, done, cancelled
    public static let noun = "follow-up status"
    public var labels: (english: String, chinese: String) {
        switch self {
        case .open: ("open", "待办")
        case .done: ("done", "已完成")
        case .cancelled: ("cancelled", "已取消")
        }
    }
}
