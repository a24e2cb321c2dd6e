import FluentKit

/// 2026-11-29-01: agencies (name, code, level, region).
struct CreateAgencies: AsyncMigration {
    var name: String { "2026-11-29-01-CreateAgencies" }

    func prepare(on database: any Database) async throws {
        try await database.schema("agencies")
            .field("id", .int64, .identifier(auto: true))
            .field("name", .string, .required)
            .field("code", .string, .required)
            .field("level", .string, .required)
            .field("region", .string, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema("agencies").delete() }
}
