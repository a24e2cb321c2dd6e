import FluentKit

/// 2026-12-05-11: an agency's own wording of a kind of letter (`LetterTemplate`), one per agency and kind, the
/// paragraphs one per line; who changed it last and when. No row: the built-in wording.
struct CreateLetterTemplates: AsyncMigration {
    var name: String { "2026-12-05-11-CreateLetterTemplates" }

    func prepare(on database: any Database) async throws {
        try await database.schema("letter_templates")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("kind", .string, .required)
            .field("body", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .string, .required)
            .unique(on: "agency_id", "kind")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("letter_templates").delete()
    }
}
