import FluentKit

/// 2026-11-29-04: the append-only event log of applications (seq is 1, 2, … per application).
struct CreateApplicationEvents: AsyncMigration {
    var name: String { "2026-11-29-04-CreateApplicationEvents" }

    func prepare(on database: any Database) async throws {
        try await database.schema("application_events")
            .field("id", .int64, .identifier(auto: true))
            .field("application_id", .int64, .required, .references("applications", "id", onDelete: .cascade))
            .field("seq", .int64, .required)
            .field("kind", .string, .required)
            .field("occurred_on", .string, .required)
            .field("payload", .string, .required)
            .unique(on: "application_id", "seq")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema("application_events").delete() }
}
