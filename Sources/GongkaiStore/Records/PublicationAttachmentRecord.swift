import FluentKit
import Foundation
import GongkaiCore

/// Row of `publication_attachments`.
final class PublicationAttachmentRecord: Model, @unchecked Sendable {
    static let schema = "publication_attachments"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "publication_id") var publicationID: Int
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "name") var name: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "bytes") var bytes: Data
    @Field(key: "added_at") var addedAt: String
    @Field(key: "added_by") var addedBy: String

    init() {}

    init(publicationID: Int, agencyID: Int, file: AttachmentFile, by user: String, at moment: Moment) {
        (self.publicationID, self.agencyID, name, mediaType) = (publicationID, agencyID, file.name, file.mediaType)
        (size, sha256, bytes, addedAt, addedBy) = (file.bytes.count, file.sha256, file.bytes, moment.description, user)
    }

    var value: PublicationAttachment {
        PublicationAttachment(
            id: id ?? 0, name: name, mediaType: mediaType, size: size, sha256: sha256,
            addedAt: Moment(parsing: addedAt) ?? Moment(minuteNumber: 0), addedBy: addedBy)
    }
}
