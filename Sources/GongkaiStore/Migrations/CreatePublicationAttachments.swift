import FluentKit

/// 2026-12-06-03: the files attached to an item on its way to the catalogue (`publication_attachments`): name, media
/// type, size, SHA-256 and the bytes themselves, so that a backup holds them too. The portal serves one only while
/// its item is visible (`DisclosureRepository.attachment(itemID:_:visibleAt:)`).
struct CreatePublicationAttachments: AsyncMigration {
    var name: String { "2026-12-06-03-CreatePublicationAttachments" }

    func prepare(on database: any Database) async throws {
        try await database.schema("publication_attachments")
            .field("id", .int64, .identifier(auto: true))
            .field("publication_id", .int64, .required, .references("publications", "id"))
            .field("agency_id", .int64, .required, .references("agencies", "id"))
            .field("name", .string, .required)
            .field("media_type", .string, .required)
            .field("size", .int64, .required)
            .field("sha256", .string, .required)
            .field("bytes", .data, .required)
            .field("added_at", .string, .required)
            .field("added_by", .string, .required)
            .create()
        try await database.ddl("CREATE INDEX publication_attachments_publication ON publication_attachments (publication_id, id)")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("publication_attachments").delete()
    }
}
