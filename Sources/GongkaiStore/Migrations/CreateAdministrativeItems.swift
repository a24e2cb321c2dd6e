import FluentKit

/// 2026-11-29-07: 行政许可/处罚/强制/检查/确认/收费/其他 items with valid-from and valid-to.
struct CreateAdministrativeItems: AsyncMigration {
    var name: String { "2026-11-29-07-CreateAdministrativeItems" }

    func prepare(on database: any Database) async throws {
        try await database.schema("administrative_items")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("category", .string, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .unique(on: "agency_id", "code")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema("administrative_items").delete() }
}
