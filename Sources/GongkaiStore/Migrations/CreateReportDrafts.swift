import FluentKit

/// 2026-12-06-02: the annual report drafted, reviewed and approved in the back office.
///
/// - `report_drafts`: one row per draft of one agency's report for one year — its words (`text`, the core's
///   `ReportText` as JSON; the tables are never stored here, they come from the registers), the note of an amendment,
///   its state (the publication states), who wrote, submitted, reviewed (with the checklist's answers) and approved
///   it, and once approved the version of `published_reports` it became. `open_year` is the year while the draft is
///   open and NULL once published, so that an agency has at most one open draft a year. `version` guards against a
///   stale form.
/// - `report_draft_events`: what happened to each draft, in order.
struct CreateReportDrafts: AsyncMigration {
    var name: String { "2026-12-06-02-CreateReportDrafts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("report_drafts")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("year", .int64, .required)
            .field("open_year", .int64)
            .field("state", .string, .required)
            .field("text", .string, .required)
            .field("amendment_note", .string)
            .field("author", .string, .required)
            .field("submitted_by", .string)
            .field("reviewer", .string)
            .field("answers", .string)
            .field("approver", .string)
            .field("published_version", .int64)
            .field("created_at", .string, .required)
            .field("version", .int64, .required)
            .unique(on: "agency_id", "open_year")
            .create()
        try await database.schema("report_draft_events")
            .field("id", .int64, .identifier(auto: true))
            .field("draft_id", .int64, .required, .references("report_drafts", "id"))
            .field("at", .string, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("note", .string, .required)
            .create()
        try await database.ddl(
            "CREATE INDEX report_drafts_year ON report_drafts (agency_id, year)",
            "CREATE INDEX report_draft_events_draft ON report_draft_events (draft_id, id)")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_draft_events").delete()
        try await database.schema("report_drafts").delete()
    }
}
