import FluentKit

/// 2026-12-05-12: the registers' audit log — every change made to a register through the office (who, when, which
/// register, what: the file imported and how many rows, the row count before and after).
struct CreateRegisterAudit: AsyncMigration {
    var name: String { "2026-12-05-12-CreateRegisterAudit" }

    func prepare(on database: any Database) async throws {
        try await database.schema("register_audit")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("username", .string, .required)
            .field("at", .string, .required)
            .field("register", .string, .required)
            .field("action", .string, .required)
            .field("rows_before", .int64, .required)
            .field("rows_after", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("register_audit").delete()
    }
}
