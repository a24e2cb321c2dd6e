import Testing

@testable import GongkaiCore
import GongkaiCalendarData

@Suite("ApplicationCase — event log, state machine, derived clocks and status")
struct ApplicationCaseTests {
    let cal = try! WorkingDayCalendar.official()
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    func newCase(_ received: String) -> ApplicationCase {
        ApplicationCase(
            id: "A1", applicant: Applicant(kind: .naturalPerson, name: "张三"),
            receipt: Receipt(Submission(channel: .inPerson, date: Self.d(received)), calendar: cal))
    }

    func ev(_ date: String, _ kind: ApplicationEvent.Kind) -> ApplicationEvent { ApplicationEvent(Self.d(date), kind) }

    @Test("补正 restarts the clock; the timeline says so")
    func correction() throws {
        var c = newCase("2024-03-01")
        try c.record(ev("2024-03-05", .correctionRequested(deadline: Self.d("2024-03-20"))), calendar: cal)
        #expect(try c.answerDue(calendar: cal) == nil)
        #expect(c.status(now: Self.d("2024-03-10"), calendar: cal) == .awaitingApplicant)
        try c.record(ev("2024-03-15", .correctionReceived), calendar: cal)
        #expect(try c.answerDue(calendar: cal)?.due == Self.d("2024-04-15"))
        #expect(c.events.map(\.kind.label).contains { $0.contains("重新起算") })
    }

    @Test("Consultation pauses until the reply, or the 15-working-day window while none came")
    func consultation() throws {
        var c = newCase("2024-09-20")
        try c.record(ev("2024-09-25", .consultationSent(.thirdParty)), calendar: cal)
        #expect(try c.answerDue(calendar: cal)?.due == Self.d("2024-11-13"))
        try c.record(ev("2024-10-09", .consultationReplied), calendar: cal)
        #expect(try c.answerDue(calendar: cal)?.due == Self.d("2024-10-31"))
    }

    @Test("A fee notice stops the clock until payment; an extension adds working days after the original due date")
    func feeAndExtension() throws {
        var c = newCase("2024-05-06")
        try c.record(ev("2024-05-10", .feeNoticeSent(amount: .yuan(100))), calendar: cal)
        try c.record(ev("2024-05-20", .feePaid), calendar: cal)
        #expect(try c.answerDue(calendar: cal)?.due == Self.d("2024-06-12"))
        try c.record(ev("2024-06-03", .extensionApproved(days: 5, approvedBy: "办公室主任李四")), calendar: cal)
        #expect(try c.answerDue(calendar: cal)?.due == Self.d("2024-06-19"))
        #expect(c.extensionDays == 5)
    }

    @Test("Lapses close the case as 其他处理 1 and 2; the 2019 format folds them into one row")
    func lapses() throws {
        var c = newCase("2024-03-01")
        try c.record(ev("2024-03-05", .correctionRequested(deadline: Self.d("2024-03-20"))), calendar: cal)
        try c.record(ev("2024-03-21", .correctionLapsed), calendar: cal)
        #expect(c.outcome == .other(.correctionLapsed))
        #expect(c.outcome?.row.id == "other.1")
        #expect(c.outcome?.row(in: .v2019) == .other)
        var f = newCase("2024-03-01")
        try f.record(ev("2024-03-04", .feeNoticeSent(amount: .yuan(200))), calendar: cal)
        try f.record(ev("2024-03-04", .feeNoticeDelivered), calendar: cal)
        // pay-by: 20 working days after 03-04 — 03-05…03-08 (1–4), 03-11…03-29 (5–19), 04-01 (20)
        #expect(try f.payBy(calendar: cal) == Self.d("2024-04-01"))
        try f.record(ev("2024-04-02", .feeLapsed), calendar: cal)
        #expect(f.outcome?.row.id == "other.2")
        #expect(f.closedOn == Self.d("2024-04-02"))
    }

    @Test(
        "Derived status from the case and now",
        arguments: [
            ("2024-05-20", nil, CaseStatus.open(workingDaysLeft: 9)),
            ("2024-05-27", nil, .dueSoon(workingDaysLeft: 4)),
            ("2024-05-31", nil, .dueSoon(workingDaysLeft: 0)),
            ("2024-06-04", nil, .overdue(workingDaysLate: 2)),
            ("2024-06-30", "2024-05-31", .answeredOnTime),
            ("2024-06-30", "2024-06-03", .answeredLate(workingDaysLate: 1)),
        ] as [(String, String?, CaseStatus)])
    func status(now: String, answered: String?, expected: CaseStatus) throws {
        var c = newCase("2024-05-06")
        if let answered { try c.record(ev(answered, .answered(.granted)), calendar: cal) }
        #expect(c.status(now: Self.d(now), calendar: cal, dueSoonWithin: 5) == expected)
    }

    static let illegal: [(String, [ApplicationEvent.Kind], ApplicationEvent.Kind, String)] = [
        ("2024-05-07", [], .correctionReceived, "没有待补正的告知"),
        ("2024-05-07", [], .correctionLapsed, "没有待补正的告知"),
        ("2024-05-07", [], .feePaid, "没有待缴费的收费通知"),
        ("2024-05-07", [], .feeLapsed, "没有待缴费的收费通知"),
        ("2024-05-07", [], .consultationReplied, "没有正在进行的征求意见"),
        ("2024-05-07", [], .received, "只能是第一条事件"),
        ("2024-05-07", [.correctionRequested(deadline: d("2024-05-20"))], .answered(.granted), "等待补正或缴费期间不能答复"),
        ("2024-05-08", [.correctionRequested(deadline: d("2024-05-20")), .correctionReceived],
         .correctionRequested(deadline: d("2024-05-30")), "补正只能一次性告知"),
        ("2024-05-16", [], .correctionRequested(deadline: d("2024-05-30")), "超过收到申请后7个工作日"),
        ("2024-05-07", [], .correctionRequested(deadline: d("2024-05-07")), "补正期限（deadline）"),
        ("2024-05-07", [.correctionRequested(deadline: d("2024-05-20"))], .correctionLapsed, "未超过补正期限"),
        ("2024-05-07", [], .extensionApproved(days: 5, approvedBy: " "), "负责人同意"),
        ("2024-05-07", [.extensionApproved(days: 15, approvedBy: "主任")], .extensionApproved(days: 6, approvedBy: "主任"),
         "超过最长20个工作日"),
        ("2024-06-03", [], .extensionApproved(days: 5, approvedBy: "主任"), "已超过答复期限"),
        ("2024-05-07", [], .feeNoticeSent(amount: .zero), "金额必须大于0"),
        ("2024-06-03", [], .feeNoticeSent(amount: .yuan(100)), "收费通知应在答复期限内发出"),  // due 2024-05-31
        ("2024-06-30", [.feeNoticeSent(amount: .yuan(100))], .feeLapsed, "收到收费通知之日尚未记录"),
        // notice received 05-07: pay-by 06-03 — 05-08…05-10 (1–3), 05-11 调休 Saturday (4), 05-13…05-31 (5–19),
        // 06-03 (20)
        ("2024-06-03", [.feeNoticeSent(amount: .yuan(100)), .feeNoticeDelivered], .feeLapsed, "未超过缴费期限 2024-06-03"),
        ("2024-05-07", [.feeNoticeSent(amount: .yuan(100)), .feeNoticeDelivered], .feeNoticeDelivered, "没有待送达的收费通知"),
        ("2024-05-07", [.feeNoticeSent(amount: .yuan(100))], .consultationSent(.otherAgency),
         "只有办理中的申请才能征求意见"),
        ("2024-05-07", [.consultationSent(.thirdParty)], .consultationSent(.otherAgency), "只有办理中的申请才能征求意见"),
        ("2024-05-07", [.consultationSent(.thirdParty)], .feeNoticeSent(amount: .yuan(100)),
         "只有办理中的申请才能发出收费通知"),
        ("2024-05-07", [], .consultationDelivered, "没有正在进行的征求意见（第三十二条、第三十四条）"),
        ("2024-05-07", [.consultationSent(.thirdParty), .consultationDelivered], .consultationDelivered, "送达已经记录"),
        ("2024-05-07", [], .delayedReplySet(until: d("2024-07-01")), "须先要求申请人说明理由（第三十五条）"),
        ("2024-05-07", [], .answered(.notProcessed(.excessive)), "须先要求申请人说明理由（第三十五条）"),
        ("2024-05-07", [.reasonsRequested], .reasonsRequested, "已经要求申请人说明理由"),
        ("2024-05-07", [.reasonsRequested], .delayedReplySet(until: d("2024-05-31")), "不晚于答复期限 2024-05-31"),
        ("2024-06-03", [.reasonsRequested], .delayedReplySet(until: d("2024-07-01")), "应在期限届满前确定并告知"),
        ("2024-05-07", [], .answeredInParts([.granted]), "至少要有两项结果"),
        ("2024-05-07", [], .answeredInParts([.granted, .other(.feeLapsed)]), "只能由逾期不补正或逾期未缴费事件产生"),
        ("2024-05-07", [], .answered(.other(.correctionLapsed)), "只能由逾期不补正或逾期未缴费事件产生"),
        ("2024-05-07", [], .answered(.unavailable(.stillUnclearAfterCorrection)), "要求先有收到补正的记录"),
        ("2024-05-07", [.answered(.granted)], .withdrawn, "案件已办结"),
        ("2024-05-07", [.withdrawn], .answered(.granted), "案件已办结"),
        ("2024-05-05", [], .answered(.granted), "早于上一事件的日期"),
    ]

    @Test("Every illegal transition is refused with a message", arguments: illegal)
    func refused(date: String, before: [ApplicationEvent.Kind], kind: ApplicationEvent.Kind, message: String) throws {
        var c = newCase("2024-05-06")
        for k in before { try c.record(ev("2024-05-07", k), calendar: cal) }
        let count = c.events.count
        #expect {
            try c.record(ev(date, kind), calendar: cal)
        } throws: { error in
            "\(error)".contains(message)
        }
        #expect(c.events.count == count)
    }

    @Test("Every phase × event kind the state machine does not allow is refused, and the log is unchanged")
    func exhaustive() throws {
        let setups: [[ApplicationEvent.Kind]] = [
            [], [.correctionRequested(deadline: Self.d("2024-05-20"))], [.consultationSent(.thirdParty)],
            [.feeNoticeSent(amount: .yuan(100))], [.feeNoticeSent(amount: .yuan(100)), .feeNoticeDelivered],
            [.answered(.granted)],
        ]
        let kinds: [ApplicationEvent.Kind] = [
            .received, .correctionRequested(deadline: Self.d("2024-05-30")), .correctionReceived, .correctionLapsed,
            .consultationSent(.otherAgency), .consultationDelivered, .consultationReplied,
            .extensionApproved(days: 1, approvedBy: "主任"), .feeNoticeSent(amount: .yuan(100)), .feeNoticeDelivered,
            .feePaid, .feeLapsed, .reasonsRequested, .delayedReplySet(until: Self.d("2024-07-30")),
            .answered(.granted), .answeredInParts([.granted, .withheld(.stateSecret)]), .withdrawn,
        ]
        var refusals = 0
        for setup in setups {
            for kind in kinds {
                var c = newCase("2024-05-06")
                for k in setup { try c.record(ev("2024-05-07", k), calendar: cal) }
                guard ApplicationStateMachine.next(c.phase, kind) == nil else { continue }
                refusals += 1
                #expect {
                    try c.record(ev("2024-05-25", kind), calendar: cal)
                } throws: { error in
                    "\(error)".hasPrefix("不能在「")
                }
                #expect(c.events.count == setup.count + 1)
            }
        }
        // 17 kinds; allowed: under review 9, awaiting correction 3, consulting 7, awaiting payment 4 (notice not yet
        // received) and 3 (received), closed 0
        #expect(refusals == 76)  // 8 + 14 + 10 + 13 + 14 + 17
    }

    @Test("A case rebuilt from stored events checks them again")
    func rebuild() throws {
        var c = newCase("2024-05-06")
        try c.record(ev("2024-05-08", .consultationSent(.otherAgency)), calendar: cal)
        try c.record(ev("2024-05-20", .answered(.partiallyGranted)), calendar: cal)
        let again = try ApplicationCase(id: c.id, applicant: c.applicant, receipt: c.receipt, events: c.events, calendar: cal)
        #expect(again == c)
        #expect(throws: ApplicationError.self) {
            try ApplicationCase(id: c.id, applicant: c.applicant, receipt: c.receipt, events: Array(c.events.dropFirst()), calendar: cal)
        }
    }
}
