import FluentKit
import Foundation
import GongkaiCore

/// Row of `report_drafts`.
final class ReportDraftRecord: Model, @unchecked Sendable {
    static let schema = "report_drafts"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "year") var year: Int
    @OptionalField(key: "open_year") var openYear: Int?
    @Field(key: "state") var state: String
    @Field(key: "text") var text: String
    @OptionalField(key: "amendment_note") var amendmentNote: String?
    @Field(key: "author") var author: String
    @OptionalField(key: "submitted_by") var submittedBy: String?
    @OptionalField(key: "reviewer") var reviewer: String?
    @OptionalField(key: "answers") var answers: String?
    @OptionalField(key: "approver") var approver: String?
    @OptionalField(key: "published_version") var publishedVersion: Int?
    @Field(key: "created_at") var createdAt: String
    @Field(key: "version") var version: Int

    init() {}

    init(agencyID: Int, year: Int, text: ReportText, amendmentNote: String?, author: String, at moment: Moment) throws {
        self.agencyID = agencyID
        self.year = year
        openYear = year
        state = PublicationState.draft.rawValue
        self.amendmentNote = amendmentNote
        self.author = author
        createdAt = moment.description
        version = 1
        try setText(text)
    }

    func setText(_ value: ReportText) throws {
        text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    func value(history: [StoredPublication.Event]) throws -> StoredReportDraft {
        StoredReportDraft(
            id: id ?? 0, agencyID: agencyID, year: year, state: PublicationState(rawValue: state) ?? .draft,
            text: try JSONDecoder().decode(ReportText.self, from: Data(text.utf8)), amendmentNote: amendmentNote,
            author: author, submittedBy: submittedBy, reviewer: reviewer,
            answers: answers.flatMap { try? JSONDecoder().decode(ChecklistAnswers.self, from: Data($0.utf8)) },
            approver: approver, publishedVersion: publishedVersion, createdAt: Moment(parsing: createdAt) ?? Moment(minuteNumber: 0),
            version: version, history: history)
    }
}

/// Row of `report_draft_events`.
final class ReportDraftEventRecord: Model, @unchecked Sendable {
    static let schema = "report_draft_events"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "draft_id") var draftID: Int
    @Field(key: "at") var at: String
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "note") var note: String

    init() {}

    init(draftID: Int, at: Moment, actor: String, action: String, note: String) {
        (self.draftID, self.at, self.actor, self.action, self.note) = (draftID, at.description, actor, action, note)
    }

    var event: StoredPublication.Event {
        StoredPublication.Event(at: Moment(parsing: at) ?? Moment(minuteNumber: 0), actor: actor, action: action, note: note)
    }
}
