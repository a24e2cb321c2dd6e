import GongkaiCore
import Testing

/// `Moment.minuteNumber` and back: the minutes stored for sign-in locks and sessions.
@Suite struct MomentMinuteTests {
    @Test(arguments: [
        // | moment             | minute number | 15 minutes later   |
        ("1970-01-01 00:00", 0, "1970-01-01 00:15"),
        ("1970-01-02 00:00", 1440, "1970-01-02 00:15"),
        ("1969-12-31 23:59", -1, "1970-01-01 00:14"),
        ("2026-12-05 23:50", 20_792 * 1440 + 23 * 60 + 50, "2026-12-06 00:05"),
        ("2024-02-28 23:45", 19_781 * 1440 + 23 * 60 + 45, "2024-02-29 00:00"),
        ("2026-12-31 23:59", 20_818 * 1440 + 23 * 60 + 59, "2027-01-01 00:14"),
    ])
    func minuteNumbers(_ text: String, _ minutes: Int, _ later: String) throws {
        let moment = try #require(Moment(parsing: text))
        #expect(moment.minuteNumber == minutes)
        #expect(Moment(minuteNumber: minutes) == moment)
        #expect(Moment(minuteNumber: minutes + 15).description == later)
    }
}
