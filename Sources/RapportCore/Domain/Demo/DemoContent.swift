/// The words the demo business is made of: names in Chinese and Latin
/// script, companies, deals, notes.
enum DemoContent {
    static let reps = ["li", "wang", "zhang.min", "chen", "anna", "lucas"]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
                           "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"]
    static let givenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
                             "明", "超", "秀兰", "霞", "平", "刚", "建华", "文", "华", "红", "志强", "晓明", "海燕", "欣怡"]
    static let firstNames = ["Anna", "Lucas", "Sophie", "Max", "Emma", "Noah", "Mia", "Leon", "Laura", "David", "Sarah", "Tom",
                             "Julia", "Paul", "Lena", "Marco", "Elena", "Jan", "Clara", "Felix", "Zoë", "André"]
    static let lastNames = ["Schmidt", "Müller", "Martin", "Dubois", "Rossi", "Smith", "García", "Novak", "Jensen", "Kowalski",
                            "Silva", "Brown", "Keller", "Weber", "Moreau", "Costa", "Fischer", "Bauer", "Lefèvre", "Nilsson"]
    static let companyHeads = ["华远", "东方", "金桥", "恒信", "新城", "汇丰", "长江", "星辰", "天宇", "博雅", "宏达", "瑞丰",
                               "盛世", "永安", "中联", "海天"]
    static let industries = ["科技", "物流", "贸易", "制造", "建设", "食品", "医疗", "软件", "电子", "教育", "机械", "农业"]
    static let latinHeads = ["Lumen", "Northwind", "Alpine", "Baltic", "Cobalt", "Delta", "Evergreen", "Falcon", "Granite",
                             "Harbor", "Iris", "Juniper", "Keystone", "Meridian", "Nova", "Orion"]
    static let latinTrades = ["Systems", "Logistics", "Foods", "Medical", "Software", "Energy", "Retail", "Textiles"]
    static let latinForms = ["GmbH", "Ltd", "S.A.", "Co."]
    static let chineseCities = ["上海市浦东新区", "北京市朝阳区", "广州市天河区", "深圳市南山区", "杭州市西湖区", "成都市高新区"]
    static let latinCities = ["Berlin", "Hamburg", "Lyon", "Milano", "Rotterdam", "Wien", "Zürich", "Praha"]
    static let streets = ["Hauptstraße", "Rue de la Paix", "Via Roma", "Kerkstraat", "Ringstraße"]
    static let titles = ["总经理", "采购经理", "CFO", "IT Director", "技术总监", "Office Manager", "运营主管", "Head of Purchasing"]
    static let dealTitles = ["ERP rollout", "年度维保合同", "CRM licences", "数据中心扩容", "Fleet telematics", "培训服务",
                             "Cloud migration", "设备采购", "Annual support", "安防系统升级", "POS terminals", "咨询项目",
                             "仓储自动化", "Website relaunch", "生产线改造", "Security audit"]
    static let callNotes = ["客户对价格有疑虑", "asked for references", "决策人出差，下周再联系", "wants a volume discount",
                            "对方案很满意", "needs approval from HQ", "要求提供试用", "comparing with a competitor",
                            "预算下季度到位", "sent the brochure", "关心售后服务", "asked about delivery times",
                            "希望分期付款", "happy with the demo", "担心实施周期", "coach says the CFO is on board"]
    static let followUpNotes = ["send the revised proposal", "发送报价单", "book a demo", "确认合同条款", "call the CFO",
                                "安排样板参观", "invite to the trade show", "请教练了解最新情况", "check delivery",
                                "回访使用情况", "follow up on the trial", "约领导拜访"]
    static let lostReasons = ["price too high", "选择了竞争对手", "project cancelled", "预算被削减", "no decision made",
                              "timing: next fiscal year"]
    static let complaints = ["delivery late", "安装后设备故障", "invoice wrong", "售后响应慢", "missing parts", "培训不到位"]
    static let resolutions = ["replaced the part", "已上门维修", "credit note issued", "安排专人跟进", "sent the missing parts"]
    static let moodNotes = ["刚拿到大订单，心情很好", "sounded tired, busy quarter", "很冷静，逐条比较", "sure their current supplier is best",
                            "升职了", "complained about their boss"]
    static let notes = ["prefers calls after 10:00", "喜欢打高尔夫", "kids at the same school as wang's", "重视长期合作",
                        "birthday in March", "对价格非常敏感"]
}

/// A deterministic random generator (SplitMix64) for the demo.
extension DemoContent {
    static let contactTimes = ["weekday mornings", "Tue–Thu 10:00–11:30", "after 16:00", "工作日上午", "周三下午", "not on Mondays"]
    static let plans = ["demo the product first, then the price", "bring the reference list", "先了解预算再报价", "带样品上门演示",
                        "meet the user department first", "准备行业案例"]
    static let places = ["their office", "our showroom", "客户公司会议室", "video call", "展会现场"]
    static let purposes = ["introduce ourselves", "understand the need", "了解需求", "first meeting with the decision maker", "介绍新产品"]
    static let products = ["CT scanner", "服务器机柜", "POS terminals", "Forklift fleet", "生产线传感器", "Security cameras", "空调机组",
                           "Label printers"]
    static let complaintSteps = ["called to apologise and understand", "engineer visit booked", "已安排技术人员上门", "replacement part ordered",
                                 "已与物流公司核实"]
}

struct DemoRandom {
    private var state: UInt64

    init(_ seed: UInt64, _ stream: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 ^ (stream &+ 1) &* 0xBF58_476D_1CE4_E5B9
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    /// lo ... hi.
    mutating func within(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    /// An element of `a`.
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
}
