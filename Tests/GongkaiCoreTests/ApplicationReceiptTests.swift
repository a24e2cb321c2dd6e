import Foundation
import Testing

@testable import GongkaiCore
import GongkaiCalendarData

@Suite("Receipt — Art. 31: the receipt date by channel, non-working days and office hours")
struct ApplicationReceiptTests {
    let cal = try! WorkingDayCalendar.official()

    static let submissions: [(ReceiptChannel, String, String?, String)] = [
        (.inPerson, "2024-03-08", "10:00", "2024-03-08"),
        (.inPerson, "2024-03-08", "17:00", "2024-03-11"),  // at closing time = outside working time
        (.online, "2024-03-08", "16:59", "2024-03-08"),
        (.post, "2024-03-09", nil, "2024-03-11"),  // signed for on a Saturday
        (.post, "2024-02-03", nil, "2024-02-04"),  // Saturday; the next day is the 调休 Sunday of 春节
        (.letter, "2023-10-03", nil, "2023-10-07"),  // confirmed on National Day → make-up Saturday
        (.fax, "2024-02-09", "18:00", "2024-02-18"),  // 除夕 2024 after hours → make-up Sunday
        (.online, "2024-12-31", "20:00", "2025-01-02"),  // the next year
        (.online, "2020-01-23", "19:00", "2020-02-03"),  // the extended 2020 Spring Festival
        (.online, "2024-02-18", "09:00", "2024-02-18"),  // a make-up Sunday is a working day
        (.online, "2024-02-29", "23:59", "2024-03-01"),  // leap day
    ]

    @Test("Art. 31: the receipt date is the channel's date as it happened, whatever the day or hour", arguments: submissions)
    func article31(channel: ReceiptChannel, date: String, time: String?, deferred: String) {
        let s = Submission(channel: channel, date: CivilDate(parsing: date)!, time: time.flatMap(TimeOfDay.init(parsing:)))
        let r = Receipt(s, calendar: cal)
        #expect(r.date == CivilDate(parsing: date)!)
        #expect(!r.deferredByAgencyRule)
        #expect(r.trail.isEmpty)
    }

    @Test("The agency's own rule moves a submission outside working time to the next working day, naming the rule",
          arguments: submissions)
    func agencyRule(channel: ReceiptChannel, date: String, time: String?, deferred: String) {
        let s = Submission(channel: channel, date: CivilDate(parsing: date)!, time: time.flatMap(TimeOfDay.init(parsing:)))
        let r = Receipt(s, calendar: cal, rule: .agencyGuide(.standard))
        #expect(r.date == CivilDate(parsing: deferred)!)
        #expect(r.deferredByAgencyRule == (date != deferred))
        #expect(r.trail.isEmpty == (date == deferred))
        if let first = r.trail.first {
            #expect(first.reason.contains(channel.label) && first.reason.contains("本机关规则，非第三十一条"))
        }
    }

    @Test("Office hours matter only under the agency's rule")
    func officeHours() {
        let s = Submission(channel: .inPerson, date: CivilDate(2024, 3, 8), time: TimeOfDay(parsing: "17:10"))
        #expect(Receipt(s, calendar: cal).date == CivilDate(2024, 3, 8))
        #expect(Receipt(s, calendar: cal, rule: .agencyGuide(.standard)).date == CivilDate(2024, 3, 11))
        #expect(Receipt(s, calendar: cal, rule: .agencyGuide(OfficeHours(closing: TimeOfDay(parsing: "17:30")!))).date == CivilDate(2024, 3, 8))
    }

    @Test("Each channel names its statutory date", arguments: ReceiptChannel.allCases)
    func statutoryDate(channel: ReceiptChannel) {
        #expect(!channel.statutoryDate.isEmpty)
        #expect(ReceiptChannel(rawValue: channel.rawValue) == channel)
    }

    @Test("A receipt keeps the rule it was decided under; one stored before rules existed was Art. 31")
    func ruleIsKept() throws {
        let s = Submission(channel: .post, date: CivilDate(2024, 2, 3))
        let guide = ReceiptRule.agencyGuide(OfficeHours(closing: TimeOfDay(parsing: "17:30")!))
        for rule in [ReceiptRule.article31, guide] {
            let r = Receipt(s, calendar: cal, rule: rule)
            #expect(r.rule == rule)
            #expect(try JSONDecoder().decode(Receipt.self, from: JSONEncoder().encode(r)) == r)
        }
        let old = #"{"submission":{"channel":"post","date":"2024-02-03"},"date":"2024-02-03","trail":[]}"#
        let decoded = try JSONDecoder().decode(Receipt.self, from: Data(old.utf8))
        #expect(decoded.rule == .article31 && !decoded.deferredByAgencyRule && decoded.date == CivilDate(2024, 2, 3))
    }
}
