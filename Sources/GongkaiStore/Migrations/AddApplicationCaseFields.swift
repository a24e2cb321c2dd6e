import FluentKit

/// 2026-12-04-01: the application stored whole — tracking code, submission moment, applicant details, the request,
/// delivery, and an optimistic version; events gain who recorded them and when. Every new column is nullable (or
/// has a default), so rows imported from the applications register stay valid.
struct AddApplicationCaseFields: AsyncMigration {
    var name: String { "2026-12-04-01-AddApplicationCaseFields" }

    static let applicationColumns = [
        "tracking_code", "submitted_on", "submitted_at", "applicant_id_type", "applicant_credit_code",
        "applicant_legal_representative", "applicant_contact_person", "applicant_email", "applicant_address",
        "applicant_postcode", "document_title", "document_number", "index_number", "delivery_medium",
        "delivery_method",
    ]
    static let eventColumns = ["actor", "recorded_at"]

    func prepare(on database: any Database) async throws {
        for c in Self.applicationColumns { try await database.ddl("ALTER TABLE applications ADD COLUMN \(c) TEXT") }
        try await database.ddl(
            "ALTER TABLE applications ADD COLUMN version BIGINT NOT NULL DEFAULT 0",
            "CREATE UNIQUE INDEX applications_tracking_code ON applications (tracking_code)")
        for c in Self.eventColumns { try await database.ddl("ALTER TABLE application_events ADD COLUMN \(c) TEXT") }
    }

    func revert(on database: any Database) async throws {
        try await database.ddl("DROP INDEX applications_tracking_code")
        for c in Self.eventColumns { try await database.ddl("ALTER TABLE application_events DROP COLUMN \(c)") }
        for c in Self.applicationColumns + ["version"] {
            try await database.ddl("ALTER TABLE applications DROP COLUMN \(c)")
        }
    }
}
