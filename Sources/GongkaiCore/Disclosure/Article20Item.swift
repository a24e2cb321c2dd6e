/// 主动公开的信息类别 — the fifteen items of Art. 20 (the information an agency discloses on its own), numbered as
/// the article numbers them; report section II is grouped by items (1), (5), (6), (8) and, in the 2019 format, (9).
///
/// ```swift
/// Article20Item(rawValue: 8)?.label  // "行政事业性收费项目及其依据、标准"
/// Article20Item.fees.heading         // "第二十条第（八）项"
/// ```
public enum Article20Item: Int, Hashable, Sendable, Codable, CaseIterable {
    case regulationsAndNormativeDocuments = 1
    case functionsAndContacts
    case plans
    case statistics
    case licensingAndServices
    case penaltiesAndEnforcement
    case budgets
    case fees
    case procurement
    case majorProjects
    case socialPolicies
    case emergencies
    case supervision
    case civilServiceRecruitment
    case otherByLaw

    /// The item as the article words it.
    public var label: String {
        switch self {
        case .regulationsAndNormativeDocuments: return "行政法规、规章和规范性文件"
        case .functionsAndContacts: return "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"
        case .plans: return "国民经济和社会发展规划、专项规划、区域规划及相关政策"
        case .statistics: return "国民经济和社会发展统计信息"
        case .licensingAndServices: return "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"
        case .penaltiesAndEnforcement: return "实施行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定"
        case .budgets: return "财政预算、决算信息"
        case .fees: return "行政事业性收费项目及其依据、标准"
        case .procurement: return "政府集中采购项目的目录、标准及实施情况"
        case .majorProjects: return "重大建设项目的批准和实施情况"
        case .socialPolicies: return "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"
        case .emergencies: return "突发公共事件的应急预案、预警信息及应对情况"
        case .supervision: return "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"
        case .civilServiceRecruitment: return "公务员招考的职位、名额、报考条件等事项以及录用结果"
        case .otherByLaw: return "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"
        }
    }

    /// The item's sub-column in a 法定主动公开内容 column, as government sites name it (`预决算`, `应急管理`).
    public var columnName: String {
        switch self {
        case .regulationsAndNormativeDocuments: return "法规、规章和规范性文件"
        case .functionsAndContacts: return "机构职能"
        case .plans: return "规划信息"
        case .statistics: return "统计信息"
        case .licensingAndServices: return "行政许可和服务事项"
        case .penaltiesAndEnforcement: return "行政处罚和行政强制"
        case .budgets: return "财政预决算"
        case .fees: return "行政事业性收费"
        case .procurement: return "政府集中采购"
        case .majorProjects: return "重大建设项目"
        case .socialPolicies: return "民生政策"
        case .emergencies: return "应急管理"
        case .supervision: return "监督检查"
        case .civilServiceRecruitment: return "公务员招考"
        case .otherByLaw: return "其他法定公开信息"
        }
    }

    /// "第二十条第（N）项", as report section II heads its blocks.
    public var heading: String { "第二十条第" + numeral + "项" }

    /// "（一）" … "（十五）"
    public var numeral: String {
        let digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        let n = rawValue
        let text = n <= 10 ? digits[n - 1] : "十" + digits[n - 11]
        return "（\(text)）"
    }
}
