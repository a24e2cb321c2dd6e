/// The statutory clocks of a case, derived from its events (`StatutoryClock` holds the rules).
///
/// ```swift
/// let due = try c.answerDue(calendar: cal)?.due
/// c.status(now: CivilDate(2024, 3, 28), calendar: cal, dueSoonWithin: 3) // .dueSoon(workingDaysLeft: 2)
/// ```
extension ApplicationCase {
    /// The facts the answer clock depends on, read from the events.
    ///
    /// Consultation (Art. 32, 34): paused from the day after the letter through the reply, the answer, or the
    /// close of the 15-working-day window that runs from the party's receipt of the letter, whichever is first;
    /// until that receipt is recorded, the window is taken from the day sent (the earliest it can close).
    /// Fee: paused from the day after the notice through payment (or lapse); while unpaid, through the pay-by date
    /// (until the applicant's receipt of the notice is recorded, from the day sent — the earliest).
    /// Art. 35: a delayed reply period set and notified replaces the due date.
    public func clockInput(calendar: WorkingDayCalendar) throws -> ClockInput {
        var input = ClockInput(
            received: receivedOn, extensionDays: extensionDays, receiptDeferred: receipt.deferredByAgencyRule)
        for (i, e) in events.enumerated() {
            let later = events[(i + 1)...]
            switch e.kind {
            case .correctionReceived:
                input.correctionReceived = e.date
            case .consultationSent(let party):
                let delivered = later.prefix(while: { !$0.kind.isConsultationSent })
                    .first(where: { $0.kind == .consultationDelivered })?.date ?? e.date
                let window = try StatutoryClock.consultationWindowCloses(delivered: delivered, calendar: calendar)
                let end = later.first(where: \.kind.endsConsultation)?.date ?? window
                input.pauses.append(ClockPause(party.pauseKind, from: e.date, through: min(end, window)))
            case .feeNoticeSent:
                let delivered = later.prefix(while: { !$0.kind.isFeeNoticeSent })
                    .first(where: { $0.kind == .feeNoticeDelivered })?.date ?? e.date
                let payBy = try StatutoryClock.feePaymentDue(noticeReceived: delivered, calendar: calendar)
                let end = later.first(where: \.kind.endsFeeWait)?.date ?? payBy
                input.pauses.append(ClockPause(.fee, from: e.date, through: end))
            case .delayedReplySet(let until):
                input.delayedReplyUntil = until
            default:
                continue
            }
        }
        return input
    }

    /// 答复期限 — the answer due date with its explanation; nil while a 补正 is awaited or after it lapsed
    /// (Art. 30: the period runs only from receipt of the corrected application).
    public func answerDue(calendar: WorkingDayCalendar) throws -> DueDate? {
        let requested = events.contains { if case .correctionRequested = $0.kind { true } else { false } }
        if requested && !hasCorrection { return nil }
        return try StatutoryClock.answerDue(clockInput(calendar: calendar), calendar: calendar)
    }

    /// 补正告知期限 — Art. 30: the last day to send a 补正 notice.
    public func correctionNoticeDue(calendar: WorkingDayCalendar) throws -> DueDate {
        try StatutoryClock.correctionNoticeDue(
            received: receivedOn, receiptDeferred: receipt.deferredByAgencyRule, calendar: calendar)
    }

    /// 缴费期限 — the computed pay-by date of the outstanding fee notice: 20 working days from the day after the
    /// applicant received it; nil when no notice awaits payment or its receipt is not recorded yet.
    public func payBy(calendar: WorkingDayCalendar) throws -> CivilDate? {
        guard case .awaitingPayment(true) = phase,
            let delivered = events.last(where: { $0.kind == .feeNoticeDelivered })?.date
        else { return nil }
        return try StatutoryClock.feePaymentDue(noticeReceived: delivered, calendar: calendar)
    }

    /// The derived status at `now` (never stored): open, due within `dueSoonWithin` working days, overdue,
    /// answered on time or late; `awaitingApplicant` while the clock waits for a 补正 or a fee.
    public func status(now: CivilDate, calendar: WorkingDayCalendar, dueSoonWithin: Int = 5) -> CaseStatus {
        let due = (try? answerDue(calendar: calendar)) ?? nil
        if let closed = closedOn {
            guard let due, closed > due.due else { return .answeredOnTime }
            return .answeredLate(workingDaysLate: calendar.workingDays(after: due.due, through: closed))
        }
        switch phase {
        case .awaitingCorrection, .awaitingPayment: return .awaitingApplicant
        default: break
        }
        guard let due else { return .awaitingApplicant }
        if now > due.due { return .overdue(workingDaysLate: calendar.workingDays(after: due.due, through: now)) }
        let delayed = due.trail.last?.kind == .delayed
        let left =
            delayed
            ? calendar.workingDays(after: now, through: due.due)
            : due.trail.filter { $0.counted && $0.date > now }.count
        return left <= dueSoonWithin ? .dueSoon(workingDaysLeft: left) : .open(workingDaysLeft: left)
    }
}

extension ApplicationEvent.Kind {
    var endsConsultation: Bool {
        switch self {
        case .consultationReplied, .answered, .answeredInParts, .withdrawn: return true
        default: return false
        }
    }

    var endsFeeWait: Bool {
        switch self {
        case .feePaid, .feeLapsed, .withdrawn: return true
        default: return false
        }
    }
}

/// 办理状态 — computed from a case and the `now` passed in, never stored.
///
/// ```swift
/// CaseStatus.overdue(workingDaysLate: 2).label // "已超期2个工作日"
/// ```
public enum CaseStatus: Hashable, Sendable {
    /// 办理中 — more than N working days left.
    case open(workingDaysLeft: Int)
    /// 即将到期 — due within N working days (0 = due today).
    case dueSoon(workingDaysLeft: Int)
    /// 已超期
    case overdue(workingDaysLate: Int)
    /// 按期办结 (answered, or closed by lapse or withdrawal, by the due date)
    case answeredOnTime
    /// 超期办结
    case answeredLate(workingDaysLate: Int)
    /// 等待申请人 — awaiting a 补正 (Art. 30) or a fee; the answer clock is not running.
    case awaitingApplicant

    public var label: String {
        switch self {
        case .open(let n): return "办理中（剩余\(n)个工作日）"
        case .dueSoon(let n): return n == 0 ? "今日到期" : "即将到期（剩余\(n)个工作日）"
        case .overdue(let n): return "已超期\(n)个工作日"
        case .answeredOnTime: return "按期办结"
        case .answeredLate(let n): return "超期\(n)个工作日办结"
        case .awaitingApplicant: return "等待申请人补正或缴费"
        }
    }
}
