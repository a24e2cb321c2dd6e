/// 计算说明 — one line of a due date's day-by-day explanation: the day, whether it counted, and why.
///
/// Users most often dispute a deadline because they cannot see how it was computed; every due date in Gongkai
/// carries its trail, from the submission to the due day.
///
/// ```swift
/// // 2024-02-09 星期五  第3个工作日
/// // 2024-02-10 星期六  春节假期，不计
/// // 2024-02-18 星期日  第4个工作日 — 调休上班日（春节），计
/// ```
public struct TrailDay: Hashable, Sendable, Codable, CustomStringConvertible {
    public var date: CivilDate
    /// 星期一 … 星期日
    public var weekday: String
    public var kind: TrailKind
    /// True when the day counts towards the period.
    public var counted: Bool
    /// The running count of working days (1…) on counted days.
    public var number: Int?
    /// Why, in Chinese, citing the article where a rule applies.
    public var reason: String

    public init(date: CivilDate, kind: TrailKind, counted: Bool = false, number: Int? = nil, reason: String) {
        self.date = date
        self.weekday = date.weekday.chinese
        self.kind = kind
        self.counted = counted
        self.number = number
        self.reason = reason
    }

    public var description: String {
        let head = "\(date) \(weekday)  "
        if let number { return head + "第\(number)个工作日" + (reason.isEmpty ? "" : " — " + reason) }
        return head + reason
    }
}

/// What a trail line records.
///
/// ```swift
/// TrailKind.paused.rawValue // "paused"
/// ```
public enum TrailKind: String, Hashable, Sendable, Codable {
    /// 提交 — the day submitted, when the agency's own rule moves the receipt to a later working day.
    case submitted
    /// 收到 — the receipt date (Art. 31); not counted, day 1 is the next working day.
    case received
    /// 补正后重新起算 — the corrected application arrived (Art. 30); the period starts again.
    case restarted
    /// 计入 — a working day counted (including a make-up working day).
    case counted
    /// 周末 — Saturday or Sunday.
    case weekend
    /// 放假 — an official holiday.
    case holiday
    /// 暂停 — not counted: consultation (Art. 32, 34) or awaiting a fee (信息处理费).
    case paused
    /// 延迟答复 — the delayed reply period the agency set and notified (Art. 35).
    case delayed
}
