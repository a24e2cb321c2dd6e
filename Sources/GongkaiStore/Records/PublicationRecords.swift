import FluentKit
import Foundation
import GongkaiCore

/// Row of `publication_settings`.
final class PublicationSettingsRecord: Model, @unchecked Sendable {
    static let schema = "publication_settings"
    @ID(custom: "agency_id", generatedBy: .user) var id: Int?
    @Field(key: "index_pattern") var indexPattern: String
    @Field(key: "checklist") var checklist: String
    @Field(key: "requires_approval") var requiresApproval: Bool

    init() {}

    init(agencyID: Int, _ s: PublicationSettings) {
        id = agencyID
        indexPattern = s.indexPattern.text
        checklist = s.checklist.lines
        requiresApproval = s.requiresApproval
    }

    /// The settings; a pattern or list made invalid by hand falls back to the default.
    func value() -> PublicationSettings {
        PublicationSettings(
            indexPattern: (try? IndexNumberPattern(indexPattern)) ?? .standard,
            checklist: (try? ConfidentialityChecklist(lines: checklist)) ?? .standard, requiresApproval: requiresApproval)
    }
}

/// Row of `publications`.
final class PublicationRecord: Model, @unchecked Sendable {
    static let schema = "publications"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "state") var state: String
    @Field(key: "title") var title: String
    @Field(key: "document_number") var documentNumber: String
    @Field(key: "article20_item") var article20Item: Int
    @Field(key: "subject") var subject: String
    @OptionalField(key: "written_on") var writtenOn: String?
    @Field(key: "formed_on") var formedOn: String
    @Field(key: "body") var body: String
    @Field(key: "channels") var channels: String
    @OptionalField(key: "publish_at") var publishAt: String?
    @Field(key: "author") var author: String
    @OptionalField(key: "submitted_by") var submittedBy: String?
    @OptionalField(key: "reviewer") var reviewer: String?
    @OptionalField(key: "answers") var answers: String?
    @OptionalField(key: "approver") var approver: String?
    @OptionalField(key: "index_year") var indexYear: Int?
    @OptionalField(key: "index_serial") var indexSerial: Int?
    @OptionalField(key: "catalogue_item_id") var catalogueItemID: Int?
    @Field(key: "created_at") var createdAt: String
    @Field(key: "version") var version: Int
    @OptionalField(key: "document_kind") var documentKind: String?
    /// NULL: 主动公开 (rows older than the column).
    @OptionalField(key: "disclosure") var disclosure: String?
    @OptionalField(key: "withholding_ground") var withholdingGround: Int?
    @OptionalField(key: "withholding_note") var withholdingNote: String?

    init() {}

    init(agencyID: Int, content: PublicationContent, author: String, at moment: Moment) {
        self.agencyID = agencyID
        state = PublicationState.draft.rawValue
        self.author = author
        createdAt = moment.description
        version = 1
        set(content)
    }

    func set(_ c: PublicationContent) {
        title = c.title
        documentNumber = c.documentNumber
        article20Item = c.article20Item
        subject = c.subject
        writtenOn = c.writtenOn?.iso
        formedOn = c.formedOn.iso
        body = c.body
        channels = c.channels.joined(separator: "、")
        publishAt = c.publishAt?.description
        documentKind = c.documentKind?.rawValue
        disclosure = c.disclosure.rawValue
        withholdingGround = c.withholdingGround?.rawValue
        withholdingNote = c.withholdingNote.isEmpty ? nil : c.withholdingNote
    }

    var content: PublicationContent {
        PublicationContent(
            title: title, documentNumber: documentNumber, article20Item: article20Item, subject: subject,
            writtenOn: writtenOn.flatMap(CivilDate.init(storeText:)), formedOn: CivilDate(storeText: formedOn) ?? CivilDate(1970, 1, 1),
            body: body, channels: channels.split(separator: "、").map(String.init), publishAt: publishAt.flatMap(Moment.init(parsing:)),
            documentKind: documentKind.flatMap(DocumentKind.init(rawValue:)),
            disclosure: disclosure.flatMap(DisclosureAttribute.init(rawValue:)) ?? .proactive,
            withholdingGround: withholdingGround.flatMap(WithheldReason.init(rawValue:)), withholdingNote: withholdingNote ?? "")
    }

    var storedAnswers: ChecklistAnswers? {
        get { answers.flatMap { try? JSONDecoder().decode(ChecklistAnswers.self, from: Data($0.utf8)) } }
        set { answers = newValue.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) } }
    }
}

/// Row of `publication_events`.
final class PublicationEventRecord: Model, @unchecked Sendable {
    static let schema = "publication_events"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "publication_id") var publicationID: Int
    @Field(key: "at") var at: String
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "note") var note: String

    init() {}

    init(publicationID: Int, at: Moment, actor: String, action: String, note: String) {
        self.publicationID = publicationID
        self.at = at.description
        self.actor = actor
        self.action = action
        self.note = note
    }
}
