import FluentKit

/// 2026-12-05-07: published annual reports (年度报告), each a locked snapshot: the report in the public JSON form,
/// its SHA-256, when and by whom it was published. A correction after publication is a new version of the same
/// year with the note saying what changed and why (amendment); earlier versions stay.
struct CreatePublishedReports: AsyncMigration {
    var name: String { "2026-12-05-07-CreatePublishedReports" }

    func prepare(on database: any Database) async throws {
        try await database.schema("published_reports")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("year", .int64, .required)
            .field("version", .int64, .required)
            .field("report_json", .string, .required)
            .field("content_hash", .string, .required)
            .field("published_at", .string, .required)
            .field("published_by", .string, .required)
            .field("amendment_note", .string)
            .unique(on: "agency_id", "year", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("published_reports").delete()
    }
}
