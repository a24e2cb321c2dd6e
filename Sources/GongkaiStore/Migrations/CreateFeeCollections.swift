import FluentKit

/// 2026-11-29-10: 行政事业性收费 collections, amounts in fen.
struct CreateFeeCollections: AsyncMigration {
    var name: String { "2026-11-29-10-CreateFeeCollections" }

    func prepare(on database: any Database) async throws {
        try await database.schema("fee_collections")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("item_id", .int64, .references("administrative_items", "id"))
            .field("collected_on", .string, .required)
            .field("amount_fen", .int64, .required)
            .create()
        try await database.ddl("CREATE INDEX fee_collections_year ON fee_collections (agency_id, collected_on)")
    }

    func revert(on database: any Database) async throws { try await database.schema("fee_collections").delete() }
}
