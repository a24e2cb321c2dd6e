import GongkaiCore

/// 年度报告草稿 as stored: its words (the tables come from the registers whenever it is shown or checked), where it
/// stands, who took each step, and its history.
public struct StoredReportDraft: Hashable, Sendable {
    public var id: Int
    public var agencyID: Int
    public var year: Int
    public var state: PublicationState
    public var text: ReportText
    /// What an amendment of a published year changes and why (nil for a first publication).
    public var amendmentNote: String?
    public var author: String
    public var submittedBy: String?
    public var reviewer: String?
    /// The 保密审查 checklist as the reviewer answered it.
    public var answers: ChecklistAnswers?
    public var approver: String?
    /// The version of the published report this draft became, once approved.
    public var publishedVersion: Int?
    public var createdAt: Moment
    public var version: Int
    public var history: [StoredPublication.Event]
}
