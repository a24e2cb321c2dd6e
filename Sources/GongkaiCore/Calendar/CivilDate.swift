/// 日期 — a calendar day with no time and no time zone (proleptic Gregorian calendar).
///
/// Statutory periods count days, not instants: a plain day value avoids the time-zone off-by-one that a
/// Foundation `Date` shown in another zone produces. Encodes as `"YYYY-MM-DD"`.
///
/// ```swift
/// let d = CivilDate(2024, 2, 28)
/// d.adding(days: 1)          // 2024-02-29 (leap year)
/// d.weekday                  // .wednesday
/// CivilDate(parsing: "2020-01-24") // 2020-01-24
/// ```
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date from its parts; the parts must name a real day (`CivilDate.isValid`).
    public init(_ year: Int, _ month: Int, _ day: Int) {
        precondition(Self.isValid(year, month, day), "not a calendar day: \(year)-\(month)-\(day)")
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date from its parts, or nil if they name no day (2023-02-29, 2024-13-01).
    public init?(validating year: Int, _ month: Int, _ day: Int) {
        guard Self.isValid(year, month, day) else { return nil }
        self.init(year, month, day)
    }

    /// Parses `YYYY-MM-DD` (ASCII digits), or nil.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(validating: y, m, d)
    }

    /// Days since 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isValid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysInMonth(year, month)
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    public var weekday: Weekday { Weekday(rawValue: ((dayNumber % 7) + 7 + 3) % 7 + 1)! }

    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    /// `YYYY-MM-DD`.
    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    /// 31 December of `year`.
    public static func endOfYear(_ year: Int) -> CivilDate { CivilDate(year, 12, 31) }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension CivilDate: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let date = CivilDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "日期格式应为 YYYY-MM-DD：\(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// 星期 — day of the week, Monday = 1 … Sunday = 7 (ISO 8601).
///
/// ```swift
/// CivilDate(2020, 1, 24).weekday.chinese // "星期五"
/// ```
public enum Weekday: Int, Hashable, Sendable, Codable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 星期一 … 星期日
    public var chinese: String {
        "星期" + ["一", "二", "三", "四", "五", "六", "日"][rawValue - 1]
    }
}

/// 时刻 — a time of day in the agency's local time, minutes precision (office hours, submission time).
///
/// ```swift
/// TimeOfDay(parsing: "17:30")! < TimeOfDay(parsing: "18:05")! // true
/// ```
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (or `H:MM`), or nil.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    public var description: String {
        (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { (a.hour, a.minute) < (b.hour, b.minute) }
}
