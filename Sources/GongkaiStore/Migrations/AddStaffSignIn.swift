import FluentKit

/// 2026-12-05-03: signing in. Each user gets a password hash (bcrypt; none until one is set, and a user without
/// one cannot sign in), a count of failed sign-ins and the minute until which the account is locked; signed-in
/// sessions live in `staff_sessions` (so any app server can answer any request), each stored only as the digest
/// of its token. Times are minute numbers (`Moment.minuteNumber`: minutes since 1970-01-01 00:00, China time).
struct AddStaffSignIn: AsyncMigration {
    var name: String { "2026-12-05-03-AddStaffSignIn" }

    func prepare(on database: any Database) async throws {
        try await database.ddl(
            "ALTER TABLE users ADD COLUMN password_hash TEXT",
            "ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE users ADD COLUMN locked_until BIGINT")
        try await database.schema("staff_sessions")
            .field("id", .int64, .identifier(auto: true))
            .field("token_digest", .string, .required)
            .field("user_id", .int64, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .int64, .required)
            .field("last_seen_at", .int64, .required)
            .unique(on: "token_digest")
            .create()
        try await database.ddl("CREATE INDEX staff_sessions_user ON staff_sessions (user_id)")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("staff_sessions").delete()
        try await database.ddl(
            "ALTER TABLE users DROP COLUMN locked_until", "ALTER TABLE users DROP COLUMN failed_sign_ins",
            "ALTER TABLE users DROP COLUMN password_hash")
    }
}
