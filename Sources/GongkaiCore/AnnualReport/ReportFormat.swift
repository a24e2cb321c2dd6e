/// 年度报告格式 — the official annual-report format a report follows (Art. 50 授权的统一格式).
///
/// The 2019 trial format (国办公开办函〔2019〕60号) governs report years 2019 and 2020; the revised format
/// (国办公开办函〔2021〕30号) governs report years from 2021.
///
/// ```swift
/// ReportFormat.official(forYear: 2020) // .v2019
/// ```
public enum ReportFormat: String, Codable, Hashable, Sendable, CaseIterable {
    /// 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 2019.
    case v2019 = "2019"
    /// 《中华人民共和国政府信息公开工作年度报告格式》, 2021.
    case v2021 = "2021"

    /// The format that applies to reports for `year`.
    public static func official(forYear year: Int) -> ReportFormat {
        year <= 2020 ? .v2019 : .v2021
    }
}

/// 地方变体 — a regional variant of the national format, chosen by the agency's region.
///
/// Beijing splits the 2019 format's 其他对外管理服务事项 row into 行政检查 and 行政确认; Hubei adds a
/// 其他主动公开文件 row under 第二十条第（一）项. Extra rows take part in no national identity.
///
/// ```swift
/// RegionalVariant.beijing.proactiveRows(for: .v2019) // contains .inspection, .confirmation
/// ```
public enum RegionalVariant: String, Codable, Hashable, Sendable, CaseIterable {
    case national
    case beijing
    case hubei

    /// The format's name as an agency chooses it: 全国通用格式, or a province's.
    public var chineseName: String {
        switch self {
        case .national: "全国通用格式"
        case .beijing: "北京市格式（含行政检查、行政确认）"
        case .hubei: "湖北省格式"
        }
    }
}
