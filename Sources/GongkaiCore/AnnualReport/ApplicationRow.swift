/// A data row of report section III, 收到和处理政府信息公开申请情况 (format reference §2.4, §3.4).
///
/// The raw value is the row's id in the public JSON form (`docs/REPORT-JSON.md`). Outcome rows are the leaf
/// categories an application is answered with; `total`, `new`, `carriedOver` and `carriedForward` are counts.
///
/// ```swift
/// ApplicationRow.rows(for: .v2021).count // 25
/// ApplicationRow.withheld(4).label        // "4.保护第三方合法权益"
/// ```
public enum ApplicationRow: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 一、本年新收政府信息公开申请数量
    case new
    /// 二、上年结转政府信息公开申请数量
    case carriedOver
    /// （一）予以公开 — Art. 36 (1)(2)
    case granted
    /// （二）部分公开 — Art. 37; 区分处理的只计这一情形
    case partiallyGranted
    /// （三）不予公开 1–8 — Art. 14, 15, 16, 36 (3)
    case withheld(Int)
    /// （四）无法提供 1–3 — Art. 36 (4)(5), 38, 30
    case unavailable(Int)
    /// （五）不予处理 1–5 — Art. 39, 36 (6), 35
    case notProcessed(Int)
    /// （六）其他处理 — the 2019 format's single row
    case other
    /// （六）其他处理 1–3 — the 2021 format's sub-rows
    case otherSub(Int)
    /// （七）总计
    case total
    /// 四、结转下年度继续办理
    case carriedForward

    /// The rows of the table in the order of the format.
    public static func rows(for format: ReportFormat) -> [ApplicationRow] {
        format == .v2019 ? rows2019 : rows2021
    }

    /// The outcome rows (（一）…（六）) whose sum is （七）总计.
    public static func outcomeRows(for format: ReportFormat) -> [ApplicationRow] {
        format == .v2019 ? outcomeRows2019 : outcomeRows2021
    }

    private static let outcomeRows2019 = rows2019.filter(\.isOutcome)
    private static let outcomeRows2021 = rows2021.filter(\.isOutcome)

    private static let outcomes: [ApplicationRow] =
        [.granted, .partiallyGranted] + (1...8).map { .withheld($0) } + (1...3).map { .unavailable($0) }
        + (1...5).map { .notProcessed($0) }
    private static let rows2019: [ApplicationRow] = [.new, .carriedOver] + outcomes + [.other, .total, .carriedForward]
    private static let rows2021: [ApplicationRow] =
        [.new, .carriedOver] + outcomes + (1...3).map { .otherSub($0) } + [.total, .carriedForward]

    /// The row's index in `rows(for: format)`, nil when the format has no such row; computed, not searched.
    public func position(in format: ReportFormat) -> Int? {
        let v2019 = format == .v2019
        switch self {
        case .new: return 0
        case .carriedOver: return 1
        case .granted: return 2
        case .partiallyGranted: return 3
        case .withheld(let n): return (1...8).contains(n) ? 3 + n : nil
        case .unavailable(let n): return (1...3).contains(n) ? 11 + n : nil
        case .notProcessed(let n): return (1...5).contains(n) ? 14 + n : nil
        case .other: return v2019 ? 20 : nil
        case .otherSub(let n): return !v2019 && (1...3).contains(n) ? 19 + n : nil
        case .total: return v2019 ? 21 : 23
        case .carriedForward: return v2019 ? 22 : 24
        }
    }

    public var isOutcome: Bool {
        switch self {
        case .new, .carriedOver, .total, .carriedForward: return false
        default: return true
        }
    }

    /// The id used in JSON: `new`, `withheld.4`, `other.2`, `carriedForward` …
    public var id: String {
        switch self {
        case .new: return "new"
        case .carriedOver: return "carriedOver"
        case .granted: return "granted"
        case .partiallyGranted: return "partiallyGranted"
        case .withheld(let n): return "withheld.\(n)"
        case .unavailable(let n): return "unavailable.\(n)"
        case .notProcessed(let n): return "notProcessed.\(n)"
        case .other: return "other"
        case .otherSub(let n): return "other.\(n)"
        case .total: return "total"
        case .carriedForward: return "carriedForward"
        }
    }

    public init?(id: String) {
        guard let row = Self.byID[id] else { return nil }
        self = row
    }

    private static let byID: [String: ApplicationRow] = Dictionary(
        uniqueKeysWithValues: Set(rows2019 + rows2021).map { ($0.id, $0) })

    public var description: String { id }

    /// The group heading (（三）不予公开 …) for leaf rows inside a group, nil otherwise.
    public var groupLabel: String? {
        switch self {
        case .withheld: return "（三）不予公开"
        case .unavailable: return "（四）无法提供"
        case .notProcessed: return "（五）不予处理"
        case .otherSub: return "（六）其他处理"
        default: return nil
        }
    }

    /// The row's own label as the format writes it.
    public var label: String {
        switch self {
        case .new: return "一、本年新收政府信息公开申请数量"
        case .carriedOver: return "二、上年结转政府信息公开申请数量"
        case .granted: return "（一）予以公开"
        case .partiallyGranted: return "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        case .withheld(let n): return Self.numbered.withheld[n - 1]
        case .unavailable(let n): return Self.numbered.unavailable[n - 1]
        case .notProcessed(let n): return Self.numbered.notProcessed[n - 1]
        case .other: return "（六）其他处理"
        case .otherSub(let n): return Self.numbered.other[n - 1]
        case .total: return "（七）总计"
        case .carriedForward: return "四、结转下年度继续办理"
        }
    }

    /// A label naming the row in messages: "（三）不予公开 4.保护第三方合法权益".
    public var displayName: String {
        switch self {
        case .withheld(let n): return Self.numbered.withheldDisplay[n - 1]
        case .unavailable(let n): return Self.numbered.unavailableDisplay[n - 1]
        case .notProcessed(let n): return Self.numbered.notProcessedDisplay[n - 1]
        case .otherSub(let n): return Self.numbered.otherDisplay[n - 1]
        default: return label
        }
    }

    /// The numbered leaf labels ("4.保护第三方合法权益") and display names, built once: the checker and the
    /// readers name rows in every message.
    private static let numbered = {
        func number(_ labels: [String]) -> [String] { labels.enumerated().map { "\($0.offset + 1)." + $0.element } }
        func display(_ row: ApplicationRow, _ labels: [String]) -> [String] {
            number(labels).map { (row.groupLabel ?? "") + " " + $0 }
        }
        return (
            withheld: number(withheldLabels), unavailable: number(unavailableLabels),
            notProcessed: number(notProcessedLabels), other: number(otherLabels),
            withheldDisplay: display(.withheld(1), withheldLabels),
            unavailableDisplay: display(.unavailable(1), unavailableLabels),
            notProcessedDisplay: display(.notProcessed(1), notProcessedLabels),
            otherDisplay: display(.otherSub(1), otherLabels)
        )
    }()

    public static let withheldLabels = [
        "属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
        "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项",
    ]
    public static let unavailableLabels = ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"]
    public static let notProcessedLabels = [
        "信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息",
    ]
    public static let otherLabels = [
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "其他",
    ]

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let id = try c.decode(String.self)
        guard let row = ApplicationRow(id: id) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown section III row id \(id)")
        }
        self = row
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(id)
    }
}

/// 申请人情况 — the seven columns of section III, in the format's order.
///
/// ```swift
/// ApplicantColumn.allCases.last // .total
/// ```
public enum ApplicantColumn: Int, CaseIterable, Hashable, Sendable, Codable {
    /// 自然人
    case naturalPerson = 0
    /// 法人或其他组织 — 商业企业
    case commercialEnterprise
    /// 法人或其他组织 — 科研机构
    case researchInstitution
    /// 法人或其他组织 — 社会公益组织
    case publicInterestOrganization
    /// 法人或其他组织 — 法律服务机构
    case legalServiceOrganization
    /// 法人或其他组织 — 其他
    case otherOrganization
    /// 总计
    case total

    /// The six applicant kinds, without 总计.
    public static let applicantKinds: [ApplicantColumn] = Array(allCases.dropLast())

    public var label: String { Self.labels[rawValue] }
    private static let labels = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
}
