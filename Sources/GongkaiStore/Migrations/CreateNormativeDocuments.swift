import FluentKit

/// 2026-11-29-06: 规章 and 行政规范性文件 with made, published and abolished dates.
struct CreateNormativeDocuments: AsyncMigration {
    var name: String { "2026-11-29-06-CreateNormativeDocuments" }

    func prepare(on database: any Database) async throws {
        try await database.schema("normative_documents")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("document_number", .string, .required)
            .field("made_on", .string, .required)
            .field("published_on", .string)
            .field("abolished_on", .string)
            .create()
        try await database.ddl("CREATE INDEX normative_documents_agency ON normative_documents (agency_id, kind)")
    }

    func revert(on database: any Database) async throws { try await database.schema("normative_documents").delete() }
}
