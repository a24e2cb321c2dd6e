import Foundation

/// 工作日历 — which days are working days: Monday to Friday, minus official holidays (放假), plus make-up
/// working days (调休上班日), from the State Council's yearly notices.
///
/// Built-in data covers 2019–2026 (`Calendar/Resources/holidays-YYYY.json`); a new year is loaded from its file.
/// For a year with no data only weekends are known: `DayKind.isProvisional` says so and every explanation shows it.
///
/// ```swift
/// let cal = try WorkingDayCalendar.official()
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

    /// The built-in schedules 2019–2026, loaded once from the bundled resource.
    public static func official() throws -> WorkingDayCalendar {
        try officialResult.get()
    }

    private static let officialResult: Result<WorkingDayCalendar, CalendarError> = Result {
        guard let dir = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw CalendarError.missingResource("Resources")
        }
        let files = ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.lastPathComponent.hasPrefix("holidays-") && $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw CalendarError.missingResource("holidays-*.json") }
        var calendar = WorkingDayCalendar()
        for file in files {
            guard let data = try? Data(contentsOf: file) else {
                throw CalendarError.missingResource(file.lastPathComponent)
            }
            do { calendar = try calendar.adding(json: data) } catch let e as CalendarError { throw e } catch {
                throw CalendarError.unreadableSchedule("\(error)")
            }
        }
        return calendar
    }.mapError { $0 as? CalendarError ?? .unreadableSchedule("\($0)") }

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
