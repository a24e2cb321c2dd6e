import Testing

@testable import GongkaiCore
import GongkaiCalendarData

/// Issue 11 part 8. Every expected date is traced by hand from reference/holidays.md (the trace is in the comment;
/// "n–m" are the running working-day numbers).
@Suite("Legal corrections — receipt, fees, consultation, Art. 35, answers in parts, remedies")
struct LegalCorrectionsTests {
    let cal = try! WorkingDayCalendar.official()
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    func newCase(_ submission: Submission, rule: ReceiptRule = .article31) -> ApplicationCase {
        ApplicationCase(
            id: "L1", applicant: Applicant(kind: .naturalPerson, name: "张三"),
            receipt: Receipt(submission, calendar: cal, rule: rule))
    }

    func ev(_ date: String, _ kind: ApplicationEvent.Kind) -> ApplicationEvent { ApplicationEvent(Self.d(date), kind) }

    // MARK: Receipt is deferred once, never twice (Art. 31)

    @Test(
        "Art. 31 date as it happened; day 1 the next working day; the agency's rule gives the same due date",
        arguments: [
            // post signed Sat 2024-02-03: 02-04 调休 Sun (1), 02-05…02-09 (2–6), 春节 02-10…02-17, 02-18 调休 Sun (7),
            // 02-19…02-23 (8–12), 02-26…03-01 (13–17), 03-04…03-06 (18–20)
            (ReceiptChannel.post, "2024-02-03", nil, "2024-03-06"),
            // in person Fri 2024-03-08 17:10: 03-11…03-29 (1–15), 04-01…04-03 (16–18), 清明 04-04…04-06,
            // 04-07 调休 Sun (19), 04-08 (20)
            (.inPerson, "2024-03-08", "17:10", "2024-04-08"),
            // online on 国庆 2024-10-03: 10-08…10-11 (1–4), 10-12 调休 Sat (5), 10-14…11-01 (6–20)
            (.online, "2024-10-03", "09:00", "2024-11-01"),
            // fax Tue 2024-12-31 20:00: 元旦 2025-01-01, 01-02…01-03 (1–2), 01-06…01-24 (3–17), 01-26 调休 Sun (18),
            // 01-27 (19), 春节 01-28…02-04, 02-05 (20)
            (.fax, "2024-12-31", "20:00", "2025-02-05"),
            // letter confirmed Sun 2021-02-07 (调休 working day): 02-08…02-10 (1–3), 春节 02-11…02-17,
            // 02-18…02-19 (4–5), 02-20 调休 Sat (6), 02-22…03-05 (7–16), 03-08…03-11 (17–20)
            (.letter, "2021-02-07", nil, "2021-03-11"),
        ] as [(ReceiptChannel, String, String?, String)])
    func receiptOnce(channel: ReceiptChannel, date: String, time: String?, due: String) throws {
        let s = Submission(channel: channel, date: Self.d(date), time: time.flatMap(TimeOfDay.init(parsing:)))
        let statutory = try #require(try newCase(s).answerDue(calendar: cal))
        #expect(statutory.due == Self.d(due))
        #expect(statutory.trail.first?.date == Self.d(date))
        #expect(statutory.trail.first?.reason.contains("第三十一条") == true)
        let agency = try #require(try newCase(s, rule: .agencyGuide(.standard)).answerDue(calendar: cal))
        #expect(agency.due == Self.d(due))
        #expect(agency.trail.filter(\.counted).count == StatutoryClock.answerPeriod)
    }

    @Test("Under the agency's rule the deferred receipt is day 1 and the trail names the agency's rule")
    func agencyRuleTrail() throws {
        let s = Submission(channel: .post, date: Self.d("2024-02-03"))
        let c = newCase(s, rule: .agencyGuide(.standard))
        #expect(c.receivedOn == Self.d("2024-02-04"))
        #expect(c.receipt.trail.first?.reason.contains("本机关规则，非第三十一条") == true)
        let due = try #require(try c.answerDue(calendar: cal))
        let first = try #require(due.trail.first { $0.counted })
        #expect(first.date == Self.d("2024-02-04") && first.number == 1)
        #expect(first.reason.contains("不再从次日起算"))
        // 补正 notice: 7 working days with 02-04 as day 1 — 02-04 (1), 02-05…02-09 (2–6), 02-18 (7)
        #expect(try c.correctionNoticeDue(calendar: cal).due == Self.d("2024-02-18"))
        // the same under Art. 31 from 02-03: 02-04 (1) … 02-18 (7)
        #expect(try newCase(s).correctionNoticeDue(calendar: cal).due == Self.d("2024-02-18"))
    }

    @Test(
        "The receipt date decides the report year (handed in on 31 December after hours)",
        arguments: [
            (ReceiptRule.article31, 2024),
            // the agency's rule moves it to 2025-01-02 (元旦 2025-01-01), a receipt of 2025
            (.agencyGuide(.standard), 2025),
        ])
    func reportYear(rule: ReceiptRule, year: Int) {
        let s = Submission(channel: .inPerson, date: Self.d("2024-12-31"), time: TimeOfDay(parsing: "17:10"))
        let c = newCase(s, rule: rule)
        #expect(ReportPeriod(year: year).isReceived(receivedOn: c.receivedOn))
        #expect(!ReportPeriod(year: year == 2024 ? 2025 : 2024).isReceived(receivedOn: c.receivedOn))
    }

    @Test("StatutoryClock's doc example: received 2024-02-05 → due 2024-03-08")
    func docExample() throws {
        // 02-06…02-09 (1–4), 春节 02-10…02-17, 02-18 调休 Sun (5), 02-19…03-01 (6–15), 03-04…03-08 (16–20)
        let due = try StatutoryClock.answerDue(ClockInput(received: Self.d("2024-02-05")), calendar: cal)
        #expect(due.due == Self.d("2024-03-08"))
    }

    // MARK: Fees

    @Test(
        "The pay-by date: 20 working days from the day after the applicant received the notice",
        arguments: [
            // 05-08…05-10 (1–3), 05-11 调休 Sat (4), 05-13…05-31 (5–19), 06-03 (20)
            ("2024-05-07", "2024-06-03"),
            // 02-09 (1), 春节, 02-18 调休 Sun (2), 02-19…03-08 (3–17), 03-11…03-13 (18–20)
            ("2024-02-08", "2024-03-13"),
            // 09-29 调休 Sun (1), 09-30 (2), 国庆, 10-08…10-11 (3–6), 10-12 调休 Sat (7), 10-14…10-30 (8–20)
            ("2024-09-27", "2024-10-30"),
        ])
    func payBy(received: String, payBy: String) throws {
        #expect(try StatutoryClock.feePaymentDue(noticeReceived: Self.d(received), calendar: cal) == Self.d(payBy))
    }

    @Test("A case cannot lapse into 其他处理 before the computed pay-by date; the fee pause runs to it")
    func feeLapse() throws {
        var c = newCase(Submission(channel: .inPerson, date: Self.d("2024-05-06")))
        try c.record(ev("2024-05-07", .feeNoticeSent(amount: .yuan(100))), calendar: cal)
        #expect(c.status(now: Self.d("2024-05-20"), calendar: cal) == .awaitingApplicant)
        try c.record(ev("2024-05-09", .feeNoticeDelivered), calendar: cal)
        // received 05-09: 05-10 (1), 05-11 调休 (2), 05-13…05-31 (3–17), 06-03…06-05 (18–20)
        #expect(try c.payBy(calendar: cal) == Self.d("2024-06-05"))
        #expect(throws: ApplicationError.self) { try c.record(ev("2024-06-05", .feeLapsed), calendar: cal) }
        // unpaid: paused 05-08 … 06-05; 05-07 was day 1, so 06-06 (2), 06-07 (3), 端午 06-10, 06-11…07-03 (4–20)
        #expect(try c.answerDue(calendar: cal)?.due == Self.d("2024-07-03"))
        try c.record(ev("2024-06-06", .feeLapsed), calendar: cal)
        #expect(c.outcome == .other(.feeLapsed))
    }

    // MARK: Consultation (Arts. 32, 34)

    @Test(
        "The 15-working-day window runs from the consulted party's receipt of the letter",
        arguments: [
            // not yet delivered: the window from the day sent, 09-25 → closes 10-21; answer 11-13
            (nil, nil, "2024-11-13"),
            // delivered 09-30: 10-08…10-11 (1–4), 10-12 调休 (5), 10-14…10-25 (6–15) → paused through 10-25;
            // received 09-20: 09-23…09-25 (1–3), 10-28…11-19 (4–20)
            ("2024-09-30", nil, "2024-11-19"),
            // reply 10-09 before the window closes: paused through 10-09 → 10-31 (as before)
            ("2024-09-30", "2024-10-09", "2024-10-31"),
        ] as [(String?, String?, String)])
    func consultationWindow(delivered: String?, replied: String?, due: String) throws {
        var c = newCase(Submission(channel: .inPerson, date: Self.d("2024-09-20")))
        try c.record(ev("2024-09-25", .consultationSent(.thirdParty)), calendar: cal)
        if let delivered { try c.record(ev(delivered, .consultationDelivered), calendar: cal) }
        if let replied { try c.record(ev(replied, .consultationReplied), calendar: cal) }
        #expect(try c.answerDue(calendar: cal)?.due == Self.d(due))
    }

    // MARK: Art. 35

    @Test("Art. 35: reasons requested, then a delayed reply period the agency sets replaces the due date")
    func delayedReply() throws {
        var c = newCase(Submission(channel: .inPerson, date: Self.d("2024-05-06")))
        try c.record(ev("2024-05-08", .reasonsRequested), calendar: cal)
        // due 05-31 (05-07…05-10 (1–4), 05-11 调休 (5), 05-13…05-31 (6–20)); a delay of more than 20 days is allowed
        try c.record(ev("2024-05-20", .delayedReplySet(until: Self.d("2024-08-30"))), calendar: cal)
        let due = try #require(try c.answerDue(calendar: cal))
        #expect(due.due == Self.d("2024-08-30"))
        #expect(due.originalDue == Self.d("2024-05-31"))
        #expect(due.trail.last?.kind == .delayed && due.trail.last?.reason.contains("第三十五条") == true)
        // 06-11…06-28 (14), July (23), 08-01…08-30 (22) working days left
        #expect(c.status(now: Self.d("2024-06-10"), calendar: cal) == .open(workingDaysLeft: 59))
    }

    @Test("Art. 35: unreasonable reasons → 不予处理 (五) 4, only after reasons were requested")
    func excessive() throws {
        var c = newCase(Submission(channel: .inPerson, date: Self.d("2024-05-06")))
        try c.record(ev("2024-05-08", .reasonsRequested), calendar: cal)
        try c.record(ev("2024-05-20", .answered(.notProcessed(.excessive))), calendar: cal)
        #expect(c.outcome?.row == .notProcessed(4))
    }

    // MARK: One answer, several items

    @Test(
        "An answer in parts counts in one row, by the format's precedence",
        arguments: [
            ([Outcome.granted, .withheld(.thirdPartyRights)], Outcome.partiallyGranted),
            ([.unavailable(.notHeld), .withheld(.stateSecret)], .withheld(.stateSecret)),  // 不予公开 before 无法提供
            ([.unavailable(.notHeld), .unavailable(.notHeld)], .unavailable(.notHeld)),
            ([.partiallyGranted, .notProcessed(.repeated)], .partiallyGranted),
        ])
    func answeredInParts(parts: [Outcome], counted: Outcome) throws {
        var c = newCase(Submission(channel: .inPerson, date: Self.d("2024-05-06")))
        try c.record(ev("2024-05-20", .answeredInParts(parts)), calendar: cal)
        #expect(c.outcome == counted)
        #expect(c.closedOn == Self.d("2024-05-20"))
    }

    // MARK: Remedies

    @Test("Remedies: the reconsideration body and the periods, for the letters")
    func remedies() {
        let r = Remedies.department(ofGovernment: "某市某区人民政府", court: "某市某区人民法院")
        #expect(r.reconsiderationBody == "某市某区人民政府")
        #expect(r.letterText.contains("\(Remedies.reconsiderationDays)日内向某市某区人民政府申请行政复议"))
        #expect(r.letterText.contains("\(Remedies.litigationMonths)个月内向某市某区人民法院提起行政诉讼"))
        #expect(Remedies.reconsiderationDays == 60 && Remedies.litigationMonths == 6)
    }

    // MARK: Bounds

    static let outOfRange: [(ClockInput, String)] = [
        (ClockInput(received: d("2017-12-28")), "收到申请之日（received） 2017-12-28"),
        (ClockInput(received: d("2025-03-03"), pauses: [ClockPause(.other, from: d("2025-03-10"), through: d("9999-12-31"))]),
         "暂停期间（pause）结束日 9999-12-31"),
        (ClockInput(received: d("2027-12-20")), "期限计算 2028-01-01"),
    ]

    @Test(
        "The clocks accept only the calendar's years (2019–2026 loaded, 2018 and 2027 provisional) and say which input is out",
        arguments: outOfRange)
    func bounds(input: ClockInput, message: String) {
        #expect(cal.supportedYears == 2018...2027)
        #expect {
            try StatutoryClock.answerDue(input, calendar: cal)
        } throws: { error in
            "\(error)".contains(message) && "\(error)".contains("2018年至2027年")
        }
    }
}
