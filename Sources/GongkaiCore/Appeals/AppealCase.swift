/// 行政复议、行政诉讼案件 — a reconsideration or lawsuit about an application (Art. 51), counted in report
/// section IV by `ReportPeriod`.
///
/// ```swift
/// var a = try AppealCase(id: "复2024-3", applicationID: "2024-0001", kind: .reconsideration, filedOn: CivilDate(2024, 5, 6))
/// try a.decide(.corrected, on: CivilDate(2024, 7, 1))
/// ```
public struct AppealCase: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// The application appealed (nil for an appeal about proactive disclosure).
    public var applicationID: String?
    public var kind: AppealKind
    /// 行政复议机关 or the court (nil when the register did not say).
    public var body: String?
    /// 受理/立案日 — the day filed.
    public var filedOn: CivilDate
    /// 审结日 — the day decided.
    public private(set) var decidedOn: CivilDate?
    public private(set) var result: AppealOutcome?

    public init(
        id: String, applicationID: String?, kind: AppealKind, filedOn: CivilDate,
        result: AppealOutcome? = nil, decidedOn: CivilDate? = nil, body: String? = nil
    ) throws {
        self.id = id
        self.applicationID = applicationID
        self.kind = kind
        self.body = body
        self.filedOn = filedOn
        if let result, let decidedOn { try decide(result, on: decidedOn) } else if result != nil || decidedOn != nil {
            throw AppealError.incompleteDecision
        }
    }

    /// 审结 — records the result; only once, not before filing.
    public mutating func decide(_ result: AppealOutcome, on date: CivilDate) throws {
        guard self.result == nil else { throw AppealError.alreadyDecided(id) }
        guard date >= filedOn else { throw AppealError.decidedBeforeFiling(date, filedOn) }
        self.result = result
        decidedOn = date
    }
}

/// 复议或诉讼 — the three groups of section IV.
///
/// ```swift
/// AppealKind.litigationAfterReconsideration.group // .litigationAfterReconsideration
/// ```
public enum AppealKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 行政复议
    case reconsideration
    /// 行政诉讼 — 未经复议直接起诉
    case litigationDirect
    /// 行政诉讼 — 复议后起诉
    case litigationAfterReconsideration

    /// 行政复议, 行政诉讼（未经复议直接起诉）, 行政诉讼（复议后起诉）.
    public var label: String { self == .reconsideration ? group.label : "行政诉讼（\(group.label)）" }

    public var group: AppealsGroup {
        switch self {
        case .reconsideration: return .reconsideration
        case .litigationDirect: return .litigationDirect
        case .litigationAfterReconsideration: return .litigationAfterReconsideration
        }
    }
}

/// 复议、诉讼结果 — 维持, 纠正, 其他结果 (尚未审结 is the absence of a result).
///
/// ```swift
/// AppealOutcome.upheld.column // .upheld
/// ```
public enum AppealOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// 结果维持
    case upheld
    /// 结果纠正
    case corrected
    /// 其他结果 (e.g. withdrawn, dismissed on procedure)
    case otherResult

    public var column: AppealsResult {
        switch self {
        case .upheld: return .upheld
        case .corrected: return .corrected
        case .otherResult: return .otherResult
        }
    }
}

/// Errors of appeal cases, in Chinese naming the field.
public enum AppealError: Error, Hashable, Sendable, CustomStringConvertible {
    case alreadyDecided(String)
    case decidedBeforeFiling(CivilDate, CivilDate)
    case incompleteDecision

    public var description: String {
        switch self {
        case .alreadyDecided(let id): return "案件 \(id) 已审结，结果（result）不能再改"
        case .decidedBeforeFiling(let d, let f): return "审结日（decidedOn）\(d) 早于立案日 \(f)"
        case .incompleteDecision: return "结果（result）与审结日（decidedOn）必须同时填写"
        }
    }
}
