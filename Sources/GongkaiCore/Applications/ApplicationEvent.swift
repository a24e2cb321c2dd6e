/// 案件事件 — one entry of an application's append-only event log: what happened, and on which day.
///
/// The set of kinds is closed (`ApplicationEvent.Kind`); every change of state is an event, and
/// `ApplicationCase.record(_:calendar:)` refuses an event the state machine does not allow.
///
/// ```swift
/// ApplicationEvent(CivilDate(2024, 3, 1), .consultationSent(.thirdParty))
/// ApplicationEvent(CivilDate(2024, 3, 20), .answered(.withheld(.thirdPartyRights)))
/// ```
public struct ApplicationEvent: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The day it happened (letters: the day sent; deliveries, replies and payments: the day received).
    public var date: CivilDate
    public var kind: Kind

    public init(_ date: CivilDate, _ kind: Kind) {
        self.date = date
        self.kind = kind
    }

    /// The closed set of event kinds.
    public enum Kind: Hashable, Sendable, Codable {
        /// 收到申请 — Art. 31; always the first event, dated the receipt date.
        case received
        /// 补正告知 — Art. 30: once, within 7 working days of receipt, with a reasonable deadline.
        case correctionRequested(deadline: CivilDate)
        /// 收到补正后的申请 — Art. 30: the 20 working days start again.
        case correctionReceived
        /// 逾期不补正 — Art. 30: after the deadline; closes the case as 其他处理 1.
        case correctionLapsed
        /// 发出征求意见书 — Art. 32 (third party) or Art. 34 (other agency); the clock stops.
        case consultationSent(ConsultedParty)
        /// 对方收到征求意见书 — Art. 32, 34: the 15-working-day reply window runs from the next working day.
        case consultationDelivered
        /// 收到意见 — the clock runs again from the next working day.
        case consultationReplied
        /// 延期答复 — Art. 33 (2): approved by the office head, at most 20 working days in total.
        case extensionApproved(days: Int, approvedBy: String)
        /// 收费通知 — 信息处理费: sent within the handling period; the clock stops until payment.
        case feeNoticeSent(amount: Fen)
        /// 申请人收到收费通知 — the 20 working days to pay run from the next working day (the pay-by date is
        /// computed, `StatutoryClock.feePaymentDue`).
        case feeNoticeDelivered
        /// 缴费 — the clock runs again from the next working day.
        case feePaid
        /// 逾期未缴费 — after the computed pay-by date; closes the case as 其他处理 2.
        case feeLapsed
        /// 要求说明理由 — Art. 35: the number or frequency of applications is clearly beyond a reasonable range.
        case reasonsRequested
        /// 确定延迟答复期限并告知 — Art. 35: reasons given and reasonable, but no answer possible within Art. 33;
        /// the agency sets a reasonable delayed period (`until`), which replaces the due date.
        case delayedReplySet(until: CivilDate)
        /// 答复 — Art. 36: closes the case with its outcome.
        case answered(Outcome)
        /// 答复（区分处理）— one answer giving different outcomes for the parts of a request; the case counts in one
        /// report row, by the format's precedence (`Outcome.combining`: 部分公开 over the rest).
        case answeredInParts([Outcome])
        /// 撤回申请 — closes the case as 其他处理 3.
        case withdrawn
    }

    public var description: String { "\(date) \(kind.label)" }
}

/// 被征求意见方 — whom the agency consulted.
///
/// ```swift
/// ConsultedParty.otherAgency.pauseKind // .otherAgency
/// ```
public enum ConsultedParty: String, Hashable, Sendable, Codable, CaseIterable {
    /// 第三方 — Art. 32
    case thirdParty
    /// 其他机关 — Art. 34
    case otherAgency

    public var pauseKind: PauseKind { self == .thirdParty ? .thirdParty : .otherAgency }
}

extension ApplicationEvent.Kind {
    /// The kind's Chinese name as shown on a case timeline.
    public var label: String {
        switch self {
        case .received: return "收到申请（第三十一条）"
        case .correctionRequested(let d): return "告知补正（第三十条），补正期限 \(d)"
        case .correctionReceived: return "收到补正后的申请，答复期限重新起算（第三十条）"
        case .correctionLapsed: return "申请人逾期未补正，不再处理（第三十条）"
        case .consultationSent(let p):
            return p == .thirdParty ? "书面征求第三方意见（第三十二条）" : "征求其他机关意见（第三十四条）"
        case .consultationDelivered: return "被征求意见方收到征求意见书，\(StatutoryClock.consultationReplyWindow)个工作日答复期次日起算"
        case .consultationReplied: return "收到征求意见的回复"
        case .extensionApproved(let days, let by): return "经\(by)同意延期答复\(days)个工作日（第三十三条第二款）"
        case .feeNoticeSent(let amount): return "发出收费通知，金额\(amount)"
        case .feeNoticeDelivered: return "申请人收到收费通知，\(StatutoryClock.feePaymentPeriod)个工作日缴费期次日起算"
        case .reasonsRequested: return "申请数量、频次明显超过合理范围，要求申请人说明理由（第三十五条）"
        case .delayedReplySet(let until): return "确定延迟答复期限 \(until) 并告知申请人（第三十五条）"
        case .answeredInParts(let parts):
            let combined = Outcome.combining(parts).map { "，计入「\($0)」" } ?? ""
            return "区分处理答复：" + parts.map(\.description).joined(separator: "、") + combined
        case .feePaid: return "申请人缴纳信息处理费"
        case .feeLapsed: return "申请人逾期未缴费，不再处理"
        case .answered(let o): return "答复：\(o)（\(o.article)）"
        case .withdrawn: return "申请人撤回申请"
        }
    }
}
