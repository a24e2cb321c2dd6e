/// 法定程序的状态转换 — the transitions and checks of the events that carry a statutory rule of their own:
/// deliveries that start a period (Arts. 32, 34; 信息处理费), Art. 35, fees within the handling period, and an
/// answer in parts (Art. 37). `ApplicationStateMachine` asks here for these kinds.
///
/// ```swift
/// StatutoryTransitions.next(.awaitingPayment(noticeDelivered: false), .feeNoticeDelivered)
/// // .awaitingPayment(noticeDelivered: true)
/// ```
enum StatutoryTransitions {
    /// The phase after `kind`, or nil when not allowed in `phase`.
    static func next(_ phase: ApplicationPhase, _ kind: ApplicationEvent.Kind) -> ApplicationPhase? {
        switch (phase, kind) {
        case (.consulting, .consultationDelivered): return phase
        case (.awaitingPayment(false), .feeNoticeDelivered): return .awaitingPayment(noticeDelivered: true)
        case (.underReview, .reasonsRequested), (.underReview, .delayedReplySet), (.consulting, .delayedReplySet):
            return phase
        case (.underReview, .answeredInParts(let parts)), (.consulting, .answeredInParts(let parts)):
            return Outcome.combining(parts).map { .closed($0) }
        default: return nil
        }
    }

    static func refusal(_ kind: ApplicationEvent.Kind) -> String {
        switch kind {
        case .consultationDelivered: return "没有正在进行的征求意见（第三十二条、第三十四条）"
        case .feeNoticeDelivered: return "没有待送达的收费通知"
        case .reasonsRequested: return "只有办理中的申请才能要求说明理由（第三十五条）"
        case .delayedReplySet: return "只有办理中或征求意见中的申请才能确定延迟答复期限（第三十五条）"
        case .answeredInParts(let parts) where parts.isEmpty: return "区分处理的答复至少要有一项结果"
        default: return "等待补正或缴费期间不能答复"
        }
    }

    /// Throws `ApplicationError` when `event` breaks a statutory rule on `c`.
    static func checkFields(
        _ event: ApplicationEvent, on c: ApplicationCase, phase: ApplicationPhase, calendar: WorkingDayCalendar
    ) throws {
        switch event.kind {
        case .feeNoticeSent(let amount):
            guard amount.fen > 0 else {
                throw ApplicationError.invalidField(field: "收费金额（amount）", detail: "收费通知的金额必须大于0")
            }
            try requireWithinHandlingPeriod(event, on: c, calendar: calendar, what: "收费通知")
        case .feeLapsed:
            try checkLapse(event.date, on: c, calendar: calendar)
        case .consultationDelivered:
            let sent = c.events.lastIndex(where: \.kind.isConsultationSent) ?? c.events.endIndex
            guard !c.events[sent...].contains(where: { $0.kind == .consultationDelivered }) else {
                throw ApplicationError.illegalTransition(
                    event: event.kind.label, phase: phase.label, rule: "本次征求意见的送达已经记录")
            }
        case .feeNoticeDelivered:
            return
        case .reasonsRequested:
            guard !c.hasReasonsRequested else {
                throw ApplicationError.illegalTransition(
                    event: event.kind.label, phase: phase.label, rule: "已经要求申请人说明理由（第三十五条）")
            }
        case .delayedReplySet(let until):
            try checkDelayedReply(event.date, until: until, on: c, phase: phase, calendar: calendar)
        case .answered(.notProcessed(.excessive)):
            try requireReasonsRequested(event, on: c, phase: phase)
        case .answeredInParts(let parts):
            guard parts.count >= 2 else {
                throw ApplicationError.invalidField(
                    field: "区分处理结果（parts）", detail: "区分处理的答复至少要有两项结果；只有一项时用「答复」")
            }
            for p in parts {
                try ApplicationStateMachine.check(ApplicationEvent(event.date, .answered(p)), on: c, calendar: calendar)
            }
        default:
            return
        }
    }

    /// 信息处理费: a lapse only after the computed pay-by date, and only once the notice was received.
    private static func checkLapse(_ date: CivilDate, on c: ApplicationCase, calendar: WorkingDayCalendar) throws {
        guard case .awaitingPayment(true) = c.phase,
            let delivered = c.events.last(where: { $0.kind == .feeNoticeDelivered })?.date
        else {
            throw ApplicationError.invalidField(
                field: "逾期未缴费日期（date）", detail: "申请人收到收费通知之日尚未记录，缴费期限未起算")
        }
        let payBy = try clock { try StatutoryClock.feePaymentDue(noticeReceived: delivered, calendar: calendar) }
        guard date > payBy else {
            throw ApplicationError.invalidField(
                field: "逾期未缴费日期（date）",
                detail: "\(date) 未超过缴费期限 \(payBy)（收到通知次日起\(StatutoryClock.feePaymentPeriod)个工作日）")
        }
    }

    private static func checkDelayedReply(
        _ date: CivilDate, until: CivilDate, on c: ApplicationCase, phase: ApplicationPhase,
        calendar: WorkingDayCalendar
    ) throws {
        try requireReasonsRequested(ApplicationEvent(date, .delayedReplySet(until: until)), on: c, phase: phase)
        guard let due = try clock({ try c.answerDue(calendar: calendar) }) else { return }
        guard until > due.due else {
            throw ApplicationError.invalidField(
                field: "延迟答复期限（until）",
                detail: "\(until) 不晚于答复期限 \(due.due)：延迟答复用于无法在第三十三条期限内答复的情形（第三十五条）")
        }
        guard date <= due.due else {
            throw ApplicationError.invalidField(
                field: "延迟答复告知日期（date）", detail: "\(date) 已超过答复期限 \(due.due)，应在期限届满前确定并告知（第三十五条）")
        }
    }

    private static func requireReasonsRequested(
        _ event: ApplicationEvent, on c: ApplicationCase, phase: ApplicationPhase
    ) throws {
        guard c.hasReasonsRequested else {
            throw ApplicationError.illegalTransition(
                event: event.kind.label, phase: phase.label, rule: "须先要求申请人说明理由（第三十五条）")
        }
    }

    /// 信息处理费: the notice goes out within the handling period (by the answer due date).
    private static func requireWithinHandlingPeriod(
        _ event: ApplicationEvent, on c: ApplicationCase, calendar: WorkingDayCalendar, what: String
    ) throws {
        guard let due = try clock({ try c.answerDue(calendar: calendar) }), event.date > due.due else { return }
        throw ApplicationError.invalidField(
            field: "\(what)日期（date）", detail: "\(event.date) 已超过答复期限 \(due.due)，\(what)应在答复期限内发出")
    }

    /// Runs a clock, turning its error into the case's error type.
    private static func clock<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ApplicationError { throw e } catch {
            throw ApplicationError.invalidField(field: "日期（date）", detail: "\(error)")
        }
    }
}

extension ApplicationEvent.Kind {
    var isConsultationSent: Bool {
        if case .consultationSent = self { return true }
        return false
    }

    var isFeeNoticeSent: Bool {
        if case .feeNoticeSent = self { return true }
        return false
    }
}

extension ApplicationCase {
    var hasReasonsRequested: Bool { events.contains { $0.kind == .reasonsRequested } }
}
