import FluentKit

/// 2026-12-05-08: what a catalogue item's page shows as Chinese sites do, beyond its 索引号, title, 文号 and
/// 发布日期: 主题分类 (`subject`), 成文日期 (`written_on`), 发布机构 (`publisher`, NULL: the agency itself) and the
/// document's text (`body`). All optional: items imported before have none.
struct AddCatalogueItemDetails: AsyncMigration {
    var name: String { "2026-12-05-08-AddCatalogueItemDetails" }

    func prepare(on database: any Database) async throws {
        try await database.ddl(
            "ALTER TABLE catalogue_items ADD COLUMN subject TEXT", "ALTER TABLE catalogue_items ADD COLUMN written_on TEXT",
            "ALTER TABLE catalogue_items ADD COLUMN publisher TEXT", "ALTER TABLE catalogue_items ADD COLUMN body TEXT")
    }

    func revert(on database: any Database) async throws {
        try await database.ddl(
            "ALTER TABLE catalogue_items DROP COLUMN body", "ALTER TABLE catalogue_items DROP COLUMN publisher",
            "ALTER TABLE catalogue_items DROP COLUMN written_on", "ALTER TABLE catalogue_items DROP COLUMN subject")
    }
}
