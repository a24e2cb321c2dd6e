import FluentKit

/// 2026-11-29-02: roles and users (each user works in one agency).
struct CreateRolesAndUsers: AsyncMigration {
    var name: String { "2026-11-29-02-CreateRolesAndUsers" }

    func prepare(on database: any Database) async throws {
        try await database.schema("roles")
            .field("id", .int64, .identifier(auto: true))
            .field("name", .string, .required)
            .field("may_view_personal_data", .bool, .required)
            .unique(on: "name")
            .create()
        try await database.schema("users")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required, .references("roles", "name"))
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
        try await database.schema("roles").delete()
    }
}
