import GongkaiCore
import SQLKit

/// The rule of each section II figure as a condition on its register's rows — one text for the figure
/// (`ProactiveQueries` counts or sums the rows that meet it) and for the rows behind it (`ProactiveRecordsQuery`),
/// so that the list an officer checks is the figure's own.
enum ProactiveConditions {
    /// `column` falls in year y.
    static func inYear(_ column: String, _ y: StoreYear) -> SQLQueryString {
        "\(ident: column) >= \(bind: y.start) AND \(ident: column) <= \(bind: y.end)"
    }

    /// A 规章 or 规范性文件 counted in `column` of year y (2019: 本年新制作, 本年新公开, 对外公开总数量; 2021: 本年制发,
    /// 本年废止, 现行有效); nil for a column not of the documents' rows.
    static func document(_ column: ProactiveColumn, _ y: StoreYear) -> SQLQueryString? {
        let standing: SQLQueryString = "(abolished_on IS NULL OR abolished_on > \(bind: y.end))"
        switch column {
        case .newlyMade, .issued: return inYear("made_on", y)
        case .newlyPublished: return inYear("published_on", y)
        case .abolished: return inYear("abolished_on", y)
        case .publishedTotal: return "published_on <= \(bind: y.end) AND \(standing)"
        case .inForce: return "made_on <= \(bind: y.end) AND \(standing) AND (expires_on IS NULL OR expires_on >= \(bind: y.end))"
        default: return nil
        }
    }

    /// An administrative item valid on `day` (ISO text): 上一年项目数量 on 31 December Y−1, the year's count on 31 December Y.
    static func itemValid(on day: String) -> SQLQueryString {
        "valid_from <= \(bind: day) AND (valid_to IS NULL OR valid_to >= \(bind: day))"
    }

    /// 本年增/减's rows: items valid at the year's end and not the year before (added), or the reverse (removed).
    static func itemChanged(added: Bool, _ y: StoreYear) -> SQLQueryString {
        let (now, before) = (itemValid(on: y.end), itemValid(on: y.previousEnd))
        return added ? "(\(now)) AND NOT (\(before))" : "(\(before)) AND NOT (\(now))"
    }

    /// 处理决定: decided in year y. 政府集中采购: contracted in year y. 收费: collected in year y.
    static func decided(_ y: StoreYear) -> SQLQueryString { inYear("decided_on", y) }
    static func contracted(_ y: StoreYear) -> SQLQueryString { inYear("contracted_on", y) }
    static func collected(_ y: StoreYear) -> SQLQueryString { inYear("collected_on", y) }
}
