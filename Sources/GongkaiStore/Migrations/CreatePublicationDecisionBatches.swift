import FluentKit

/// 2026-12-06-08: 双公示 — a batch of 行政许可 / 行政处罚 decisions drafted with a catalogue item
/// (`publication_decision_batches`, one per item): the file as uploaded in the 处理决定台账's format, checked row by
/// row; it enters `administrative_decisions` in the transaction that publishes the item.
struct CreatePublicationDecisionBatches: AsyncMigration {
    var name: String { "2026-12-06-08-CreatePublicationDecisionBatches" }

    func prepare(on database: any Database) async throws {
        try await database.schema("publication_decision_batches")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("publication_id", .int64, .required, .references("publications", "id"))
            .field("file_name", .string, .required)
            .field("csv", .string, .required)
            .field("rows", .int64, .required)
            .field("uploaded_at", .string, .required)
            .field("uploaded_by", .string, .required)
            .unique(on: "publication_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("publication_decision_batches").delete()
    }
}
