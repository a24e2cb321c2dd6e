import Foundation
import GongkaiCore

/// 拟公开信息 — what an author writes of an item to be published: the catalogue's fields, the day the information
/// was formed or changed (第二十六条's clock starts there) and when it should appear (nil: as soon as approved).
public struct PublicationContent: Hashable, Sendable {
    public var title: String
    public var documentNumber: String
    /// 第二十条第（N）项, 1–15.
    public var article20Item: Int
    public var subject: String
    public var writtenOn: CivilDate?
    /// 形成或者变更日期 (第二十六条).
    public var formedOn: CivilDate
    public var body: String
    public var channels: [String]
    /// 定时发布: the moment the portal first shows it; nil or a moment already past: at approval.
    public var publishAt: Moment?
    /// A 规章 or 规范性文件 (第二十条第（一）项): on publication it enters that register too, made on its 成文日期 and
    /// published on the day it appears, so that section II counts it. nil: another kind of information.
    public var documentKind: DocumentKind?
    /// 公开属性: 主动公开 (its content on the portal), 依申请公开 (its entry only in the 目录) or 不予公开 (not listed).
    public var disclosure: DisclosureAttribute
    /// 不予公开的理由 — the ground (第十四条至第十六条) and the author's explanation; nil and empty otherwise.
    public var withholdingGround: WithheldReason?
    public var withholdingNote: String

    public init(
        title: String, documentNumber: String = "", article20Item: Int, subject: String = "", writtenOn: CivilDate? = nil,
        formedOn: CivilDate, body: String = "", channels: [String] = ["政府网站"], publishAt: Moment? = nil,
        documentKind: DocumentKind? = nil, disclosure: DisclosureAttribute = .proactive, withholdingGround: WithheldReason? = nil,
        withholdingNote: String = ""
    ) {
        self.documentKind = documentKind
        self.disclosure = disclosure
        self.withholdingGround = withholdingGround
        self.withholdingNote = withholdingNote
        self.title = title
        self.documentNumber = documentNumber
        self.article20Item = article20Item
        self.subject = subject
        self.writtenOn = writtenOn
        self.formedOn = formedOn
        self.body = body
        self.channels = channels
        self.publishAt = publishAt
    }

    /// 不予公开的理由 as the page and the history state it: "属于四类过程性信息（条例第十六条第二款）；说明"; empty
    /// for information to be disclosed.
    public var withholdingReason: String {
        guard let ground = withholdingGround else { return "" }
        return (["\(ground.label)（条例\(ground.article)）", withholdingNote].filter { !$0.isEmpty }).joined(separator: "；")
    }
}

/// 发布记录 — one item on its way to the catalogue: content, state, the people of each step, its history and, once
/// approved, the catalogue item it became (with its 索引号).
public struct StoredPublication: Hashable, Sendable {
    public struct Event: Hashable, Sendable {
        public var at: Moment
        public var actor: String
        /// 起草, 修改, 提交审查, 审查通过, 退回修改, 不予公开, 同意发布, 撤销发布.
        public var action: String
        /// The return's comments, the withholding's reasons, the revocation's reason; empty otherwise.
        public var note: String
    }

    public var id: Int
    public var agencyID: Int
    public var state: PublicationState
    public var content: PublicationContent
    public var author: String
    public var submittedBy: String?
    public var reviewer: String?
    /// The reviewer's answers to the checklist (after a review).
    public var answers: ChecklistAnswers?
    public var approver: String?
    /// The catalogue item it became (approved or revoked).
    public var catalogueItem: CatalogueItem?
    public var createdAt: Moment
    public var version: Int
    public var history: [Event]
}

/// 发布设置 — an agency's rules for publishing: its 索引号 pattern, its 保密审查 checklist and whether the 负责人
/// approves publication after the review.
public struct PublicationSettings: Hashable, Sendable {
    public var indexPattern: IndexNumberPattern
    public var checklist: ConfidentialityChecklist
    public var requiresApproval: Bool

    public init(indexPattern: IndexNumberPattern = .standard, checklist: ConfidentialityChecklist = .standard, requiresApproval: Bool = false) {
        self.indexPattern = indexPattern
        self.checklist = checklist
        self.requiresApproval = requiresApproval
    }
}

/// 附件 of an item, as listed (without its bytes).
public struct PublicationAttachment: Hashable, Sendable {
    public var id: Int
    public var name: String
    public var mediaType: String
    public var size: Int
    public var sha256: String
    public var addedAt: Moment
    public var addedBy: String
}

/// A file to attach, checked (`AttachmentRules` in the office): its name, media type, bytes and their SHA-256.
public struct AttachmentFile: Hashable, Sendable {
    public var name: String
    public var mediaType: String
    public var bytes: Data
    public var sha256: String

    public init(name: String, mediaType: String, bytes: Data, sha256: String) {
        (self.name, self.mediaType, self.bytes, self.sha256) = (name, mediaType, bytes, sha256)
    }
}

extension StoredPublication {
    /// Whether 第二十六条's 20 working days are counted for it: information to be disclosed proactively
    /// (`DisclosureAttribute.hasPublicationClock`) that is neither withheld nor revoked.
    public var clockRuns: Bool { content.disclosure.hasPublicationClock && ![.withheld, .revoked].contains(state) }

    /// 第二十六条's clock on `day`, against the day its catalogue entry appeared (if it has); nil where it does not run.
    public func timeliness(on day: CivilDate, calendar: WorkingDayCalendar) throws -> PublicationTimeliness? {
        guard clockRuns else { return nil }
        return try PublicationClock.timeliness(
            formedOn: content.formedOn, publishedOn: catalogueItem?.publishedOn, on: day, calendar: calendar)
    }
}
