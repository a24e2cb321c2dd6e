import FluentKit

/// 2026-12-06-01: proactive publication through 保密审查 (第十七条).
///
/// - `publication_settings`: per agency, the 索引号 pattern, the review checklist (one question a line) and whether
///   the 负责人 approves publication after the review; no row: the defaults.
/// - `publications`: one row per item on its way to the catalogue — its content, its state, who wrote, submitted,
///   reviewed and approved it; once approved, its index serial of the year (unique per agency: never given twice)
///   and the catalogue item it became. `version` guards against a stale form.
/// - `publication_events`: what happened to each, in order (提交, 退回 with comments, 通过, 撤销 with reason …).
/// - `catalogue_items.visible_from` (`YYYY-MM-DD HH:MM`; NULL: from its publication date) and the revocation:
///   the portal shows an item only from that moment and never after it is revoked.
struct CreatePublications: AsyncMigration {
    var name: String { "2026-12-06-01-CreatePublications" }

    func prepare(on database: any Database) async throws {
        try await database.schema("publication_settings")
            .field("agency_id", .int64, .identifier(auto: false), .references("agencies", "id"))
            .field("index_pattern", .string, .required)
            .field("checklist", .string, .required)
            .field("requires_approval", .bool, .required)
            .create()
        try await database.schema("publications")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("state", .string, .required)
            .field("title", .string, .required)
            .field("document_number", .string, .required)
            .field("article20_item", .int64, .required)
            .field("subject", .string, .required)
            .field("written_on", .string)
            .field("formed_on", .string, .required)
            .field("body", .string, .required)
            .field("channels", .string, .required)
            .field("publish_at", .string)
            .field("author", .string, .required)
            .field("submitted_by", .string)
            .field("reviewer", .string)
            .field("answers", .string)
            .field("approver", .string)
            .field("index_year", .int64)
            .field("index_serial", .int64)
            .field("catalogue_item_id", .int64, .references("catalogue_items", "id"))
            .field("created_at", .string, .required)
            .field("version", .int64, .required)
            .unique(on: "agency_id", "index_year", "index_serial")
            .create()
        try await database.ddl("CREATE INDEX publications_state ON publications (agency_id, state)")
        try await database.schema("publication_events")
            .field("id", .int64, .identifier(auto: true))
            .field("publication_id", .int64, .required, .references("publications", "id"))
            .field("at", .string, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("note", .string, .required)
            .create()
        try await database.ddl(
            "CREATE INDEX publication_events_publication ON publication_events (publication_id, id)",
            "ALTER TABLE catalogue_items ADD COLUMN visible_from TEXT",
            "ALTER TABLE catalogue_items ADD COLUMN revoked_at TEXT",
            "ALTER TABLE catalogue_items ADD COLUMN revoke_reason TEXT")
    }

    func revert(on database: any Database) async throws {
        try await database.ddl(
            "ALTER TABLE catalogue_items DROP COLUMN revoke_reason", "ALTER TABLE catalogue_items DROP COLUMN revoked_at",
            "ALTER TABLE catalogue_items DROP COLUMN visible_from")
        try await database.schema("publication_events").delete()
        try await database.schema("publications").delete()
        try await database.schema("publication_settings").delete()
    }
}
