import FluentKit
import Foundation
import GongkaiCore

/// 双公示 — a batch of decisions drafted with a catalogue item, as uploaded in the 处理决定台账's format.
public struct DecisionBatch: Sendable, Hashable {
    public var fileName: String
    public var csv: String
    /// Rows of the file.
    public var rows: Int
    public var uploadedAt: Moment
    public var uploadedBy: String

    public init(fileName: String, csv: String, rows: Int, uploadedAt: Moment, uploadedBy: String) {
        (self.fileName, self.csv, self.rows, self.uploadedAt, self.uploadedBy) = (fileName, csv, rows, uploadedAt, uploadedBy)
    }
}

/// Row of `publication_decision_batches`.
final class PublicationDecisionBatchRecord: Model, @unchecked Sendable {
    static let schema = "publication_decision_batches"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "publication_id") var publicationID: Int
    @Field(key: "file_name") var fileName: String
    @Field(key: "csv") var csv: String
    @Field(key: "rows") var rows: Int
    @Field(key: "uploaded_at") var uploadedAt: String
    @Field(key: "uploaded_by") var uploadedBy: String

    init() {}

    var value: DecisionBatch {
        DecisionBatch(
            fileName: fileName, csv: csv, rows: rows, uploadedAt: Moment(parsing: uploadedAt) ?? Moment(minuteNumber: 0),
            uploadedBy: uploadedBy)
    }
}

extension PublicationRepository {
    /// The batch of decisions drafted with item `publicationID`, if any.
    public func decisionBatch(of publicationID: Int) async throws -> DecisionBatch? {
        try await batchQuery(database, publicationID).first()?.value
    }

    /// Sets item `publicationID`'s batch (replacing one uploaded before), recorded in its history.
    public func setDecisionBatch(
        _ csv: String, fileName: String, rows: Int, of publicationID: Int, at moment: Moment
    ) async throws {
        try await database.transaction { db in
            let record = try await batchQuery(db, publicationID).first() ?? PublicationDecisionBatchRecord()
            (record.agencyID, record.publicationID, record.fileName, record.csv, record.rows) = (scope.agencyID, publicationID, fileName, csv, rows)
            (record.uploadedAt, record.uploadedBy) = (moment.description, scope.actor)
            try await record.save(on: db)
            try await PublicationEventRecord(
                publicationID: publicationID, at: moment, actor: scope.actor, action: "上传处理决定", note: "\(fileName)，\(rows)条"
            ).create(on: db)
        }
    }

    /// Removes item `publicationID`'s batch; false when it had none.
    public func removeDecisionBatch(of publicationID: Int, at moment: Moment) async throws -> Bool {
        try await database.transaction { db in
            guard let record = try await batchQuery(db, publicationID).first() else { return false }
            try await record.delete(on: db)
            try await PublicationEventRecord(
                publicationID: publicationID, at: moment, actor: scope.actor, action: "删除处理决定", note: record.fileName
            ).create(on: db)
            return true
        }
    }

    private func batchQuery(_ db: any Database, _ publicationID: Int) -> QueryBuilder<PublicationDecisionBatchRecord> {
        PublicationDecisionBatchRecord.query(on: db).filter(\.$agencyID == scope.agencyID).filter(\.$publicationID == publicationID)
    }

    /// Enters item `publicationID`'s batch in `administrative_decisions` on `db` (the transaction that publishes
    /// it), with the registers' change log; a row no longer valid (an item removed, a 文号 taken meanwhile) refuses
    /// the publication with the rows' problems.
    func registerDecisions(of publicationID: Int, title: String, at moment: Moment, on db: any Database) async throws {
        guard let batch = try await batchQuery(db, publicationID).first() else { return }
        let spec = RegisterCatalog.administrativeDecisions
        let audit = RegisterAuditRepository(database: db, scope: scope)
        let before = try await audit.rowCount(spec)
        var random = SystemRandomNumberGenerator()
        let summary = try await RegisterImporter(database: db).importCSV(
            Data(batch.csv.utf8), fileName: batch.fileName, register: spec, scope: scope, skipInvalid: false, random: &random)
        guard summary.issues.isEmpty else { throw PublicationStoreError.decisionsInvalid(summary.issues) }
        guard summary.imported > 0 else { return }
        try await audit.record(
            register: spec.name, action: "发布「\(title)」（双公示）：新增 \(summary.imported) 行", rowsBefore: before,
            rowsAfter: before + summary.imported, at: moment)
    }
}

extension DisclosureRepository {
    /// The batch of decisions published with catalogue item `itemID`, only while the item is visible at `moment`.
    public func decisionBatch(itemID: Int, visibleAt moment: Moment) async throws -> DecisionBatch? {
        guard let publicationID = try await publicationOf(itemID: itemID, visibleAt: moment) else { return nil }
        return try await PublicationDecisionBatchRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$publicationID == publicationID).first()?.value
    }
}
