import Foundation

/// 工作日历 — which days are working days: Monday to Friday, minus official holidays (放假), plus make-up
/// working days (调休上班日), from the State Council's yearly notices.
///
/// The core reads no file: the caller hands in the schedules (the official 2019–2026 data ship as a resource of
/// `GongkaiCalendarData`, `WorkingDayCalendar.official()`); a new year is one more `HolidaySchedule`.
/// For the year before the first and after the last loaded one only weekends are known: `DayKind.isProvisional`
/// says so and every explanation shows it; dates beyond them are refused (`supportedYears`).
///
/// ```swift
/// let cal = try WorkingDayCalendar(schedules: schedules)
/// cal.isWorkingDay(CivilDate(2024, 2, 4))  // true — 调休上班 (春节)
/// cal.isWorkingDay(CivilDate(2024, 2, 12)) // false — 春节
/// ```
public struct WorkingDayCalendar: Hashable, Sendable {
    private var holidayNames: [CivilDate: String] = [:]
    private var makeupFor: [CivilDate: String] = [:]
    /// The years whose official schedule is loaded.
    public private(set) var coveredYears: Set<Int> = []
    /// The schedules loaded, by year.
    public private(set) var schedules: [Int: HolidaySchedule] = [:]

    /// A calendar with only weekends (no schedule loaded).
    public init() {}

    public init(schedules: [HolidaySchedule]) throws {
        for s in schedules { self = try adding(s) }
    }

    /// The calendar with one more year's schedule; a year already present is replaced.
    public func adding(_ schedule: HolidaySchedule) throws -> WorkingDayCalendar {
        try schedule.validate()
        var copy = self
        if let old = copy.schedules[schedule.year] {
            for p in old.holidays { for d in p.days { copy.holidayNames[d] = nil } }
            for m in old.makeupWorkdays { copy.makeupFor[m.date] = nil }
        }
        for p in schedule.holidays { for d in p.days { copy.holidayNames[d] = p.name } }
        for m in schedule.makeupWorkdays { copy.makeupFor[m.date] = m.for }
        copy.schedules[schedule.year] = schedule
        copy.coveredYears.insert(schedule.year)
        return copy
    }

    /// The calendar with one more year read from a JSON file's bytes (see `HolidaySchedule`).
    public func adding(json: Data) throws -> WorkingDayCalendar {
        try adding(HolidaySchedule(json: json))
    }

    /// 可计算的日期 — the years the clocks accept: the loaded years and one year either side, whose days are
    /// provisional (a notice may reach into the December before; a case received in December may run into a year
    /// whose notice is not out yet). Nil when no year is loaded.
    public var supportedYears: ClosedRange<Int>? {
        guard let first = coveredYears.min(), let last = coveredYears.max() else { return nil }
        return (first - 1)...(last + 1)
    }

    /// Throws `CalendarError.outsideCalendar` when `date` lies outside `supportedYears`; `field` names the input.
    public func requireSupported(_ date: CivilDate, field: String) throws {
        guard let years = supportedYears, years.contains(date.year) else {
            throw CalendarError.outsideCalendar(field: field, date: date, years: supportedYears)
        }
    }

    /// What kind of day `date` is, and why.
    public func kind(of date: CivilDate) -> DayKind {
        if let name = holidayNames[date] { return .holiday(name) }
        if let name = makeupFor[date] { return .makeupWorkday(name) }
        let provisional = !coveredYears.contains(date.year)
        if date.isWeekend { return .weekend(provisional: provisional) }
        return .workday(provisional: provisional)
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool { kind(of: date).isWorkingDay }

    /// The first working day strictly after `date`.
    public func nextWorkingDay(after date: CivilDate) -> CivilDate {
        var d = date.adding(days: 1)
        while !isWorkingDay(d) { d = d.adding(days: 1) }
        return d
    }

    /// `date` itself when it is a working day, else the next working day.
    public func workingDayOnOrAfter(_ date: CivilDate) -> CivilDate {
        isWorkingDay(date) ? date : nextWorkingDay(after: date)
    }

    /// The `n`th working day after `date` (day 1 = the first working day after `date`); `n` ≥ 0.
    public func addingWorkingDays(_ n: Int, to date: CivilDate) -> CivilDate {
        precondition(n >= 0, "working days to add must not be negative")
        var d = date
        for _ in 0..<n { d = nextWorkingDay(after: d) }
        return d
    }

    /// Working days in the half-open interval (`from`, `to`]: 0 when `to` ≤ `from`.
    public func workingDays(after from: CivilDate, through to: CivilDate) -> Int {
        guard from < to else { return 0 }
        var count = 0
        var d = from.adding(days: 1)
        while d <= to {
            if isWorkingDay(d) { count += 1 }
            d = d.adding(days: 1)
        }
        return count
    }
}

/// 日期类型 — why a day is or is not a working day.
///
/// ```swift
/// DayKind.holiday("春节").explanation // "春节假期，不计"
/// ```
public enum DayKind: Hashable, Sendable {
    /// Monday–Friday, no holiday. `provisional`: the year's holiday notice is not loaded.
    case workday(provisional: Bool)
    /// Saturday or Sunday, not a make-up day.
    case weekend(provisional: Bool)
    /// 放假 — inside an official holiday period (named).
    case holiday(String)
    /// 调休上班日 — a weekend day worked for the named holiday.
    case makeupWorkday(String)

    public var isWorkingDay: Bool {
        switch self {
        case .workday, .makeupWorkday: return true
        case .weekend, .holiday: return false
        }
    }

    /// True when the year's official schedule was not loaded, so only weekends are known.
    public var isProvisional: Bool {
        switch self {
        case .workday(let p), .weekend(let p): return p
        default: return false
        }
    }

    /// A short Chinese reason, e.g. "周末，不计", "国庆节、中秋节假期，不计", "调休上班日（春节），计".
    public var explanation: String {
        switch self {
        case .workday: return "工作日"
        case .weekend: return "周末，不计"
        case .holiday(let name): return "\(name)假期，不计"
        case .makeupWorkday(let name): return "调休上班日（\(name)），计"
        }
    }
}
