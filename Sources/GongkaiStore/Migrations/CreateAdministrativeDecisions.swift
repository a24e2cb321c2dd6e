import FluentKit

/// 2026-11-29-08: 处理决定, bulk-imported from enforcement systems; indexed for the per-year count.
struct CreateAdministrativeDecisions: AsyncMigration {
    var name: String { "2026-11-29-08-CreateAdministrativeDecisions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("administrative_decisions")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("item_id", .int64, .required, .references("administrative_items", "id"))
            .field("category", .string, .required)
            .field("decided_on", .string, .required)
            .field("reference", .string, .required)
            .create()
        try await database.ddl(
            "CREATE INDEX administrative_decisions_year ON administrative_decisions (agency_id, decided_on, category)")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("administrative_decisions").delete()
    }
}
