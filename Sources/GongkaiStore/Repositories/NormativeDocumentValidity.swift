import FluentKit
import GongkaiCore

/// One change of a document's validity as recorded: who, when, what (废止, 更正 …), the values before and after in
/// words, and the basis or reason.
public struct NormativeDocumentEvent: Hashable, Sendable {
    public var at: Moment
    public var actor: String
    public var action: String
    public var before: String
    public var after: String
    public var note: String
}

/// Row of `normative_document_events`.
final class NormativeDocumentEventRecord: Model, @unchecked Sendable {
    static let schema = "normative_document_events"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "document_id") var documentID: Int
    @Field(key: "at") var at: String
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "before") var before: String
    @Field(key: "after") var after: String
    @Field(key: "note") var note: String

    init() {}

    var value: NormativeDocumentEvent {
        NormativeDocumentEvent(
            at: Moment(parsing: at) ?? Moment(minuteNumber: 0), actor: actor, action: action, before: before, after: after, note: note)
    }
}

extension DisclosureRepository {
    /// The agency's 规章 and 规范性文件, the latest made first.
    public func normativeDocuments() async throws -> [NormativeDocument] {
        try await NormativeDocumentRecord.query(on: database).filter(\.$agencyID == agencyID).sort(\.$madeOn, .descending)
            .sort(\.$id, .descending).all().compactMap { $0.value() }
    }

    /// Document `id` of the agency with its history (oldest first), or nil.
    public func normativeDocument(id: Int) async throws -> (NormativeDocument, [NormativeDocumentEvent])? {
        guard let record = try await NormativeDocumentRecord.query(on: database).filter(\.$agencyID == agencyID).filter(\.$id == id).first(),
            let document = record.value()
        else { return nil }
        let events = try await NormativeDocumentEventRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$documentID == id).sort(\.$id).all()
        return (document, events.map(\.value))
    }

    /// Sets document `id`'s 废止日期 and 有效期至 (nil: none), read as `expected`: the row, its event (the values
    /// before and after in words, `action`, `note`) and the registers' change log, in one transaction. A document
    /// changed meanwhile is refused (`StoreError.conflict`) and nothing is written.
    public func setValidity(
        of id: Int, expected: NormativeDocument, abolishedOn: CivilDate?, expiresOn: CivilDate?, action: String, note: String,
        at moment: Moment
    ) async throws -> NormativeDocument {
        try await database.transaction { db in
            guard let record = try await NormativeDocumentRecord.query(on: db).filter(\.$agencyID == agencyID).filter(\.$id == id).first(),
                let current = record.value()
            else { throw StoreError.notFound("规范性文件 \(id)") }
            guard current == expected else { throw StoreError.changedMeanwhile("规范性文件「\(current.title)」") }
            (record.abolishedOn, record.expiresOn) = (abolishedOn?.iso, expiresOn?.iso)
            try await record.update(on: db)
            let event = NormativeDocumentEventRecord()
            (event.agencyID, event.documentID, event.at, event.actor) = (agencyID, id, moment.description, scope.actor)
            (event.action, event.before, event.after, event.note) = (action, Self.words(current), Self.words(record.value()!), note)
            try await event.create(on: db)
            let rows = try await RegisterAuditRepository(database: db, scope: scope).rowCount(RegisterCatalog.normativeDocuments)
            try await RegisterAuditRepository(database: db, scope: scope).record(
                register: RegisterCatalog.normativeDocuments.name,
                action: "\(action)「\(current.title)」（\(current.documentNumber)）：\(event.before) → \(event.after)；\(note)",
                rowsBefore: rows, rowsAfter: rows, at: moment)
            return record.value()!
        }
    }

    /// "废止日期 2024-03-01，有效期至 无".
    static func words(_ d: NormativeDocument) -> String {
        "废止日期 \(d.abolishedOn?.iso ?? "无")，有效期至 \(d.expiresOn?.iso ?? "无")"
    }
}
