/// The facts a due date depends on (all dates as they happened, Art. 31).
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
    /// True when the agency's own rule moved the receipt to `received` (`Receipt.deferredByAgencyRule`); the
    /// receipt date is then day 1 itself.
    public var receiptDeferred: Bool
    /// 延迟答复的合理期限 — Art. 35: the date the agency set and notified; replaces the due date.
    public var delayedReplyUntil: CivilDate?

    public init(
        received: CivilDate, correctionReceived: CivilDate? = nil, pauses: [ClockPause] = [], extensionDays: Int = 0,
        receiptDeferred: Bool = false, delayedReplyUntil: CivilDate? = nil
    ) {
        self.received = received
        self.correctionReceived = correctionReceived
        self.pauses = pauses
        self.extensionDays = extensionDays
        self.receiptDeferred = receiptDeferred
        self.delayedReplyUntil = delayedReplyUntil
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
    /// True when any day was judged without its year's holiday notice (only weekends known).
    public var isProvisional: Bool

    public init(start: CivilDate, due: CivilDate, originalDue: CivilDate, trail: [TrailDay], isProvisional: Bool) {
        self.start = start
        self.due = due
        self.originalDue = originalDue
        self.trail = trail
        self.isProvisional = isProvisional
    }
}

/// Errors of the clocks, in Chinese naming the field.
public enum ClockError: Error, Hashable, Sendable, CustomStringConvertible {
    case extensionTooLong(Int)
    case correctionBeforeReceipt(CivilDate)
    case pauseEndsBeforeStart(CivilDate, CivilDate)
    case delayedReplyNotLater(CivilDate, CivilDate)

    public var description: String {
        switch self {
        case .extensionTooLong(let d):
            return "延长天数（extension）为 \(d)：延长最长不超过\(StatutoryClock.maximumExtension)个工作日，且不能为负（第三十三条第二款）"
        case .delayedReplyNotLater(let d, let due):
            return "延迟答复期限（delayed-until）\(d) 不晚于第三十三条的答复期限 \(due)：第三十五条的延迟期限用于无法在该期限内答复的情形"
        case .correctionBeforeReceipt(let d): return "收到补正日期（correction-received）\(d) 早于收到申请之日"
        case .pauseEndsBeforeStart(let a, let b): return "暂停期间（pause）\(a)..\(b) 的结束日早于开始日"
        }
    }
}
