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

/// 办公时间 — when the office closes; a submission after closing is received on the next working day.
///
/// Configurable per agency; the default closing time is 17:00 (most offices close at 17:00 or 17:30; set it per agency).
///
/// ```swift
/// OfficeHours(closing: TimeOfDay(hour: 17, minute: 30)!) // an office that closes at 17:30
/// ```
public struct OfficeHours: Hashable, Sendable, Codable {
    /// A submission at or after this time counts as after hours.
    public var closing: TimeOfDay

    public init(closing: TimeOfDay = TimeOfDay(hour: 17, minute: 0)!) { self.closing = closing }

    public static let standard = OfficeHours()
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

/// 收到申请之日 — Art. 31: the receipt date of a submission, moved to the next working day when the
/// channel's date is not a working day or the submission came after office hours.
///
/// ```swift
/// let r = Receipt(Submission(channel: .online, date: CivilDate(2024, 2, 9), time: TimeOfDay(parsing: "18:00")),
///                 calendar: cal)
/// r.date // 2024-02-18 (after hours on the eve of 春节; the 调休 Sunday is a working day)
/// ```
public struct Receipt: Hashable, Sendable, Codable {
    public var submission: Submission
    /// The receipt date (a working day).
    public var date: CivilDate
    /// The days between submission and receipt, explained (empty when received the day submitted).
    public var trail: [TrailDay]

    public init(_ submission: Submission, calendar: WorkingDayCalendar, officeHours: OfficeHours = .standard) {
        self.submission = submission
        let d = submission.date
        let kind = calendar.kind(of: d)
        let afterHours = submission.time.map { $0 >= officeHours.closing } ?? false
        guard !kind.isWorkingDay || afterHours else {
            date = d
            trail = []
            return
        }
        let why =
            !kind.isWorkingDay
            ? "\(submission.channel.label)，\(submission.channel.statutoryDate)为非工作日（\(kind.explanation)），顺延至下一工作日"
            : "\(submission.channel.label)，\(submission.time!) 在办公时间（\(officeHours.closing) 下班）之后，顺延至下一工作日"
        var lines = [TrailDay(date: d, kind: .submitted, reason: why)]
        var next = d.adding(days: 1)
        while !calendar.isWorkingDay(next) {
            let k = calendar.kind(of: next)
            lines.append(TrailDay(date: next, kind: k.isHoliday ? .holiday : .weekend, reason: k.explanation))
            next = next.adding(days: 1)
        }
        date = next
        trail = lines
    }
}

extension DayKind {
    var isHoliday: Bool {
        if case .holiday = self { return true }
        return false
    }
}
