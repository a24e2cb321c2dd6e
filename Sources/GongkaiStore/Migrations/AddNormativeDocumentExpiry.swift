import FluentKit

/// 2026-12-05-09: 有效期至 of a normative document (`expires_on`; NULL: no term). A document past its term has
/// lapsed (已失效) without being repealed: the portal says so and it no longer counts as 现行有效.
struct AddNormativeDocumentExpiry: AsyncMigration {
    var name: String { "2026-12-05-09-AddNormativeDocumentExpiry" }

    func prepare(on database: any Database) async throws {
        try await database.ddl("ALTER TABLE normative_documents ADD COLUMN expires_on TEXT")
    }

    func revert(on database: any Database) async throws {
        try await database.ddl("ALTER TABLE normative_documents DROP COLUMN expires_on")
    }
}
