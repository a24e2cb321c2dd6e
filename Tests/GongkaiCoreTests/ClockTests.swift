import Testing

@testable import GongkaiCore
import GongkaiCalendarData

/// Expected dates computed independently (from the machine-readable list in holidays.md, not from our JSON).
@Suite("StatutoryClock — Art. 30, 32–34 composed on a working-day calendar")
struct ClockTests {
    let cal = try! WorkingDayCalendar.official()

    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    @Test(
        "20 working days (Art. 33) across holiday runs, make-up weekends, year ends and leap days",
        arguments: [
            ("2021-02-08", "2021-03-12"),  // Spring Festival 2021, with the 02-20 make-up Saturday
            ("2020-09-28", "2020-11-02"),  // National Day with Mid-Autumn 2020 (8 days)
            ("2023-09-27", "2023-10-31"),  // Mid-Autumn with National Day 2023
            ("2020-01-22", "2020-02-27"),  // the 2020 Spring Festival extension to 02-02
            ("2024-02-01", "2024-03-05"),  // make-up Sundays 02-04 and 02-18
            ("2019-01-30", "2019-03-04"),  // Spring Festival 2019
            ("2019-04-26", "2019-05-27"),  // Labour Day 2019 as adjusted
            ("2026-02-12", "2026-03-18"),  // Spring Festival 2026 (9 days)
            ("2024-12-20", "2025-01-20"),  // across the year end and 元旦 2025
            ("2018-12-28", "2019-01-28"),  // the 2018-12-29 make-up Saturday
            ("2024-02-27", "2024-03-26"),  // leap day 2024-02-29 counted
            ("2024-05-06", "2024-05-31"),
        ])
    func answerDue(received: String, due: String) throws {
        let result = try StatutoryClock.answerDue(ClockInput(received: Self.d(received)), calendar: cal)
        #expect(result.due == Self.d(due))
        #expect(result.trail.filter(\.counted).count == 20)
        #expect(result.trail.last?.date == Self.d(due))
        #expect(result.trail.first?.kind == .received)
    }

    @Test("The trail names each skipped holiday and each counted make-up day")
    func trail() throws {
        let r = try StatutoryClock.answerDue(ClockInput(received: Self.d("2020-01-22")), calendar: cal)
        let byDate = Dictionary(uniqueKeysWithValues: r.trail.map { ($0.date, $0) })
        #expect(byDate[Self.d("2020-01-23")]?.number == 1)
        #expect(byDate[Self.d("2020-02-01")]?.reason == "春节假期，不计")
        #expect(byDate[Self.d("2020-02-03")]?.number == 2)
        let m = try StatutoryClock.answerDue(ClockInput(received: Self.d("2024-02-01")), calendar: cal)
        let sunday = m.trail.first { $0.date == Self.d("2024-02-04") }
        #expect(sunday?.counted == true)
        #expect(sunday?.reason == "调休上班日（春节），计")
        #expect(m.trail.first { $0.date == Self.d("2024-02-10") }?.kind == .holiday)
        #expect(m.trail.first { $0.date == Self.d("2024-02-03") }?.kind == .weekend)
    }

    @Test(
        "补正 restarts the 20 days from the corrected application's date (Art. 30)",
        arguments: [
            ("2024-03-01", "2024-03-15", "2024-04-15"),
            // arrived on a Saturday, kept as that day: 03-18…03-29 (1–10), 04-01…04-03 (11–13), 清明 04-04…04-06,
            // 04-07 调休 Sunday (14), 04-08…04-12 (15–19), 04-15 (20) — not 04-16 (deferred twice)
            ("2024-03-01", "2024-03-16", "2024-04-15"),
            // arrived on National Day 10-01: 10-07, 10-08 调休 (1–2), 10-09…10-31 (3–19), 11-01 (20) — not 11-02
            ("2023-09-25", "2023-10-01", "2023-11-01"),
        ])
    func correctionRestart(received: String, corrected: String, due: String) throws {
        let input = ClockInput(received: Self.d(received), correctionReceived: Self.d(corrected))
        let r = try StatutoryClock.answerDue(input, calendar: cal)
        #expect(r.due == Self.d(due))
        #expect(r.trail.contains { $0.kind == .restarted && $0.reason.contains("第三十条") })
    }

    @Test("The 补正 notice is due within 7 working days of receipt (Art. 30)")
    func correctionNotice() throws {
        #expect(try StatutoryClock.correctionNoticeDue(received: Self.d("2024-02-08"), calendar: cal).due == Self.d("2024-02-23"))
        #expect(try StatutoryClock.correctionNoticeDue(received: Self.d("2024-03-04"), calendar: cal).due == Self.d("2024-03-13"))
    }

    @Test(
        "Consultation and fee pauses: days after the letter through the reply are not counted (Art. 32–34)",
        arguments: [
            // third party consulted over National Day 2024: 09-26..10-09 has 6 working days paused
            ("2024-09-20", "2024-09-25", "2024-10-09", "2024-10-31"),
            ("2024-05-06", "2024-05-06", "2024-05-10", "2024-06-06"),
            ("2024-05-06", "2024-05-10", "2024-05-10", "2024-05-31"),  // reply the same day: nothing paused
        ])
    func pauses(received: String, from: String, through: String, due: String) throws {
        let input = ClockInput(
            received: Self.d(received), pauses: [ClockPause(.thirdParty, from: Self.d(from), through: Self.d(through))])
        let r = try StatutoryClock.answerDue(input, calendar: cal)
        #expect(r.due == Self.d(due))
        #expect(r.trail.allSatisfy { $0.kind != .paused || $0.reason.contains("第三十二条") })
    }

    @Test("The consultation window closes after 15 working days")
    func window() throws {
        #expect(try StatutoryClock.consultationWindowCloses(delivered: Self.d("2024-09-25"), calendar: cal) == Self.d("2024-10-21"))
    }

    @Test(
        "An extension adds up to 20 working days after the original due date (Art. 33)",
        arguments: [(0, "2024-05-31"), (10, "2024-06-17"), (20, "2024-07-01")])
    func extensions(days: Int, due: String) throws {
        let r = try StatutoryClock.answerDue(ClockInput(received: Self.d("2024-05-06"), extensionDays: days), calendar: cal)
        #expect(r.due == Self.d(due))
        #expect(r.originalDue == Self.d("2024-05-31"))
        #expect(days == 0 || r.trail.last?.reason.contains("延长期第\(days)日") == true)
    }

    @Test("Out-of-range inputs are refused with a message", arguments: [21, -1])
    func tooLong(days: Int) {
        #expect(throws: ClockError.extensionTooLong(days)) {
            try StatutoryClock.answerDue(ClockInput(received: Self.d("2024-05-06"), extensionDays: days), calendar: cal)
        }
        #expect(ClockError.extensionTooLong(days).description.contains("第三十三条"))
    }

    @Test("A due date beyond the loaded years says it is provisional")
    func provisional() throws {
        let r = try StatutoryClock.answerDue(ClockInput(received: Self.d("2026-12-15")), calendar: cal)
        #expect(r.isProvisional)
        let s = try StatutoryClock.answerDue(ClockInput(received: Self.d("2026-11-02")), calendar: cal)
        #expect(!s.isProvisional)
    }
}
