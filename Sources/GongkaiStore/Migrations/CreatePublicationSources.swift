import FluentKit

/// 2026-12-06-05: what became of a 第四十四条 proposal (`publication_sources`): each application of a group of
/// requests for the same information, with the item drafted from it (`publication_id`) or, when the agency decided
/// not to publish it proactively, none and the reason. An application decided on is not proposed again.
struct CreatePublicationSources: AsyncMigration {
    var name: String { "2026-12-06-05-CreatePublicationSources" }

    func prepare(on database: any Database) async throws {
        try await database.schema("publication_sources")
            .field("id", .int64, .identifier(auto: true))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("application_reference", .string, .required)
            .field("publication_id", .int64, .references("publications", "id"))
            .field("decided_at", .string, .required)
            .field("decided_by", .string, .required)
            .field("note", .string, .required)
            .unique(on: "agency_id", "application_reference")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("publication_sources").delete()
    }
}
