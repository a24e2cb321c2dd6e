import Foundation

/// 节假日安排 — one year's official holiday notice (《国务院办公厅关于××年部分节假日安排的通知》) as data.
///
/// The State Council publishes next year's schedule each November; a new year is a new JSON file of this
/// shape, loaded with `WorkingDayCalendar.adding(_:)` — no code change. Holiday periods are listed whole
/// (weekend days inside a period included) so an explanation can name the holiday of every day skipped.
///
/// ```json
/// {"year": 2024, "notice": "国办发明电〔2023〕7号",
///  "holidays": [{"name": "春节", "from": "2024-02-10", "to": "2024-02-17"}],
///  "makeupWorkdays": [{"date": "2024-02-04", "for": "春节"}]}
/// ```
public struct HolidaySchedule: Hashable, Sendable, Codable {
    /// The year the notice is for (a period may start in the December before, e.g. 元旦 2023-12-30).
    public var year: Int
    /// The notice and any later adjustment (e.g. 国办发明电〔2020〕1号 extending the 2020 Spring Festival).
    public var notice: String
    /// 放假 — the holiday periods, each day from `from` to `to` inclusive.
    public var holidays: [HolidayPeriod]
    /// 调休上班日 — Saturdays and Sundays that are working days.
    public var makeupWorkdays: [MakeupWorkday]

    public init(year: Int, notice: String, holidays: [HolidayPeriod], makeupWorkdays: [MakeupWorkday]) {
        self.year = year
        self.notice = notice
        self.holidays = holidays
        self.makeupWorkdays = makeupWorkdays
    }

    /// Decodes one year's JSON file and checks it (`validate()`).
    public init(json: Data) throws {
        do {
            self = try JSONDecoder().decode(HolidaySchedule.self, from: json)
        } catch let error as CalendarError {
            throw error
        } catch {
            throw CalendarError.unreadableSchedule("\(error)")
        }
        try validate()
    }

    /// Checks that every period runs forward and lies within a few days of `year`, and that every make-up day
    /// is a Saturday or Sunday outside every holiday period.
    public func validate() throws {
        for p in holidays {
            guard p.from <= p.to, p.from.days(to: p.to) < 31 else {
                throw CalendarError.invalidSchedule(year: year, "假期「\(p.name)」的起止日期不合理：\(p.from)..\(p.to)")
            }
            guard p.from.year >= year - 1, p.to.year <= year, p.to.year == year || p.to >= CivilDate(year - 1, 12, 25)
            else {
                throw CalendarError.invalidSchedule(year: year, "假期「\(p.name)」不属于\(year)年：\(p.from)..\(p.to)")
            }
        }
        for m in makeupWorkdays {
            guard m.date.isWeekend else {
                throw CalendarError.invalidSchedule(year: year, "调休上班日 \(m.date) 不是周六或周日")
            }
            if let p = holidays.first(where: { $0.contains(m.date) }) {
                throw CalendarError.invalidSchedule(year: year, "调休上班日 \(m.date) 落在假期「\(p.name)」之内")
            }
        }
    }
}

/// 放假期间 — one holiday period of a notice, e.g. 春节 2020-01-24 … 2020-02-02.
///
/// ```swift
/// HolidayPeriod(name: "春节", from: CivilDate(2021, 2, 11), to: CivilDate(2021, 2, 17)).contains(CivilDate(2021, 2, 14))
/// ```
public struct HolidayPeriod: Hashable, Sendable, Codable {
    public var name: String
    public var from: CivilDate
    public var to: CivilDate
    public var note: String?

    public init(name: String, from: CivilDate, to: CivilDate, note: String? = nil) {
        self.name = name
        self.from = from
        self.to = to
        self.note = note
    }

    public func contains(_ date: CivilDate) -> Bool { from <= date && date <= to }

    public var days: [CivilDate] { (0...from.days(to: to)).map { from.adding(days: $0) } }
}

/// 调休上班日 — a weekend day worked in exchange for a holiday (`for` names the holiday).
///
/// ```swift
/// MakeupWorkday(date: CivilDate(2024, 2, 4), for: "春节")
/// ```
public struct MakeupWorkday: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var `for`: String

    public init(date: CivilDate, for holiday: String) {
        self.date = date
        self.for = holiday
    }
}

/// Errors of the working-day calendar, each with a message naming the field.
public enum CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadableSchedule(String)
    case invalidSchedule(year: Int, String)
    case missingResource(String)
    case outsideCalendar(field: String, date: CivilDate, years: ClosedRange<Int>?)

    public var description: String {
        switch self {
        case .unreadableSchedule(let detail): return "节假日安排文件无法读取：\(detail)"
        case .invalidSchedule(let year, let detail): return "\(year)年节假日安排有误：\(detail)"
        case .missingResource(let name): return "找不到内置的节假日数据：\(name)"
        case .outsideCalendar(let field, let date, let years?):
            return "\(field) \(date) 超出工作日历的范围：只能计算 \(years.lowerBound)年至\(years.upperBound)年的日期"
                + "（已载入 \(years.lowerBound + 1)–\(years.upperBound - 1) 年的节假日安排；其他年份请先载入该年的安排）"
        case .outsideCalendar(let field, let date, nil):
            return "\(field) \(date) 无法计算：工作日历未载入任何年份的节假日安排"
        }
    }
}
