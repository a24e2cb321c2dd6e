import FluentKit

/// 2026-11-29-09: 政府集中采购 projects, amounts in fen (exact).
struct CreateProcurementProjects: AsyncMigration {
    var name: String { "2026-11-29-09-CreateProcurementProjects" }

    func prepare(on database: any Database) async throws {
        try await database.schema("procurement_projects")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("name", .string, .required)
            .field("contracted_on", .string, .required)
            .field("amount_fen", .int64, .required)
            .create()
        try await database.ddl(
            "CREATE INDEX procurement_projects_year ON procurement_projects (agency_id, contracted_on)")
    }

    func revert(on database: any Database) async throws { try await database.schema("procurement_projects").delete() }
}
