import FluentKit

/// 2026-12-05-10: the outbox — messages to applicants (an issued letter's notice), each with its recipient, subject
/// and text, and how its sending went: pending until sent (by the configured transport or, without one, by a
/// member of staff who marks it sent), the attempts, the last error and when to try again. Times are minute numbers.
struct CreateOutbox: AsyncMigration {
    var name: String { "2026-12-05-10-CreateOutbox" }

    func prepare(on database: any Database) async throws {
        try await database.schema("outbox")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("application_reference", .string, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int64, .required)
            .field("last_error", .string)
            .field("created_at", .int64, .required)
            .field("next_attempt_at", .int64, .required)
            .field("sent_at", .int64)
            .field("sent_by", .string)
            .create()
        try await database.ddl("CREATE INDEX outbox_due ON outbox (status, next_attempt_at)")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").delete()
    }
}
