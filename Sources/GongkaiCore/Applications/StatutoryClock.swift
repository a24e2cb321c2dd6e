/// 答复期限 — the statutory clocks of an application, composed: restart (补正), pauses, extension.
///
/// Rules, each once:
/// - 第三十三条: answer within 20 working days of receipt; day 1 is the first working day after the receipt date
///   (the regulation is silent; the general rule for administrative periods starts the day after).
/// - 第三十条: the 补正 notice is due within 7 working days of receipt; when the corrected application arrives
///   the 20 days start again from that date (day 1 = the next working day).
/// - 第三十二条, 第三十四条, 第三十三条第三款: consultation time is not counted — the working days after the day the
///   letter goes out, up to and including the day the reply arrives (at most the 15-working-day reply window).
/// - 信息处理费: from the fee notice until payment the clock stops (same convention as consultation).
/// - 第三十三条第二款: an extension of at most 20 working days in total, counted on after the original due date.
///
/// ```swift
/// let cal = try WorkingDayCalendar.official()
/// let due = try StatutoryClock.answerDue(ClockInput(received: CivilDate(2024, 2, 5)), calendar: cal)
/// due.due // 2024-03-07 (春节 skipped, 2024-02-18 调休 counted)
/// ```
public enum StatutoryClock {
    /// 第三十三条 — 20 working days to answer.
    public static let answerPeriod = 20
    /// 第三十三条第二款 — an extension adds at most 20 working days.
    public static let maximumExtension = 20
    /// 第三十条 — the 补正 notice within 7 working days.
    public static let correctionNoticePeriod = 7
    /// 第三十二条, 第三十四条 — a consulted party answers within 15 working days.
    public static let consultationReplyWindow = 15

    /// The answer due date with its day-by-day explanation.
    public static func answerDue(_ input: ClockInput, calendar: WorkingDayCalendar) throws -> DueDate {
        guard (0...maximumExtension).contains(input.extensionDays) else {
            throw ClockError.extensionTooLong(input.extensionDays)
        }
        var trail = [TrailDay(date: input.received, kind: .received, reason: receivedReason(input.received, calendar))]
        var start = input.received
        if let corrected = input.correctionReceived {
            guard corrected >= input.received else { throw ClockError.correctionBeforeReceipt(corrected) }
            let restart = calendar.workingDayOnOrAfter(corrected)
            if restart != corrected {
                trail.append(TrailDay(date: corrected, kind: .submitted, reason: "补正材料送达，当日非工作日，顺延"))
            }
            trail.append(
                TrailDay(date: restart, kind: .restarted, reason: "收到补正后的申请（第三十条），答复期限重新起算，次日为第1日"))
            start = restart
        }
        for p in input.pauses where p.through < p.from {
            throw ClockError.pauseEndsBeforeStart(p.from, p.through)
        }
        let total = answerPeriod + input.extensionDays
        let counted = count(total, after: start, pauses: input.pauses, calendar: calendar) { n in
            if n > answerPeriod { return "延长期第\(n - answerPeriod)日（第三十三条第二款）" }
            return n == answerPeriod && total > answerPeriod ? "原答复期限届满日，延长期自次一工作日起算" : ""
        }
        trail += counted.trail
        trail[trail.count - 1].reason += (trail[trail.count - 1].reason.isEmpty ? "" : "；") + "答复期限届满日（第三十三条）"
        let original = counted.countedDays[answerPeriod - 1]
        return DueDate(start: start, due: counted.countedDays[total - 1], originalDue: original, trail: trail)
    }

    /// 第三十条 — the day by which the 补正 notice must go out: 7 working days after receipt.
    public static func correctionNoticeDue(received: CivilDate, calendar: WorkingDayCalendar) -> DueDate {
        let counted = count(correctionNoticePeriod, after: received, pauses: [], calendar: calendar) { _ in "" }
        let head = TrailDay(date: received, kind: .received, reason: receivedReason(received, calendar))
        let last = counted.countedDays[correctionNoticePeriod - 1]
        return DueDate(start: received, due: last, originalDue: last, trail: [head] + counted.trail)
    }

    /// 第三十二条, 第三十四条 — the last day of a consulted party's reply window (15 working days after sending).
    public static func consultationWindowCloses(sent: CivilDate, calendar: WorkingDayCalendar) -> CivilDate {
        calendar.addingWorkingDays(consultationReplyWindow, to: sent)
    }

    static func receivedReason(_ date: CivilDate, _ calendar: WorkingDayCalendar) -> String {
        var makeup = ""
        if case .makeupWorkday(let name) = calendar.kind(of: date) { makeup = "，调休上班日（\(name)）" }
        return "收到申请之日（第三十一条）\(makeup)，不计入，次日起算"
    }

    /// Counts `n` working days after `start`, skipping non-working and paused days, and explains each day.
    static func count(
        _ n: Int, after start: CivilDate, pauses: [ClockPause], calendar: WorkingDayCalendar,
        note: (Int) -> String
    ) -> (trail: [TrailDay], countedDays: [CivilDate]) {
        var trail: [TrailDay] = []
        var days: [CivilDate] = []
        var d = start
        while days.count < n {
            d = d.adding(days: 1)
            let kind = calendar.kind(of: d)
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
        return (trail, days)
    }
}

/// The facts a due date depends on (all dates already fixed by Art. 31).
///
/// ```swift
/// ClockInput(received: CivilDate(2024, 9, 27), pauses: [ClockPause(.thirdParty, from: CivilDate(2024, 9, 30), through: CivilDate(2024, 10, 10))])
/// ```
public struct ClockInput: Hashable, Sendable, Codable {
    /// 收到日 — Art. 31.
    public var received: CivilDate
    /// 收到补正后申请之日 — Art. 30; restarts the period.
    public var correctionReceived: CivilDate?
    /// 不计入的期间 — Art. 32, 34, fees.
    public var pauses: [ClockPause]
    /// 延长 — Art. 33, approved working days (0…20).
    public var extensionDays: Int

    public init(
        received: CivilDate, correctionReceived: CivilDate? = nil, pauses: [ClockPause] = [], extensionDays: Int = 0
    ) {
        self.received = received
        self.correctionReceived = correctionReceived
        self.pauses = pauses
        self.extensionDays = extensionDays
    }
}

/// 不计入期间 — working days after `from` up to and including `through` are not counted (Art. 33 (3)).
///
/// ```swift
/// ClockPause(.otherAgency, from: CivilDate(2023, 3, 1), through: CivilDate(2023, 3, 8)).covers(CivilDate(2023, 3, 1)) // false
/// ```
public struct ClockPause: Hashable, Sendable, Codable {
    public var kind: PauseKind
    /// The day the letter or notice went out (itself counted).
    public var from: CivilDate
    /// The day the reply or payment arrived (itself not counted).
    public var through: CivilDate

    public init(_ kind: PauseKind, from: CivilDate, through: CivilDate) {
        self.kind = kind
        self.from = from
        self.through = through
    }

    public func covers(_ date: CivilDate) -> Bool { from < date && date <= through }
}

/// Why the clock stops.
///
/// ```swift
/// PauseKind.thirdParty.explanation // "征求第三方意见期间，不计（第三十二条、第三十三条第三款）"
/// ```
public enum PauseKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 征求第三方意见 — Art. 32.
    case thirdParty
    /// 征求其他机关意见 — Art. 34.
    case otherAgency
    /// 收费通知至缴费 — 信息处理费.
    case fee
    /// 其他依法不计入的期间 (e.g. a pause given on the command line).
    case other

    public var explanation: String {
        switch self {
        case .thirdParty: return "征求第三方意见期间，不计（第三十二条、第三十三条第三款）"
        case .otherAgency: return "征求其他机关意见期间，不计（第三十四条、第三十三条第三款）"
        case .fee: return "收费通知发出至缴费期间，不计（信息处理费）"
        case .other: return "暂停计算期间，不计"
        }
    }
}

/// 期限 — a computed due date and how it was computed.
///
/// ```swift
/// due.due          // the last day to answer
/// due.originalDue  // the 20th working day, before any extension
/// due.trail        // one line per day
/// ```
public struct DueDate: Hashable, Sendable, Codable {
    /// The day counting starts after (the receipt date, or the corrected application's date).
    public var start: CivilDate
    public var due: CivilDate
    /// The due date without extension.
    public var originalDue: CivilDate
    public var trail: [TrailDay]

    /// True when any day was judged without its year's holiday notice.
    public var isProvisional: Bool { trail.contains { $0.reason.contains("未载入") } }
}

/// Errors of the clocks, in Chinese naming the field.
public enum ClockError: Error, Hashable, Sendable, CustomStringConvertible {
    case extensionTooLong(Int)
    case correctionBeforeReceipt(CivilDate)
    case pauseEndsBeforeStart(CivilDate, CivilDate)

    public var description: String {
        switch self {
        case .extensionTooLong(let d):
            return "延长天数（extension）为 \(d)：延长最长不超过20个工作日，且不能为负（第三十三条第二款）"
        case .correctionBeforeReceipt(let d): return "收到补正日期（correction-received）\(d) 早于收到申请之日"
        case .pauseEndsBeforeStart(let a, let b): return "暂停期间（pause）\(a)..\(b) 的结束日早于开始日"
        }
    }
}
