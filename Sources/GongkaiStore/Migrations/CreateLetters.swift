import FluentKit

/// 2026-12-05-04: letters (文书). Each row is one letter of one application, tied to the event it answers
/// (`event_seq`, the event's place in the log): a draft until issued, then locked with its number in the agency's
/// series for the year (`number_prefix`〔`number_year`〕第`number_seq`号; unique per agency, so two letters issued at
/// once cannot share a number). A correction is a new row naming the one it replaces (`replaces_id`). Each agency
/// gets its letter prefix (机关代字, e.g. 大应急公开); NULL means the default, its name followed by 公开.
struct CreateLetters: AsyncMigration {
    var name: String { "2026-12-05-04-CreateLetters" }

    func prepare(on database: any Database) async throws {
        try await database.ddl("ALTER TABLE agencies ADD COLUMN letter_prefix TEXT")
        try await database.schema("letters")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("application_id", .int64, .required, .references("applications", "id"))
            .field("event_seq", .int64, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("title", .string, .required)
            .field("addressee", .string, .required)
            .field("body", .string, .required)
            .field("signatory", .string, .required)
            .field("letter_date", .string, .required)
            .field("number_prefix", .string)
            .field("number_year", .int64)
            .field("number_seq", .int64)
            .field("replaces_id", .int64, .references("letters", "id"))
            .field("correction_reason", .string)
            .field("drafted_by", .string, .required)
            .field("drafted_at", .string, .required)
            .field("issued_by", .string)
            .field("issued_at", .string)
            .field("version", .int64, .required)
            .unique(on: "agency_id", "number_year", "number_seq")
            .create()
        try await database.ddl("CREATE INDEX letters_application ON letters (application_id, event_seq)")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("letters").delete()
        try await database.ddl("ALTER TABLE agencies DROP COLUMN letter_prefix")
    }
}
