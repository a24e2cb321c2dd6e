import FluentKit

/// 2026-11-29-11: 政府信息公开目录 (索引号 unique per agency).
struct CreateCatalogueItems: AsyncMigration {
    var name: String { "2026-11-29-11-CreateCatalogueItems" }

    func prepare(on database: any Database) async throws {
        try await database.schema("catalogue_items")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("index_number", .string, .required)
            .field("article20_item", .int64, .required)
            .field("title", .string, .required)
            .field("document_number", .string, .required)
            .field("published_on", .string, .required)
            .field("channels", .string, .required)
            .unique(on: "agency_id", "index_number")
            .create()
        try await database.ddl("CREATE INDEX catalogue_items_published ON catalogue_items (agency_id, published_on)")
    }

    func revert(on database: any Database) async throws { try await database.schema("catalogue_items").delete() }
}
