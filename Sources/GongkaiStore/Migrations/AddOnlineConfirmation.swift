import FluentKit

/// 2026-12-05-05: how an agency confirms applications made online (Art. 31: received on the day both sides
/// confirm) — `agencies.online_confirmation`, `automatic` (the only way before) or `byStaff` — and the submissions
/// waiting for staff to confirm them: `pending_applications` holds each as submitted (the intake as JSON, with the
/// applicant's name and request for the queue) under its tracking code, until it is confirmed and becomes a case
/// (`reference`, who confirmed it and when; the row is kept as the record of the submission).
struct AddOnlineConfirmation: AsyncMigration {
    var name: String { "2026-12-05-05-AddOnlineConfirmation" }

    func prepare(on database: any Database) async throws {
        try await database.ddl("ALTER TABLE agencies ADD COLUMN online_confirmation TEXT NOT NULL DEFAULT 'automatic'")
        try await database.schema("pending_applications")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("tracking_code", .string, .required)
            .field("submitted_at", .string, .required)
            .field("applicant_name", .string, .required)
            .field("description", .string, .required)
            .field("intake", .string, .required)
            .field("reference", .string)
            .field("confirmed_by", .string)
            .field("confirmed_at", .string)
            .unique(on: "tracking_code")
            .create()
        try await database.ddl("CREATE INDEX pending_applications_agency ON pending_applications (agency_id, reference)")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pending_applications").delete()
        try await database.ddl("ALTER TABLE agencies DROP COLUMN online_confirmation")
    }
}
