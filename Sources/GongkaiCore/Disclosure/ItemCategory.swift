/// 事项类别 — which section II row an administrative item and its decisions count in: Art. 20 (5) 行政许可和其他对外
/// 管理服务事项, (6) 行政处罚、行政强制, (8) 行政事业性收费; 行政检查、行政确认 have rows of their own only in
/// regional variants (Beijing), elsewhere they count as 其他对外管理服务事项.
///
/// ```swift
/// ItemCategory.inspection.row(format: .v2021, variant: .national) // .otherServices
/// ItemCategory.inspection.article20Item                          // .licensingAndServices
/// ```
public enum ItemCategory: String, Hashable, Sendable, Codable, CaseIterable {
    /// 行政许可
    case licensing
    /// 行政处罚
    case penalty
    /// 行政强制
    case enforcement
    /// 行政检查
    case inspection
    /// 行政确认
    case confirmation
    /// 行政事业性收费
    case fee
    /// 其他对外管理服务事项
    case otherService

    /// 行政许可, 行政处罚, 行政强制, 行政检查, 行政确认, 行政事业性收费, 其他对外管理服务事项.
    public var label: String {
        switch self {
        case .licensing: return "行政许可"
        case .penalty: return "行政处罚"
        case .enforcement: return "行政强制"
        case .inspection: return "行政检查"
        case .confirmation: return "行政确认"
        case .fee: return "行政事业性收费"
        case .otherService: return "其他对外管理服务事项"
        }
    }

    /// The row the category counts in for a format and variant, nil when the format has no such row.
    public func row(format: ReportFormat, variant: RegionalVariant) -> ProactiveRow? {
        let rows = ProactiveRow.rows(for: format, variant: variant)
        let direct: ProactiveRow
        switch self {
        case .licensing: direct = .licensing
        case .penalty: direct = .penalty
        case .enforcement: direct = .enforcement
        case .fee: direct = .fees
        case .inspection: direct = rows.contains(.inspection) ? .inspection : .otherServices
        case .confirmation: direct = rows.contains(.confirmation) ? .confirmation : .otherServices
        case .otherService: direct = .otherServices
        }
        return rows.contains(direct) ? direct : nil
    }

    /// The item of Art. 20 the category belongs to.
    public var article20Item: Article20Item {
        switch self {
        case .licensing, .inspection, .confirmation, .otherService: return .licensingAndServices
        case .penalty, .enforcement: return .penaltiesAndEnforcement
        case .fee: return .fees
        }
    }
}
