/// 申请内容 — Art. 29 (二): the information sought, described, with its title, 文号 and 索引号 when known.
///
/// ```swift
/// InformationRequest(description: "2023年某路段施工许可", documentNumber: "京兴应急发〔2023〕3号")
/// ```
public struct InformationRequest: Hashable, Sendable, Codable {
    /// 所需信息的描述
    public var description: String
    /// 文件名称
    public var documentTitle: String?
    /// 文号
    public var documentNumber: String?
    /// 索引号
    public var indexNumber: String?

    public init(
        description: String = "", documentTitle: String? = nil, documentNumber: String? = nil,
        indexNumber: String? = nil
    ) {
        self.description = description
        self.documentTitle = documentTitle
        self.documentNumber = documentNumber
        self.indexNumber = indexNumber
    }
}

/// 获取信息的方式 — Art. 29 (三): the form asked for (载体) and how it is handed over (途径).
///
/// ```swift
/// Delivery(medium: .paper, method: .post)
/// Delivery(medium: DeliveryMedium(rawValue: "U盘"), method: .pickUp) // other forms are accepted as written
/// ```
public struct Delivery: Hashable, Sendable, Codable {
    public var medium: DeliveryMedium
    public var method: DeliveryMethod

    public init(medium: DeliveryMedium, method: DeliveryMethod) {
        self.medium = medium
        self.method = method
    }
}

/// 信息载体 — 纸质, 电子, 光盘, or another form as written.
///
/// ```swift
/// DeliveryMedium.disc.rawValue // "光盘"
/// ```
public struct DeliveryMedium: RawRepresentable, Hashable, Sendable, Codable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// 纸质
    public static let paper = DeliveryMedium(rawValue: "纸质")
    /// 电子
    public static let electronic = DeliveryMedium(rawValue: "电子")
    /// 光盘
    public static let disc = DeliveryMedium(rawValue: "光盘")
}

/// 获取方式 — 自取, 邮寄, 电子邮件, 传真, 现场查阅, or another way as written.
///
/// ```swift
/// DeliveryMethod.inspectOnSite.rawValue // "现场查阅"
/// ```
public struct DeliveryMethod: RawRepresentable, Hashable, Sendable, Codable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// 自取
    public static let pickUp = DeliveryMethod(rawValue: "自取")
    /// 邮寄
    public static let post = DeliveryMethod(rawValue: "邮寄")
    /// 电子邮件
    public static let email = DeliveryMethod(rawValue: "电子邮件")
    /// 传真
    public static let fax = DeliveryMethod(rawValue: "传真")
    /// 现场查阅
    public static let inspectOnSite = DeliveryMethod(rawValue: "现场查阅")
}

/// 时刻 — a date and a time of day in the agency's local time (always passed in; the core reads no clock).
///
/// ```swift
/// Moment(parsing: "2024-03-04 09:30")!.description // "2024-03-04 09:30"
/// ```
public struct Moment: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var date: CivilDate
    public var time: TimeOfDay

    public init(date: CivilDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DD HH:MM` (a `T` between them is accepted), or nil.
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let d = CivilDate(parsing: String(parts[0])),
            let t = TimeOfDay(parsing: String(parts[1]))
        else { return nil }
        self.init(date: d, time: t)
    }

    public var description: String { "\(date) \(time)" }

    public static func < (a: Moment, b: Moment) -> Bool { (a.date, a.time) < (b.date, b.time) }

    /// Minutes since 1970-01-01 00:00 of the same local time: stored times and spans in minutes
    /// (`Moment(minuteNumber: m.minuteNumber + 15)` is a quarter of an hour later).
    public var minuteNumber: Int { date.dayNumber * 1440 + time.hour * 60 + time.minute }

    public init(minuteNumber: Int) {
        let (day, minute) = (minuteNumber.quotientAndRemainder(dividingBy: 1440))
        let (d, m) = minute < 0 ? (day - 1, minute + 1440) : (day, minute)
        self.init(date: CivilDate(dayNumber: d), time: TimeOfDay(hour: m / 60, minute: m % 60)!)
    }
}

/// 事件记录 — one line of a case's append-only log: the event, the moment it was recorded and who recorded it.
///
/// `recordedAt` is nil only for events brought in from a register that did not keep it (a CSV import).
///
/// ```swift
/// CaseLogEntry(ApplicationEvent(CivilDate(2024, 3, 4), .received), actor: "li",
///              recordedAt: Moment(parsing: "2024-03-04 09:30"))
/// ```
public struct CaseLogEntry: Hashable, Sendable, Codable {
    public var event: ApplicationEvent
    /// The user who recorded it (empty when unknown).
    public var actor: String
    public var recordedAt: Moment?

    public init(_ event: ApplicationEvent, actor: String = "", recordedAt: Moment? = nil) {
        self.event = event
        self.actor = actor
        self.recordedAt = recordedAt
    }
}
