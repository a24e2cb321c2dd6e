/// 提交渠道 — how an application reached the agency; decides which date is the receipt date (Art. 31).
///
/// ```swift
/// ReceiptChannel(rawValue: "in-person") // .inPerson
/// ReceiptChannel.post.statutoryDate     // "签收之日"
/// ```
public enum ReceiptChannel: String, Hashable, Sendable, Codable, CaseIterable {
    /// 当面提交 — received the day submitted.
    case inPerson = "in-person"
    /// 邮寄 — received the day signed for.
    case post
    /// 平常信函等无需签收的 — received the day the agency confirms it with the applicant.
    case letter
    /// 互联网渠道 — received the day both sides confirm.
    case online
    /// 传真 — received the day both sides confirm.
    case fax

    /// The date Art. 31 takes as the receipt date for this channel.
    public var statutoryDate: String {
        switch self {
        case .inPerson: return "提交之日"
        case .post: return "签收之日"
        case .letter: return "与申请人确认之日"
        case .online, .fax: return "双方确认之日"
        }
    }

    /// 当面 / 邮寄 / 平常信函 / 互联网 / 传真
    public var label: String {
        switch self {
        case .inPerson: return "当面提交"
        case .post: return "邮寄"
        case .letter: return "平常信函"
        case .online: return "互联网渠道"
        case .fax: return "传真"
        }
    }
}

/// 办公时间 — when the office closes; used only by an agency rule (`ReceiptRule.agencyGuide`), never by Art. 31.
///
/// The default closing time is 17:00 (most offices close at 17:00 or 17:30; set it per agency).
///
/// ```swift
/// OfficeHours(closing: TimeOfDay(hour: 17, minute: 30)!) // an office that closes at 17:30
/// ```
public struct OfficeHours: Hashable, Sendable, Codable {
    /// A submission at or after this time counts as outside working time.
    public var closing: TimeOfDay

    public init(closing: TimeOfDay = TimeOfDay(hour: 17, minute: 0)!) { self.closing = closing }

    public static let standard = OfficeHours()
}

/// 收件规则 — which day a submission is received on.
///
/// Art. 31 fixes the receipt date as it happened (`.article31`, the default): a Saturday, a holiday or 17:10
/// is still that day, and the periods run from the next working day. An agency whose published 指南 says that
/// submissions outside working time count from the next working day may set `.agencyGuide(_:)`; the receipt
/// date is then that working day, it is itself day 1 (deferring and then starting the day after would defer
/// twice), and the trail names the rule as the agency's, not Art. 31.
///
/// ```swift
/// ReceiptRule.article31                         // 2024-02-03 (Sat) post → received 2024-02-03
/// ReceiptRule.agencyGuide(.standard)            // … → received 2024-02-04 (调休上班日), day 1
/// ```
public enum ReceiptRule: Hashable, Sendable, Codable {
    /// 第三十一条 — the channel's date as it happened.
    case article31
    /// 本机关《政府信息公开指南》 — outside working time (non-working day, or at/after closing) → next working day.
    case agencyGuide(OfficeHours)
}

/// 申请的提交 — the channel and the channel's statutory date (Art. 31), with the time when known.
///
/// `date` is the date Art. 31 names for the channel: the day submitted in person, signed for by post,
/// confirmed with the applicant for an ordinary letter, confirmed by both sides online or by fax.
///
/// ```swift
/// Submission(channel: .online, date: CivilDate(2024, 2, 9), time: TimeOfDay(parsing: "18:05"))
/// ```
public struct Submission: Hashable, Sendable, Codable {
    public var channel: ReceiptChannel
    public var date: CivilDate
    public var time: TimeOfDay?

    public init(channel: ReceiptChannel, date: CivilDate, time: TimeOfDay? = nil) {
        self.channel = channel
        self.date = date
        self.time = time
    }
}

/// 收到申请之日 — Art. 31: the receipt date of a submission — the channel's date as it happened, or, under an
/// agency's own rule (`ReceiptRule.agencyGuide`), the next working day for a submission outside working time.
///
/// ```swift
/// let s = Submission(channel: .post, date: CivilDate(2024, 2, 3))
/// Receipt(s, calendar: cal).date                               // 2024-02-03 (Art. 31: the day signed for)
/// Receipt(s, calendar: cal, rule: .agencyGuide(.standard)).date // 2024-02-04, itself day 1
/// ```
public struct Receipt: Hashable, Sendable, Codable {
    public var submission: Submission
    /// The rule the receipt was decided under (Art. 31 unless the agency's 指南 sets its own).
    public var rule: ReceiptRule
    /// The receipt date.
    public var date: CivilDate
    /// True when the agency's rule moved the receipt to `date`; `date` is then day 1 of every period.
    public var deferredByAgencyRule: Bool
    /// The days between submission and a deferred receipt, explained (empty under Art. 31).
    public var trail: [TrailDay]

    public init(_ submission: Submission, calendar: WorkingDayCalendar, rule: ReceiptRule = .article31) {
        self.submission = submission
        self.rule = rule
        let d = submission.date
        let kind = calendar.kind(of: d)
        guard case .agencyGuide(let hours) = rule,
            !kind.isWorkingDay || (submission.time.map { $0 >= hours.closing } ?? false)
        else {
            date = d
            deferredByAgencyRule = false
            trail = []
            return
        }
        let outside = !kind.isWorkingDay ? "非工作日（\(kind.explanation)）" : "\(submission.time!) 在下班（\(hours.closing)）之后"
        let why = "\(submission.channel.label)，\(submission.channel.statutoryDate)\(outside)；依本机关《指南》"
            + "非工作时间提交的以下一工作日为收到之日（本机关规则，非第三十一条）"
        var lines = [TrailDay(date: d, kind: .submitted, reason: why)]
        var next = d.adding(days: 1)
        while !calendar.isWorkingDay(next) {
            let k = calendar.kind(of: next)
            lines.append(TrailDay(date: next, kind: k.isHoliday ? .holiday : .weekend, reason: k.explanation))
            next = next.adding(days: 1)
        }
        date = next
        deferredByAgencyRule = true
        trail = lines
    }

    private enum CodingKeys: String, CodingKey { case submission, rule, date, deferredByAgencyRule, trail }

    /// Decodes a receipt; one stored before the agency's rule existed (no `rule`, no `deferredByAgencyRule`) was
    /// received under Art. 31 and not deferred.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        submission = try c.decode(Submission.self, forKey: .submission)
        rule = try c.decodeIfPresent(ReceiptRule.self, forKey: .rule) ?? .article31
        date = try c.decode(CivilDate.self, forKey: .date)
        deferredByAgencyRule = try c.decodeIfPresent(Bool.self, forKey: .deferredByAgencyRule) ?? false
        trail = try c.decode([TrailDay].self, forKey: .trail)
    }
}

extension DayKind {
    var isHoliday: Bool {
        if case .holiday = self { return true }
        return false
    }
}

/// 网上申请的确认 — Art. 31 (三): an application made online is received on the day both sides confirm it. The
/// agency decides how it confirms: automatically at submission (the portal answers at once), or by a member of
/// staff, who confirms each submission from the 待确认 queue — the receipt date is then the day of that
/// confirmation, and the periods run from it.
///
/// ```swift
/// OnlineConfirmation(rawValue: "byStaff")?.label // "工作人员确认"
/// ```
public enum OnlineConfirmation: String, Hashable, Sendable, Codable, CaseIterable {
    /// 提交即确认 — the submission is confirmed when it is made.
    case automatic
    /// 工作人员确认 — received on the day staff confirm it.
    case byStaff

    public var label: String { self == .automatic ? "提交即确认" : "工作人员确认" }
}
