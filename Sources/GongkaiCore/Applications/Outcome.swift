/// 办理结果 — how an application was closed: exactly one leaf row of report section III (2021 taxonomy),
/// each grounded in an article (format reference §5.2 item 8).
///
/// One outcome per application. Where an application is answered in parts, 部分公开 takes precedence
/// (`Outcome.combining`). In the 2019 format the three 其他处理 sub-rows are reported as one row, their sum.
///
/// ```swift
/// Outcome.withheld(.thirdPartyRights).row            // .withheld(4)
/// Outcome.other(.correctionLapsed).row(in: .v2019)   // .other
/// Outcome.unavailable(.notHeld).article              // "第三十六条第（四）（五）项"
/// ```
public enum Outcome: Hashable, Sendable, CustomStringConvertible {
    /// （一）予以公开 — 第三十六条第（一）（二）项
    case granted
    /// （二）部分公开 — 第三十七条（区分处理的，只计这一情形）
    case partiallyGranted
    /// （三）不予公开
    case withheld(WithheldReason)
    /// （四）无法提供
    case unavailable(UnavailableReason)
    /// （五）不予处理
    case notProcessed(NotProcessedReason)
    /// （六）其他处理
    case other(OtherReason)

    /// Every outcome, in the order of the 2021 format's rows.
    public static let allCases: [Outcome] =
        [.granted, .partiallyGranted] + WithheldReason.allCases.map { .withheld($0) }
        + UnavailableReason.allCases.map { .unavailable($0) } + NotProcessedReason.allCases.map { .notProcessed($0) }
        + OtherReason.allCases.map { .other($0) }

    /// The outcome counted in `row` (2021 rows; the 2019 single `.other` row has no single outcome).
    public init?(row: ApplicationRow) {
        guard let o = Self.allCases.first(where: { $0.row == row }) else { return nil }
        self = o
    }

    /// The leaf row in the 2021 format.
    public var row: ApplicationRow {
        switch self {
        case .granted: return .granted
        case .partiallyGranted: return .partiallyGranted
        case .withheld(let r): return .withheld(r.rawValue)
        case .unavailable(let r): return .unavailable(r.rawValue)
        case .notProcessed(let r): return .notProcessed(r.rawValue)
        case .other(let r): return .otherSub(r.rawValue)
        }
    }

    /// The row in `format`: the 2019 format folds 其他处理 1–3 into its single row.
    public func row(in format: ReportFormat) -> ApplicationRow {
        if format == .v2019, case .other = self { return .other }
        return row
    }

    /// The article that grounds the outcome.
    public var article: String {
        switch self {
        case .granted: return "第三十六条第（一）（二）项"
        case .partiallyGranted: return "第三十七条"
        case .withheld(let r): return r.article
        case .unavailable(let r): return r.article
        case .notProcessed(let r): return r.article
        case .other(let r): return r.article
        }
    }

    /// Whether any information is given out.
    public var disclosesInformation: Bool { self == .granted || self == .partiallyGranted }

    /// 区分处理 — one outcome for an application answered in parts: 部分公开 whenever some part is disclosed and
    /// some is not (or any part is already 部分公开); otherwise the parts' common outcome, or the first in row order.
    public static func combining(_ parts: [Outcome]) -> Outcome? {
        guard let first = parts.first else { return nil }
        if parts.allSatisfy({ $0 == first }) { return first }
        if parts.contains(where: \.disclosesInformation) { return .partiallyGranted }
        return allCases.first(where: parts.contains)
    }

    public var description: String { row.displayName }
}

/// （三）不予公开 1–8.
public enum WithheldReason: Int, Hashable, Sendable, Codable, CaseIterable {
    /// 1.属于国家秘密 — 第十四条
    case stateSecret = 1
    /// 2.其他法律行政法规禁止公开 — 第十四条
    case prohibitedByLaw
    /// 3.危及“三安全一稳定” — 第十四条
    case endangersSecurity
    /// 4.保护第三方合法权益 — 第十五条、第三十二条
    case thirdPartyRights
    /// 5.属于三类内部事务信息 — 第十六条第一款
    case internalAffairs
    /// 6.属于四类过程性信息 — 第十六条第二款
    case deliberativeProcess
    /// 7.属于行政执法案卷 — 第十六条第二款
    case enforcementFile
    /// 8.属于行政查询事项 — 第三十六条第（七）项
    case administrativeInquiry

    public var article: String {
        switch self {
        case .stateSecret, .prohibitedByLaw, .endangersSecurity: return "第十四条"
        case .thirdPartyRights: return "第十五条、第三十二条"
        case .internalAffairs: return "第十六条第一款"
        case .deliberativeProcess, .enforcementFile: return "第十六条第二款"
        case .administrativeInquiry: return "第三十六条第（七）项"
        }
    }
}

/// （四）无法提供 1–3.
public enum UnavailableReason: Int, Hashable, Sendable, Codable, CaseIterable {
    /// 1.本机关不掌握相关政府信息 — 第三十六条第（四）（五）项
    case notHeld = 1
    /// 2.没有现成信息需要另行制作 — 第三十八条
    case wouldRequireCreation
    /// 3.补正后申请内容仍不明确 — 第三十条
    case stillUnclearAfterCorrection

    public var article: String {
        switch self {
        case .notHeld: return "第三十六条第（四）（五）项"
        case .wouldRequireCreation: return "第三十八条"
        case .stillUnclearAfterCorrection: return "第三十条"
        }
    }
}

/// （五）不予处理 1–5.
public enum NotProcessedReason: Int, Hashable, Sendable, Codable, CaseIterable {
    /// 1.信访举报投诉类申请 — 第三十九条第一款
    case petitionOrComplaint = 1
    /// 2.重复申请 — 第三十六条第（六）项
    case repeated
    /// 3.要求提供公开出版物 — 第三十九条第二款
    case publication
    /// 4.无正当理由大量反复申请 — 第三十五条
    case excessive
    /// 5.要求行政机关确认或重新出具已获取信息 — 条例无直接对应条款
    case confirmationOrReissue

    public var article: String {
        switch self {
        case .petitionOrComplaint: return "第三十九条第一款"
        case .repeated: return "第三十六条第（六）项"
        case .publication: return "第三十九条第二款"
        case .excessive: return "第三十五条"
        case .confirmationOrReissue: return "条例无直接对应条款（年报格式第（五）5项）"
        }
    }
}

/// （六）其他处理 1–3 (2021 format; one row in 2019).
public enum OtherReason: Int, Hashable, Sendable, Codable, CaseIterable {
    /// 1.申请人无正当理由逾期不补正 — 第三十条（视为放弃申请）
    case correctionLapsed = 1
    /// 2.申请人逾期未按收费通知要求缴纳费用 — 《政府信息公开信息处理费管理办法》
    case feeLapsed
    /// 3.其他 (e.g. the applicant withdrew)
    case otherClosure

    public var article: String {
        switch self {
        case .correctionLapsed: return "第三十条"
        case .feeLapsed: return "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
        case .otherClosure: return "年报格式第（六）3项"
        }
    }
}

extension Outcome: Codable {
    /// Encodes as the 2021 row id: `"granted"`, `"withheld.4"`, `"other.2"`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let id = try c.decode(String.self)
        guard let row = ApplicationRow(id: id), let o = Outcome(row: row) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "办理结果（outcome）无效：\(id)")
        }
        self = o
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(row.id)
    }
}
