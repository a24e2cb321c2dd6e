/// 办理阶段 — the state of an application, derived by replaying its events (never stored on its own).
///
/// ```
/// underReview ──correctionRequested──▶ awaitingCorrection ──correctionReceived──▶ underReview
///      │                                        └──correctionLapsed──▶ closed(其他处理 1)
///      ├──consultationSent──▶ consulting ──consultationDelivered──▶ consulting ──consultationReplied──▶ underReview
///      ├──feeNoticeSent──▶ awaitingPayment ──feeNoticeDelivered──▶ awaitingPayment ──feePaid──▶ underReview;
///      │                                    ──feeLapsed (after the computed pay-by date)──▶ closed(其他处理 2)
///      ├──extensionApproved, reasonsRequested, delayedReplySet──▶ underReview (also while consulting)
///      └──answered, answeredInParts──▶ closed(outcome) (also while consulting);
///         any open phase ──withdrawn──▶ closed(其他处理 3)
/// ```
public enum ApplicationPhase: Hashable, Sendable {
    /// 办理中
    case underReview
    /// 等待补正 — Art. 30
    case awaitingCorrection(deadline: CivilDate)
    /// 征求意见中 — Art. 32, 34
    case consulting(ConsultedParty)
    /// 等待缴费 — 信息处理费; `noticeDelivered` once the applicant's receipt of the notice is recorded (the pay-by
    /// date follows from that day, `ApplicationCase.payBy(calendar:)`).
    case awaitingPayment(noticeDelivered: Bool)
    /// 已办结
    case closed(Outcome)

    public var isClosed: Bool {
        if case .closed = self { return true }
        return false
    }

    public var label: String {
        switch self {
        case .underReview: return "办理中"
        case .awaitingCorrection: return "等待补正"
        case .consulting: return "征求意见中"
        case .awaitingPayment: return "等待缴费"
        case .closed: return "已办结"
        }
    }
}

/// Why the state machine refused an event; each message is in Chinese and names the field.
///
/// ```swift
/// ApplicationError.illegalTransition(event: "收到补正", phase: "办理中", rule: "…").description
/// ```
public enum ApplicationError: Error, Hashable, Sendable, CustomStringConvertible {
    case illegalTransition(event: String, phase: String, rule: String)
    case dateBeforePreviousEvent(event: String, date: CivilDate, previous: CivilDate)
    case invalidField(field: String, detail: String)

    public var description: String {
        switch self {
        case .illegalTransition(let e, let p, let rule): return "不能在「\(p)」阶段记录「\(e)」：\(rule)"
        case .dateBeforePreviousEvent(let e, let d, let prev):
            return "事件「\(e)」的日期（date）\(d) 早于上一事件的日期 \(prev)，事件记录只能按时间顺序追加"
        case .invalidField(let f, let detail): return "\(f)：\(detail)"
        }
    }
}
