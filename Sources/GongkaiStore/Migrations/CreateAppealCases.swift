import FluentKit

/// 2026-11-29-05: reconsideration and litigation cases (report section IV).
struct CreateAppealCases: AsyncMigration {
    var name: String { "2026-11-29-05-CreateAppealCases" }

    func prepare(on database: any Database) async throws {
        try await database.schema("appeal_cases")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("application_reference", .string)
            .field("reference", .string, .required)
            .field("kind", .string, .required)
            .field("filed_on", .string, .required)
            .field("result", .string)
            .field("decided_on", .string)
            .unique(on: "agency_id", "reference")
            .create()
        try await database.ddl("CREATE INDEX appeal_cases_filed ON appeal_cases (agency_id, filed_on)")
    }

    func revert(on database: any Database) async throws { try await database.schema("appeal_cases").delete() }
}
