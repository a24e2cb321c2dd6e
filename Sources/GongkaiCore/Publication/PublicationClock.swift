/// 主动公开时限 — 第二十六条: information to be published proactively is published within 20 working days of the day it
/// was formed or changed (unless a law or regulation sets another period).
///
/// Day 1 is the first working day after the day formed, as for the answer period (`StatutoryClock`); weekends and
/// official holidays are not counted, make-up working days (调休) are.
///
/// ```swift
/// let due = try PublicationClock.due(formedOn: CivilDate(2024, 2, 5), calendar: cal)
/// due.due // 2024-03-08 (春节 02-10…02-17 skipped, 2024-02-18 调休 counted)
/// ```
public enum PublicationClock {
    /// 第二十六条 — 20 working days.
    public static let period = 20

    /// The last day to publish information formed or changed on `formedOn`, with its day-by-day explanation.
    public static func due(formedOn: CivilDate, calendar: WorkingDayCalendar) throws -> DueDate {
        try calendar.requireSupported(formedOn, field: "形成或者变更日期")
        let formed = TrailDay(date: formedOn, kind: .received, reason: "信息形成或者变更之日（第二十六条），次日起算")
        let counted = try StatutoryClock.count(period, after: formedOn, pauses: [], calendar: calendar) { n in
            n == period ? "主动公开期限届满（第二十六条）" : ""
        }
        let due = counted.countedDays.last ?? formedOn
        return DueDate(start: formedOn, due: due, originalDue: due, trail: [formed] + counted.trail, isProvisional: counted.provisional)
    }

    /// Where information formed on `formedOn` stands by the Art. 26 clock on `day` (or on the day it was published).
    public static func timeliness(
        formedOn: CivilDate, publishedOn: CivilDate?, on day: CivilDate, calendar: WorkingDayCalendar
    ) throws -> PublicationTimeliness {
        let due = try self.due(formedOn: formedOn, calendar: calendar).due
        if let publishedOn {
            return publishedOn <= due
                ? .publishedOnTime(due: due)
                : .publishedLate(due: due, workingDaysLate: calendar.workingDays(after: due, through: publishedOn))
        }
        if day <= due { return .due(due: due, workingDaysLeft: calendar.workingDays(after: day, through: due)) }
        return .overdue(due: due, workingDaysLate: calendar.workingDays(after: due, through: day))
    }
}

/// 公开时限状态 — an item against the Art. 26 clock.
public enum PublicationTimeliness: Hashable, Sendable {
    /// Not yet published; `workingDaysLeft` working days after today up to the due day (0: due today).
    case due(due: CivilDate, workingDaysLeft: Int)
    /// Not yet published and past the due day by `workingDaysLate` working days.
    case overdue(due: CivilDate, workingDaysLate: Int)
    case publishedOnTime(due: CivilDate)
    case publishedLate(due: CivilDate, workingDaysLate: Int)

    public var dueDate: CivilDate {
        switch self {
        case .due(let d, _), .overdue(let d, _), .publishedOnTime(let d), .publishedLate(let d, _): return d
        }
    }

    /// 剩余5个工作日 / 今日到期 / 已超期3个工作日 / 按时公开 / 超期2个工作日公开.
    public var label: String {
        switch self {
        case .due(_, 0): return "今日到期"
        case .due(_, let n): return "剩余\(n)个工作日"
        case .overdue(_, let n): return "已超期\(n)个工作日"
        case .publishedOnTime: return "按时公开"
        case .publishedLate(_, let n): return "超期\(n)个工作日公开"
        }
    }

    public var isOverdue: Bool { if case .overdue = self { return true } else { return false } }
}
