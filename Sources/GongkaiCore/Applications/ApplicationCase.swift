import Foundation

/// 依申请公开案件 — one application: who applied, how it was received (Art. 31), and its append-only event log.
///
/// State, clocks and status are derived from the events; nothing derived is stored. `record(_:calendar:)`
/// appends an event only if the state machine (`ApplicationPhase`) allows it, else throws `ApplicationError`.
///
/// ```swift
/// var c = ApplicationCase(id: "2024-0001", applicant: Applicant(kind: .naturalPerson, name: "张三"),
///                         receipt: Receipt(Submission(channel: .inPerson, date: CivilDate(2024, 3, 4)), calendar: cal))
/// try c.record(ApplicationEvent(CivilDate(2024, 3, 20), .answered(.granted)), calendar: cal)
/// c.outcome // .granted
/// ```
public struct ApplicationCase: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var applicant: Applicant
    public var receipt: Receipt
    /// Append-only; the first event is always `.received` on the receipt date.
    public private(set) var events: [ApplicationEvent]

    public init(id: String, applicant: Applicant, receipt: Receipt) {
        self.id = id
        self.applicant = applicant
        self.receipt = receipt
        events = [ApplicationEvent(receipt.date, .received)]
    }

    /// Rebuilds a case from stored events, checking every transition again.
    public init(id: String, applicant: Applicant, receipt: Receipt, events: [ApplicationEvent],
                calendar: WorkingDayCalendar) throws {
        self.init(id: id, applicant: applicant, receipt: receipt)
        guard events.first == ApplicationEvent(receipt.date, .received) else {
            throw ApplicationError.invalidField(field: "事件记录（events）", detail: "第一条事件必须是收到日 \(receipt.date) 的「收到申请」")
        }
        for e in events.dropFirst() { try record(e, calendar: calendar) }
    }

    /// 收到日 — Art. 31.
    public var receivedOn: CivilDate { receipt.date }

    /// The current phase, by replaying the events.
    public var phase: ApplicationPhase {
        var p = ApplicationPhase.underReview
        for e in events.dropFirst() { p = ApplicationStateMachine.next(p, e.kind) ?? p }
        return p
    }

    /// 办理结果, once closed.
    public var outcome: Outcome? {
        if case .closed(let o) = phase { return o }
        return nil
    }

    /// 办结日 — the date of the answer or the closing decision (counts the case in that year's report).
    public var closedOn: CivilDate? { outcome == nil ? nil : events.last?.date }

    /// 延长 — approved working days in total.
    public var extensionDays: Int {
        events.reduce(0) { if case .extensionApproved(let d, _) = $1.kind { return $0 + d } else { return $0 } }
    }

    /// Appends `event` if the state machine allows it.
    public mutating func record(_ event: ApplicationEvent, calendar: WorkingDayCalendar) throws {
        let last = events.last!.date
        guard event.date >= last else {
            throw ApplicationError.dateBeforePreviousEvent(event: event.kind.label, date: event.date, previous: last)
        }
        try ApplicationStateMachine.check(event, on: self, calendar: calendar)
        events.append(event)
    }
}

/// 状态机 — the legal transitions between phases, with the article behind each refusal.
///
/// ```swift
/// ApplicationStateMachine.next(.underReview, .feePaid) // nil — no fee notice outstanding
/// ```
public enum ApplicationStateMachine {
    /// The phase after `kind`, or nil when `kind` is not allowed in `phase`.
    public static func next(_ phase: ApplicationPhase, _ kind: ApplicationEvent.Kind) -> ApplicationPhase? {
        switch (phase, kind) {
        case (.closed, _), (_, .received): return nil
        case (.underReview, .correctionRequested(let d)): return .awaitingCorrection(deadline: d)
        case (.awaitingCorrection, .correctionReceived): return .underReview
        case (.awaitingCorrection, .correctionLapsed): return .closed(.other(.correctionLapsed))
        case (.underReview, .consultationSent(let p)): return .consulting(p)
        case (.consulting, .consultationReplied): return .underReview
        case (.underReview, .extensionApproved), (.consulting, .extensionApproved): return phase
        case (.underReview, .feeNoticeSent): return .awaitingPayment(noticeDelivered: false)
        case (.awaitingPayment, .feePaid): return .underReview
        case (.awaitingPayment, .feeLapsed): return .closed(.other(.feeLapsed))
        case (.underReview, .answered(let o)), (.consulting, .answered(let o)): return .closed(o)
        case (_, .consultationDelivered), (_, .feeNoticeDelivered), (_, .reasonsRequested), (_, .delayedReplySet),
            (_, .answeredInParts):
            return StatutoryTransitions.next(phase, kind)
        case (_, .withdrawn): return .closed(.other(.otherClosure))
        default: return nil
        }
    }

    /// Throws `ApplicationError` when `event` may not be recorded on `c` now.
    static func check(_ event: ApplicationEvent, on c: ApplicationCase, calendar: WorkingDayCalendar) throws {
        let phase = c.phase
        guard next(phase, event.kind) != nil else {
            throw ApplicationError.illegalTransition(
                event: event.kind.label, phase: phase.label, rule: refusal(event.kind, phase))
        }
        try checkFields(event, on: c, phase: phase, calendar: calendar)
    }

    private static func refusal(_ kind: ApplicationEvent.Kind, _ phase: ApplicationPhase) -> String {
        if case .closed = phase { return "案件已办结，事件记录只能追加到未办结的案件" }
        switch kind {
        case .received: return "「收到申请」只能是第一条事件"
        case .correctionRequested: return "只有办理中的申请才能告知补正（第三十条），且征求意见、收费期间不能告知"
        case .correctionReceived, .correctionLapsed: return "没有待补正的告知（第三十条）"
        case .consultationSent: return "只有办理中的申请才能征求意见（第三十二条、第三十四条），一次征求一方"
        case .consultationReplied: return "没有正在进行的征求意见"
        case .extensionApproved: return "只有办理中或征求意见中的申请才能延期（第三十三条第二款）"
        case .feeNoticeSent: return "只有办理中的申请才能发出收费通知"
        case .consultationDelivered, .feeNoticeDelivered, .reasonsRequested, .delayedReplySet, .answeredInParts:
            return StatutoryTransitions.refusal(kind)
        case .feePaid, .feeLapsed: return "没有待缴费的收费通知"
        case .answered: return "等待补正或缴费期间不能答复"
        case .withdrawn: return "案件已办结"
        }
    }

    private static func checkFields(
        _ event: ApplicationEvent, on c: ApplicationCase, phase: ApplicationPhase, calendar: WorkingDayCalendar
    ) throws {
        switch (event.kind, phase) {
        case (.correctionRequested(let deadline), _):
            try checkCorrectionRequest(event.date, deadline: deadline, on: c, calendar: calendar)
        case (.correctionLapsed, .awaitingCorrection(let deadline)) where event.date <= deadline:
            throw ApplicationError.invalidField(
                field: "逾期不补正日期（date）", detail: "\(event.date) 未超过补正期限 \(deadline)（第三十条）")
        case (.extensionApproved(let days, let by), _):
            try checkExtension(event.date, days: days, approvedBy: by, on: c, calendar: calendar)
        case (.feeNoticeSent, _), (.feeLapsed, _), (.consultationDelivered, _), (.feeNoticeDelivered, _),
            (.reasonsRequested, _), (.delayedReplySet, _), (.answeredInParts, _),
            (.answered(.notProcessed(.excessive)), _):
            try StatutoryTransitions.checkFields(event, on: c, phase: phase, calendar: calendar)
        case (.answered(.other(let r)), _) where r != .otherClosure:
            throw ApplicationError.invalidField(
                field: "办理结果（outcome）", detail: "其他处理\(r.rawValue)只能由逾期不补正或逾期未缴费事件产生")
        case (.answered(.unavailable(.stillUnclearAfterCorrection)), _) where !c.hasCorrection:
            throw ApplicationError.invalidField(
                field: "办理结果（outcome）", detail: "「补正后申请内容仍不明确」要求先有收到补正的记录（第三十条）")
        default: return
        }
    }

    private static func checkCorrectionRequest(
        _ date: CivilDate, deadline: CivilDate, on c: ApplicationCase, calendar: WorkingDayCalendar
    ) throws {
        guard !c.events.contains(where: { if case .correctionRequested = $0.kind { true } else { false } }) else {
            throw ApplicationError.illegalTransition(
                event: "告知补正", phase: c.phase.label, rule: "补正只能一次性告知（第三十条）")
        }
        let latest = try c.correctionNoticeDue(calendar: calendar).due
        guard date <= latest else {
            throw ApplicationError.invalidField(
                field: "补正告知日期（date）",
                detail: "\(date) 超过收到申请后\(StatutoryClock.correctionNoticePeriod)个工作日（\(latest)）（第三十条）")
        }
        guard deadline > date else {
            throw ApplicationError.invalidField(field: "补正期限（deadline）", detail: "\(deadline) 应晚于告知日 \(date)")
        }
    }

    private static func checkExtension(
        _ date: CivilDate, days: Int, approvedBy: String, on c: ApplicationCase, calendar: WorkingDayCalendar
    ) throws {
        guard !approvedBy.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ApplicationError.invalidField(
                field: "批准人（approvedBy）", detail: "延期须经政府信息公开工作机构负责人同意并记录（第三十三条第二款）")
        }
        guard days > 0, c.extensionDays + days <= StatutoryClock.maximumExtension else {
            throw ApplicationError.invalidField(
                field: "延长天数（days）",
                detail: "已延长\(c.extensionDays)个工作日，再延长\(days)个工作日"
                    + "超过最长\(StatutoryClock.maximumExtension)个工作日（第三十三条第二款）")
        }
        if let due = try? c.answerDue(calendar: calendar), date > due.due {
            throw ApplicationError.invalidField(
                field: "延期日期（date）", detail: "\(date) 已超过答复期限 \(due.due)，延期应在期限届满前决定（第三十三条）")
        }
    }
}

extension ApplicationCase {
    var hasCorrection: Bool { events.contains { $0.kind == .correctionReceived } }
}
