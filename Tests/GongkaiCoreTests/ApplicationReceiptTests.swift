import Testing

@testable import GongkaiCore

@Suite("Receipt — Art. 31: the receipt date by channel, non-working days and office hours")
struct ApplicationReceiptTests {
    let cal = try! WorkingDayCalendar.official()

    @Test(
        "The receipt date moves to the next working day after hours or on a non-working day",
        arguments: [
            (ReceiptChannel.inPerson, "2024-03-08", "10:00", "2024-03-08"),
            (.inPerson, "2024-03-08", "17:00", "2024-03-11"),  // at closing time = after hours
            (.online, "2024-03-08", "16:59", "2024-03-08"),
            (.post, "2024-03-09", nil, "2024-03-11"),  // signed for on a Saturday
            (.letter, "2023-10-03", nil, "2023-10-07"),  // confirmed on National Day → make-up Saturday
            (.fax, "2024-02-09", "18:00", "2024-02-18"),  // 除夕 2024 after hours → make-up Sunday
            (.online, "2024-12-31", "20:00", "2025-01-02"),  // the next year
            (.online, "2020-01-23", "19:00", "2020-02-03"),  // the extended 2020 Spring Festival
            (.online, "2024-02-18", "09:00", "2024-02-18"),  // a make-up Sunday is a working day
            (.online, "2024-02-29", "23:59", "2024-03-01"),  // leap day
        ] as [(ReceiptChannel, String, String?, String)])
    func receipt(channel: ReceiptChannel, date: String, time: String?, expected: String) {
        let s = Submission(channel: channel, date: CivilDate(parsing: date)!, time: time.flatMap(TimeOfDay.init(parsing:)))
        let r = Receipt(s, calendar: cal)
        #expect(r.date == CivilDate(parsing: expected)!)
        #expect(r.trail.isEmpty == (date == expected))
        if let first = r.trail.first { #expect(first.reason.contains(channel.label) && first.reason.contains("顺延")) }
    }

    @Test("Office hours are configurable")
    func officeHours() {
        let s = Submission(channel: .inPerson, date: CivilDate(2024, 3, 8), time: TimeOfDay(parsing: "17:10"))
        #expect(Receipt(s, calendar: cal).date == CivilDate(2024, 3, 11))
        #expect(Receipt(s, calendar: cal, officeHours: OfficeHours(closing: TimeOfDay(parsing: "17:30")!)).date == CivilDate(2024, 3, 8))
    }

    @Test("Each channel names its statutory date", arguments: ReceiptChannel.allCases)
    func statutoryDate(channel: ReceiptChannel) {
        #expect(!channel.statutoryDate.isEmpty)
        #expect(ReceiptChannel(rawValue: channel.rawValue) == channel)
    }
}
