import FluentKit

/// 2026-12-05-06: the body an appeal went to — the 行政复议机关 or the court — on each appeal case (NULL for the
/// cases imported before, whose registers did not say).
struct AddAppealBody: AsyncMigration {
    var name: String { "2026-12-05-06-AddAppealBody" }

    func prepare(on database: any Database) async throws {
        try await database.ddl("ALTER TABLE appeal_cases ADD COLUMN body TEXT")
    }

    func revert(on database: any Database) async throws {
        try await database.ddl("ALTER TABLE appeal_cases DROP COLUMN body")
    }
}
