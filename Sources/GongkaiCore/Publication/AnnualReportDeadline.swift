/// 年度报告的公布期限 (第四十九条): 县级以上人民政府部门 publish the report of the year before 每年1月31日前 — a
/// calendar date, not counted in working days. Reminders start on 1 January.
///
/// ```swift
/// AnnualReportDeadline.due(reportYear: 2020)                                     // 2021-01-31
/// AnnualReportDeadline.status(reportYear: 2020, publishedOn: nil, today: CivilDate(2021, 1, 25)).label // "还有6天"
/// ```
public enum AnnualReportDeadline {
    /// The last day to publish the report of `reportYear`: 31 January of the next year.
    public static func due(reportYear: Int) -> CivilDate { CivilDate(reportYear + 1, 1, 31) }

    /// Where the report of `reportYear` stands on `today`, published on `publishedOn` (nil: not yet).
    public static func status(reportYear: Int, publishedOn: CivilDate?, today: CivilDate) -> ReportDeadlineStatus {
        let due = due(reportYear: reportYear)
        if let publishedOn {
            return publishedOn <= due ? .publishedOnTime : .publishedLate(days: due.days(to: publishedOn))
        }
        if today.year <= reportYear { return .yearNotOver }
        return today <= due ? .due(daysLeft: today.days(to: due)) : .overdue(days: due.days(to: today))
    }
}

/// 年度报告的期限状态.
public enum ReportDeadlineStatus: Hashable, Sendable {
    /// The report year has not ended: nothing is due yet.
    case yearNotOver
    /// Not yet published; `daysLeft` calendar days to 31 January (0: today is the last day).
    case due(daysLeft: Int)
    /// Not published, 31 January has passed `days` days ago.
    case overdue(days: Int)
    case publishedOnTime
    case publishedLate(days: Int)

    /// 年度未结束 / 还有N天 / 今日截止 / 已逾期N天 / 按期公布 / 逾期N天公布.
    public var label: String {
        switch self {
        case .yearNotOver: return "年度未结束"
        case .due(let n): return n == 0 ? "今日截止" : "还有\(n)天"
        case .overdue(let n): return "已逾期\(n)天"
        case .publishedOnTime: return "按期公布"
        case .publishedLate(let n): return "逾期\(n)天公布"
        }
    }

    /// Not published and 31 January has passed.
    public var isLate: Bool { if case .overdue = self { return true } else { return false } }
    /// Not published and due this January.
    public var isDue: Bool { if case .due = self { return true } else { return false } }
}
