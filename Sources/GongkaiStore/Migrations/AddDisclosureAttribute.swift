import FluentKit

/// 2026-12-06-07: 公开属性. `publications.disclosure` (`proactive`, `onRequest`, `withheld`; NULL: proactive), with
/// `withholding_ground` (不予公开 row 1–7) and `withholding_note` for an item drafted 不予公开; `catalogue_items.disclosure`
/// (NULL: 主动公开; `onRequest`: 依申请公开, listed by its entry alone).
struct AddDisclosureAttribute: AsyncMigration {
    var name: String { "2026-12-06-07-AddDisclosureAttribute" }

    func prepare(on database: any Database) async throws {
        try await database.ddl("ALTER TABLE publications ADD COLUMN disclosure TEXT")
        try await database.ddl("ALTER TABLE publications ADD COLUMN withholding_ground INTEGER")
        try await database.ddl("ALTER TABLE publications ADD COLUMN withholding_note TEXT")
        try await database.ddl("ALTER TABLE catalogue_items ADD COLUMN disclosure TEXT")
    }

    func revert(on database: any Database) async throws {
        try await database.ddl("ALTER TABLE catalogue_items DROP COLUMN disclosure")
        try await database.ddl("ALTER TABLE publications DROP COLUMN withholding_note")
        try await database.ddl("ALTER TABLE publications DROP COLUMN withholding_ground")
        try await database.ddl("ALTER TABLE publications DROP COLUMN disclosure")
    }
}
