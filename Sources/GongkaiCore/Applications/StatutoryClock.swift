/// 答复期限 — the statutory clocks of an application, composed: restart (补正), pauses, extension, delay.
///
/// Rules, each once:
/// - 第三十一条: the receipt date is the channel's date as it happened — a Saturday, a holiday or 17:10 is
///   not moved. Under an agency's own rule (`ReceiptRule.agencyGuide`) a receipt moved to the next working day
///   is itself day 1 (`ClockInput.receiptDeferred`), so that it is never deferred twice.
/// - 第三十三条: answer within 20 working days of receipt; day 1 is the first working day after the receipt date
///   (the regulation is silent; the general rule for administrative periods starts the day after).
/// - 第三十条: the 补正 notice is due within 7 working days of receipt; when the corrected application arrives
///   the 20 days start again from its date as it happened (day 1 = the next working day).
/// - 第三十二条, 第三十四条, 第三十三条第三款: consultation time is not counted — the working days after the day the
///   letter goes out, up to and including the day the reply arrives, at most until the consulted party's
///   15-working-day window closes; the window runs from the party's receipt of the letter.
/// - 信息处理费: from the fee notice until payment the clock stops (same convention as consultation); the applicant
///   pays within 20 working days counted from the day after receiving the notice.
/// - 第三十三条第二款: an extension of at most 20 working days in total, counted on after the original due date.
/// - 第三十五条: a delayed reply period the agency sets and notifies replaces the due date.
///
/// The clocks accept dates within the calendar's years (`WorkingDayCalendar.supportedDates`) only.
///
/// ```swift
/// let cal = try WorkingDayCalendar(schedules: schedules) // handed in by the caller
/// let due = try StatutoryClock.answerDue(ClockInput(received: CivilDate(2024, 2, 5)), calendar: cal)
/// due.due // 2024-03-08 (春节 02-10…02-17 skipped, 2024-02-18 调休 counted as day 5)
/// ```
public enum StatutoryClock {
    /// 第三十三条 — 20 working days to answer.
    public static let answerPeriod = 20
    /// 第三十三条第二款 — an extension adds at most 20 working days.
    public static let maximumExtension = 20
    /// 第三十条 — the 补正 notice within 7 working days.
    public static let correctionNoticePeriod = 7
    /// 第三十二条, 第三十四条 — a consulted party answers within 15 working days of receiving the letter.
    public static let consultationReplyWindow = 15
    /// 信息处理费 — the applicant pays within 20 working days, counted from the day after receiving the notice.
    public static let feePaymentPeriod = 20

    /// 第三十三条 in the words a 指南 or a 回执 tells the applicant: the answer period and the longest extension.
    public static var answerPeriodText: String {
        "自收到申请之日起\(answerPeriod)个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，"
            + "延长的期限最长不超过\(maximumExtension)个工作日（条例第三十三条）"
    }

    /// The answer due date with its day-by-day explanation.
    public static func answerDue(_ input: ClockInput, calendar: WorkingDayCalendar) throws -> DueDate {
        try check(input, calendar: calendar)
        var trail: [TrailDay] = []
        var start = input.received
        var firstDayCounts = input.receiptDeferred
        if !input.receiptDeferred {
            trail.append(TrailDay(date: start, kind: .received, reason: receivedReason(start, calendar)))
        }
        if let corrected = input.correctionReceived {
            trail.append(TrailDay(date: corrected, kind: .restarted, reason: restartReason(corrected, calendar)))
            start = corrected
            firstDayCounts = false
        }
        let total = answerPeriod + input.extensionDays
        let counted = try count(
            total, after: firstDayCounts ? start.adding(days: -1) : start, pauses: input.pauses, calendar: calendar
        ) { n in
            if n == 1 && firstDayCounts { return "收到之日（本机关《指南》规则顺延至此），计为第1日，不再从次日起算" }
            if n > answerPeriod { return "延长期第\(n - answerPeriod)日（第三十三条第二款）" }
            return n == answerPeriod && total > answerPeriod ? "原答复期限届满日，延长期自次一工作日起算" : ""
        }
        trail += counted.trail
        trail[trail.count - 1].reason += (trail[trail.count - 1].reason.isEmpty ? "" : "；") + "答复期限届满日（第三十三条）"
        let original = counted.countedDays[answerPeriod - 1]
        var due = DueDate(
            start: start, due: counted.countedDays[total - 1], originalDue: original, trail: trail,
            isProvisional: counted.provisional)
        if let delayed = input.delayedReplyUntil {
            guard delayed > due.due else { throw ClockError.delayedReplyNotLater(delayed, due.due) }
            due.due = delayed
            due.trail.append(TrailDay(date: delayed, kind: .delayed, reason: "延迟答复的合理期限，由本机关确定并告知申请人（第三十五条）"))
        }
        return due
    }

    /// 第三十条 — the day by which the 补正 notice must go out: 7 working days after receipt (the receipt itself
    /// being day 1 when the agency's rule deferred it).
    public static func correctionNoticeDue(
        received: CivilDate, receiptDeferred: Bool = false, calendar: WorkingDayCalendar
    ) throws -> DueDate {
        try calendar.requireSupported(received, field: "收到申请之日（received）")
        let after = receiptDeferred ? received.adding(days: -1) : received
        let counted = try count(correctionNoticePeriod, after: after, pauses: [], calendar: calendar) { n in
            n == 1 && receiptDeferred ? "收到之日（本机关《指南》规则顺延至此），计为第1日" : ""
        }
        let head =
            receiptDeferred ? [] : [TrailDay(date: received, kind: .received, reason: receivedReason(received, calendar))]
        let last = counted.countedDays[correctionNoticePeriod - 1]
        return DueDate(start: received, due: last, originalDue: last, trail: head + counted.trail,
                       isProvisional: counted.provisional)
    }

    /// 第三十二条, 第三十四条 — the last day of a consulted party's reply window: 15 working days after the day
    /// the party received the letter.
    public static func consultationWindowCloses(delivered: CivilDate, calendar: WorkingDayCalendar) throws
        -> CivilDate
    {
        try calendar.requireSupported(delivered, field: "对方收到征求意见书之日")
        return try count(consultationReplyWindow, after: delivered, pauses: [], calendar: calendar) { _ in "" }
            .countedDays[consultationReplyWindow - 1]
    }

    /// 信息处理费 — the pay-by date: the 20th working day after the day the applicant received the fee notice.
    public static func feePaymentDue(noticeReceived: CivilDate, calendar: WorkingDayCalendar) throws -> CivilDate {
        try calendar.requireSupported(noticeReceived, field: "申请人收到收费通知之日")
        return try count(feePaymentPeriod, after: noticeReceived, pauses: [], calendar: calendar) { _ in "" }
            .countedDays[feePaymentPeriod - 1]
    }

    static func check(_ input: ClockInput, calendar: WorkingDayCalendar) throws {
        guard (0...maximumExtension).contains(input.extensionDays) else {
            throw ClockError.extensionTooLong(input.extensionDays)
        }
        try calendar.requireSupported(input.received, field: "收到申请之日（received）")
        if let corrected = input.correctionReceived {
            try calendar.requireSupported(corrected, field: "收到补正日期（correction-received）")
            guard corrected >= input.received else { throw ClockError.correctionBeforeReceipt(corrected) }
        }
        for p in input.pauses {
            try calendar.requireSupported(p.from, field: "暂停期间（pause）开始日")
            try calendar.requireSupported(p.through, field: "暂停期间（pause）结束日")
            guard p.through >= p.from else { throw ClockError.pauseEndsBeforeStart(p.from, p.through) }
        }
        if let delayed = input.delayedReplyUntil {
            try calendar.requireSupported(delayed, field: "延迟答复期限（delayed-until）")
        }
    }

    static func receivedReason(_ date: CivilDate, _ calendar: WorkingDayCalendar) -> String {
        let kind = calendar.kind(of: date)
        var note = ""
        if case .makeupWorkday(let name) = kind { note = "，调休上班日（\(name)）" }
        if !kind.isWorkingDay { note = "，\(kind.explanation.replacingOccurrences(of: "，不计", with: ""))，如实记为收到之日" }
        return "收到申请之日（第三十一条）\(note)，不计入，次日起算"
    }

    static func restartReason(_ date: CivilDate, _ calendar: WorkingDayCalendar) -> String {
        let kind = calendar.kind(of: date)
        let note = kind.isWorkingDay ? "" : "（\(kind.explanation.replacingOccurrences(of: "，不计", with: ""))，如实记为收到之日）"
        return "收到补正后的申请\(note)（第三十条），答复期限重新起算，次日起算"
    }

    /// Counts `n` working days after `start`, skipping non-working and paused days, and explains each day.
    /// Throws when the count runs past the calendar's supported dates.
    static func count(
        _ n: Int, after start: CivilDate, pauses: [ClockPause], calendar: WorkingDayCalendar,
        note: (Int) -> String
    ) throws -> (trail: [TrailDay], countedDays: [CivilDate], provisional: Bool) {
        var trail: [TrailDay] = []
        var days: [CivilDate] = []
        var provisionalSeen = false
        var d = start
        while days.count < n {
            d = d.adding(days: 1)
            try calendar.requireSupported(d, field: "期限计算")
            let kind = calendar.kind(of: d)
            provisionalSeen = provisionalSeen || kind.isProvisional
            let provisional = kind.isProvisional ? "（\(d.year)年节假日安排未载入，只按周末计算）" : ""
            switch kind {
            case .weekend:
                trail.append(TrailDay(date: d, kind: .weekend, reason: kind.explanation + provisional))
            case .holiday:
                trail.append(TrailDay(date: d, kind: .holiday, reason: kind.explanation))
            case .workday, .makeupWorkday:
                if let p = pauses.first(where: { $0.covers(d) }) {
                    trail.append(TrailDay(date: d, kind: .paused, reason: p.kind.explanation))
                    continue
                }
                days.append(d)
                var parts: [String] = []
                if case .makeupWorkday = kind { parts.append(kind.explanation) }
                let extra = note(days.count)
                if !extra.isEmpty { parts.append(extra) }
                if !provisional.isEmpty { parts.append(provisional) }
                trail.append(
                    TrailDay(date: d, kind: .counted, counted: true, number: days.count,
                             reason: parts.joined(separator: "；")))
            }
        }
        return (trail, days, provisionalSeen)
    }
}
