/// 救济途径 — what an answer letter tells the applicant about remedies (Art. 51): the body to apply to for
/// 行政复议 and the court for 行政诉讼, with the periods.
///
/// Periods: 行政复议法（2023 修订）第二十条 — 60 days from the day the applicant knew of the act; 行政诉讼法第四十六条 —
/// 6 months. The body: since 2024-01-01 (行政复议法 2023 修订 第二十四条) a county-level or higher government's
/// department is generally reviewed by the 本级人民政府; the exceptions (第二十七条: 海关、金融、外汇管理等实行垂直领导的
/// 机关、税务和国家安全机关 — reviewed by the authority one level up) are set per agency, in its settings.
///
/// ```swift
/// let r = Remedies(reconsiderationBody: "某市某区人民政府", court: "某市某区人民法院")
/// r.letterText // "如对本答复不服，可以在收到本答复之日起60日内向某市某区人民政府申请行政复议，……"
/// ```
public struct Remedies: Hashable, Sendable, Codable {
    /// 行政复议法第二十条 — 60 days to apply for reconsideration.
    public static let reconsiderationDays = 60
    /// 行政诉讼法第四十六条 — 6 months to sue.
    public static let litigationMonths = 6

    /// 行政复议机关 — generally the 本级人民政府 (行政复议法第二十四条); for a vertically led agency, its superior.
    public var reconsiderationBody: String
    /// 行政诉讼的管辖法院 — the court named in the letter.
    public var court: String

    public init(reconsiderationBody: String, court: String) {
        self.reconsiderationBody = reconsiderationBody
        self.court = court
    }

    /// The default for a department of a county-level or higher government: reviewed by that government.
    public static func department(ofGovernment government: String, court: String) -> Remedies {
        Remedies(reconsiderationBody: government, court: court)
    }

    /// The sentence an answer letter closes with.
    public var letterText: String {
        "如对本答复不服，可以在收到本答复之日起\(Self.reconsiderationDays)日内向\(reconsiderationBody)申请行政复议，"
            + "或者在\(Self.litigationMonths)个月内向\(court)提起行政诉讼。"
    }
}
