import FluentKit

/// 2026-12-06-06: `publications.document_kind` — an item that is a 规章 (`rule`) or 规范性文件 (`normative`); on
/// publication it enters `normative_documents` too (made on its 成文日期, published the day it appears). NULL: other
/// information.
struct AddPublicationDocumentKind: AsyncMigration {
    var name: String { "2026-12-06-06-AddPublicationDocumentKind" }

    func prepare(on database: any Database) async throws {
        try await database.ddl("ALTER TABLE publications ADD COLUMN document_kind TEXT")
    }

    func revert(on database: any Database) async throws {
        try await database.ddl("ALTER TABLE publications DROP COLUMN document_kind")
    }
}
