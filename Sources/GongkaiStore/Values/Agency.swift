import GongkaiCore

/// 行政机关 — an agency that keeps its own registers and publishes its own annual report (Art. 49).
///
/// The region selects the report's regional variant (e.g. Beijing's 行政检查/行政确认 rows).
///
/// ```swift
/// Agency(name: "北京市大兴区应急管理局", code: "110115-YJ", level: .county, region: .beijing)
/// ```
public struct Agency: Hashable, Sendable, Codable {
    public var id: Int?
    public var name: String
    /// 机关代码 — unique across the database (e.g. a unified social credit code).
    public var code: String
    public var level: AgencyLevel
    public var region: RegionalVariant
    /// 收件规则 — Art. 31 unless the agency's published 指南 counts submissions outside working time from the next
    /// working day (`ReceiptRule.agencyGuide`). Applied when a case is received; stored with the case.
    public var receiptRule: ReceiptRule
    /// 机关代字 of its letters' numbers (大应急公开 in 大应急公开〔2020〕第3号); nil: its name followed by 公开.
    public var letterPrefix: String?
    /// 网上申请的确认 (Art. 31): at submission, or by staff from the 待确认 queue.
    public var onlineConfirmation: OnlineConfirmation

    public init(
        id: Int? = nil, name: String, code: String, level: AgencyLevel, region: RegionalVariant,
        receiptRule: ReceiptRule = .article31, letterPrefix: String? = nil, onlineConfirmation: OnlineConfirmation = .automatic
    ) {
        self.id = id
        self.name = name
        self.code = code
        self.level = level
        self.region = region
        self.receiptRule = receiptRule
        self.letterPrefix = letterPrefix
        self.onlineConfirmation = onlineConfirmation
    }

    /// The prefix its letters are numbered with: its own 代字, or the default (`LetterNumber.defaultPrefix`).
    public var letterSeriesPrefix: String { letterPrefix ?? LetterNumber.defaultPrefix(agencyName: name) }
}

/// 行政层级 of an agency.
public enum AgencyLevel: String, Hashable, Sendable, Codable, CaseIterable {
    case national, provincial, municipal, county, township

    /// 国家级, 省级, 市级, 县级 (区县), 乡级 (乡镇、街道).
    public var chineseName: String {
        switch self {
        case .national: "国家级"
        case .provincial: "省级"
        case .municipal: "市级"
        case .county: "县级（区县）"
        case .township: "乡级（乡镇、街道）"
        }
    }
}

/// 角色 — what a user may do; only some roles may see applicants' ID and phone numbers.
public struct Role: Hashable, Sendable, Codable {
    public var name: String
    /// May export or view 身份证号码 and 联系电话.
    public var mayViewPersonalData: Bool

    public init(name: String, mayViewPersonalData: Bool) {
        self.name = name
        self.mayViewPersonalData = mayViewPersonalData
    }

    /// The roles every database starts with (names are stable: commands and stored users refer to them).
    public static let builtIn: [Role] = [
        Role(name: "admin", mayViewPersonalData: true),
        Role(name: "officer", mayViewPersonalData: true),
        Role(name: "viewer", mayViewPersonalData: false),
        Role(name: "registrar", mayViewPersonalData: true),
        Role(name: "reviewer", mayViewPersonalData: true),
        Role(name: "head", mayViewPersonalData: true),
        Role(name: "supervisor", mayViewPersonalData: false),
    ]

    /// The role's name as an office calls it: 管理员 (users, agency details, templates), 承办人 (handles cases),
    /// 查阅人 (reads, sees no personal data), 登记员 (registers and confirms receipt), 审核人 (reviews answers and
    /// publications), 负责人 (approves extensions and publication), 监督人 (the district's supervisor: reads every
    /// agency's reports and registers, no personal data).
    public var title: String { Self.title(of: name) }

    /// The title of the role named `name` (the name itself for a role not built in).
    public static func title(of name: String) -> String { titles[name] ?? name }

    static let titles = [
        "admin": "管理员", "officer": "承办人", "viewer": "查阅人", "registrar": "登记员", "reviewer": "审核人",
        "head": "负责人", "supervisor": "监督人",
    ]
}

/// 用户 — a person who works in one agency's registers.
public struct User: Hashable, Sendable, Codable {
    public var id: Int?
    public var agencyID: Int
    public var username: String
    public var displayName: String
    public var role: String

    public init(id: Int? = nil, agencyID: Int, username: String, displayName: String, role: String) {
        self.id = id
        self.agencyID = agencyID
        self.username = username
        self.displayName = displayName
        self.role = role
    }
}
