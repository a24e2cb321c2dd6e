/// 文件类别 — which section II row a 规章 or 规范性文件 counts in: Art. 20 (1).
///
/// ```swift
/// DocumentKind.normative.row // .normativeDocuments
/// ```
public enum DocumentKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 规章
    case rule
    /// 规范性文件 / 行政规范性文件
    case normative
    /// 其他主动公开文件 (Hubei)
    case other

    /// 规章, 规范性文件, 其他文件.
    public var label: String {
        switch self {
        case .rule: return "规章"
        case .normative: return "规范性文件"
        case .other: return "其他文件"
        }
    }

    public var row: ProactiveRow {
        switch self {
        case .rule: return .rules
        case .normative: return .normativeDocuments
        case .other: return .otherDocuments
        }
    }
}
