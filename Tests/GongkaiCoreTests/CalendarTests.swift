import Foundation
import Testing

@testable import GongkaiCore
import GongkaiCalendarData

@Suite("CivilDate — plain calendar days")
struct CivilDateTests {
    @Test(
        "Leap years and month lengths",
        arguments: [
            (2024, 2, 29, true), (2023, 2, 29, false), (2000, 2, 29, true), (1900, 2, 29, false),
            (2020, 2, 29, true), (2024, 4, 31, false), (2024, 13, 1, false), (2024, 12, 31, true),
        ])
    func validity(y: Int, m: Int, d: Int, valid: Bool) {
        #expect(CivilDate.isValid(y, m, d) == valid)
    }

    @Test("Day arithmetic crosses months, leap days and years")
    func arithmetic() {
        #expect(CivilDate(2024, 2, 28).adding(days: 1) == CivilDate(2024, 2, 29))
        #expect(CivilDate(2024, 2, 29).adding(days: 1) == CivilDate(2024, 3, 1))
        #expect(CivilDate(2023, 2, 28).adding(days: 1) == CivilDate(2023, 3, 1))
        #expect(CivilDate(2024, 12, 31).adding(days: 1) == CivilDate(2025, 1, 1))
        #expect(CivilDate(2025, 1, 1).adding(days: -1) == CivilDate(2024, 12, 31))
        #expect(CivilDate(2024, 1, 1).days(to: CivilDate(2025, 1, 1)) == 366)
        #expect(CivilDate(1970, 1, 1).dayNumber == 0)
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test(
        "Weekdays",
        arguments: [
            ("2020-01-24", Weekday.friday), ("2024-02-04", .sunday), ("2019-10-12", .saturday),
            ("2024-02-29", .thursday), ("1970-01-01", .thursday), ("2026-12-31", .thursday),
        ])
    func weekdays(text: String, weekday: Weekday) {
        #expect(CivilDate(parsing: text)?.weekday == weekday)
    }

    @Test("Parsing and JSON form", arguments: ["2024-2-01", "2024-02-30", "20240201", "2024-02-01x", ""])
    func parsingRejects(text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test("Encodes as YYYY-MM-DD")
    func codable() throws {
        let data = try JSONEncoder().encode([CivilDate(2024, 2, 9)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2024-02-09\"]")
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [CivilDate(2024, 2, 9)])
    }
}

@Suite("WorkingDayCalendar — holidays and make-up working days as data")
struct WorkingDayCalendarTests {
    let cal = try! WorkingDayCalendar.official()

    @Test("The built-in data covers 2019–2026")
    func coverage() {
        #expect(cal.coveredYears == Set(2019...2026))
    }

    @Test(
        "Working days per year match the State Council notices",
        arguments: [
            (2019, 250), (2020, 249), (2021, 250), (2022, 249), (2023, 249), (2024, 251), (2025, 248), (2026, 248),
        ])
    func workingDaysPerYear(year: Int, count: Int) {
        let n = cal.workingDays(after: CivilDate(year - 1, 12, 31), through: CivilDate(year, 12, 31))
        #expect(n == count)
    }

    @Test(
        "Day kinds: holidays, weekends, make-up working days",
        arguments: [
            ("2021-02-11", DayKind.holiday("春节")),
            ("2021-02-20", .makeupWorkday("春节")),
            ("2020-02-01", .holiday("春节")),  // extended 2020 Spring Festival: the planned make-up day is off
            ("2020-02-03", .workday(provisional: false)),
            ("2020-10-08", .holiday("国庆节、中秋节")),
            ("2020-09-27", .makeupWorkday("国庆节、中秋节")),
            ("2023-10-06", .holiday("中秋节、国庆节")),
            ("2023-10-07", .makeupWorkday("中秋节、国庆节")),
            ("2024-02-09", .workday(provisional: false)),  // 除夕 2024 is not a holiday
            ("2024-02-18", .makeupWorkday("春节")),
            ("2019-05-04", .holiday("劳动节")),  // the 2019 adjustment
            ("2019-05-05", .makeupWorkday("劳动节")),
            ("2018-12-31", .holiday("元旦")),
            ("2018-12-29", .makeupWorkday("元旦")),
            ("2025-01-01", .holiday("元旦")),
            ("2026-01-04", .makeupWorkday("元旦")),
            ("2024-03-09", .weekend(provisional: false)),
            ("2027-01-02", .weekend(provisional: true)),
            ("2027-01-04", .workday(provisional: true)),
        ])
    func dayKinds(text: String, kind: DayKind) {
        #expect(cal.kind(of: CivilDate(parsing: text)!) == kind)
    }

    @Test("A new year is loaded from a file without a code change, and may replace a year")
    func loadNewYear() throws {
        let json = """
            {"year": 2027, "notice": "测试通知",
             "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
             "makeupWorkdays": [{"date": "2027-01-09", "for": "元旦"}]}
            """
        let next = try cal.adding(json: Data(json.utf8))
        #expect(next.coveredYears.contains(2027))
        #expect(next.kind(of: CivilDate(2027, 1, 1)) == .holiday("元旦"))
        #expect(next.kind(of: CivilDate(2027, 1, 9)) == .makeupWorkday("元旦"))
        #expect(next.kind(of: CivilDate(2027, 1, 4)) == .workday(provisional: false))
        let replaced = try next.adding(json: Data(json.replacingOccurrences(of: "01-03", with: "01-01").utf8))
        #expect(replaced.kind(of: CivilDate(2027, 1, 2)) == .weekend(provisional: false))
    }

    @Test(
        "Bad schedule files are refused with a message",
        arguments: [
            (#"{"year": 2027}"#, "无法读取"),
            (#"{"year": 2027, "notice": "", "holidays": [], "makeupWorkdays": [{"date": "2027-01-04", "for": "元旦"}]}"#,
             "不是周六或周日"),
            (#"{"year": 2027, "notice": "", "holidays": [{"name": "春节", "from": "2027-02-10", "to": "2027-02-01"}], "makeupWorkdays": []}"#,
             "起止日期不合理"),
            (#"{"year": 2027, "notice": "", "holidays": [{"name": "春节", "from": "2027-02-31", "to": "2027-03-01"}], "makeupWorkdays": []}"#,
             "无法读取"),
        ])
    func badFiles(json: String, message: String) {
        #expect {
            _ = try cal.adding(json: Data(json.utf8))
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test("Working-day arithmetic across holiday runs")
    func arithmetic() {
        #expect(cal.nextWorkingDay(after: CivilDate(2023, 10, 3)) == CivilDate(2023, 10, 7))
        #expect(cal.nextWorkingDay(after: CivilDate(2020, 1, 23)) == CivilDate(2020, 2, 3))
        #expect(cal.addingWorkingDays(0, to: CivilDate(2024, 2, 9)) == CivilDate(2024, 2, 9))
        #expect(cal.addingWorkingDays(1, to: CivilDate(2024, 2, 9)) == CivilDate(2024, 2, 18))
        #expect(cal.workingDays(after: CivilDate(2024, 2, 8), through: CivilDate(2024, 2, 19)) == 3)
        #expect(cal.workingDayOnOrAfter(CivilDate(2025, 1, 28)) == CivilDate(2025, 2, 5))
    }
}
