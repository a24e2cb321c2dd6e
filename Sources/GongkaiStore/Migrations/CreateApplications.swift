import FluentKit

/// 2026-11-29-03: applications, with the columns the report counts on and indexes for those counts.
struct CreateApplications: AsyncMigration {
    var name: String { "2026-11-29-03-CreateApplications" }

    func prepare(on database: any Database) async throws {
        try await database.schema("applications")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("reference", .string, .required)
            .field("received_on", .string, .required)
            .field("applicant_kind", .string, .required)
            .field("applicant_name", .string, .required)
            .field("applicant_id_number", .string)
            .field("applicant_phone", .string)
            .field("channel", .string, .required)
            .field("subject", .string, .required)
            .field("outcome", .string)
            .field("closed_on", .string)
            .unique(on: "agency_id", "reference")
            .create()
        try await database.ddl(
            "CREATE INDEX applications_received ON applications (agency_id, received_on, closed_on, applicant_kind)",
            "CREATE INDEX applications_closed ON applications (agency_id, closed_on, outcome, applicant_kind)")
    }

    func revert(on database: any Database) async throws { try await database.schema("applications").delete() }
}
