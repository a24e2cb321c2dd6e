import FluentKit

/// 2026-12-05-02: the versions of each agency's 政府信息公开指南 (its office, contacts, fee standard and remedies),
/// kept whole: a new version is a new row, so the guide in force on any day can be shown again.
struct CreateAgencyGuides: AsyncMigration {
    var name: String { "2026-12-05-02-CreateAgencyGuides" }

    func prepare(on database: any Database) async throws {
        try await database.schema("agency_guides")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("version", .int64, .required)
            .field("effective_on", .string, .required)
            .field("details", .string, .required)
            .unique(on: "agency_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema("agency_guides").delete() }
}
