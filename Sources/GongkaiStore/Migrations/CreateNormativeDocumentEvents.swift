import FluentKit

/// 2026-12-06-04: what happened to each 规章 and 规范性文件 after it was entered (`normative_document_events`): a repeal
/// (废止), a term set (有效期至), a correction of either — who, when, the values before and after, and the basis or
/// reason. The register row holds the current values; the portal and section II follow them at once.
struct CreateNormativeDocumentEvents: AsyncMigration {
    var name: String { "2026-12-06-04-CreateNormativeDocumentEvents" }

    func prepare(on database: any Database) async throws {
        try await database.schema("normative_document_events")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("document_id", .int64, .required, .references("normative_documents", "id"))
            .field("at", .string, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("before", .string, .required)
            .field("after", .string, .required)
            .field("note", .string, .required)
            .create()
        try await database.ddl("CREATE INDEX normative_document_events_document ON normative_document_events (document_id, id)")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("normative_document_events").delete()
    }
}
