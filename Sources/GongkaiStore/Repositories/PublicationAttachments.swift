import FluentKit
import Foundation
import GongkaiCore

extension PublicationRepository {
    /// The attachments of item `publicationID` of the agency, in the order added.
    public func attachments(of publicationID: Int) async throws -> [PublicationAttachment] {
        try await attachmentQuery(database, publicationID).sort(\.$id).all().map(\.value)
    }

    /// Attachment `id` of item `publicationID` with its bytes, or nil.
    public func attachment(_ id: Int, of publicationID: Int) async throws -> (PublicationAttachment, Data)? {
        try await attachmentQuery(database, publicationID).filter(\.$id == id).first().map { ($0.value, $0.bytes) }
    }

    /// Attaches `file` to item `publicationID` (of the agency), by the scope's user.
    public func attach(_ file: AttachmentFile, to publicationID: Int, at moment: Moment) async throws -> PublicationAttachment {
        guard try await find(publicationID) != nil else { throw PublicationStoreError.notFound(publicationID) }
        let record = PublicationAttachmentRecord(publicationID: publicationID, agencyID: scope.agencyID, file: file, by: scope.actor, at: moment)
        try await record.create(on: database)
        return record.value
    }

    /// Removes attachment `id` of item `publicationID`; false when there is none.
    public func detach(_ id: Int, from publicationID: Int) async throws -> Bool {
        guard let record = try await attachmentQuery(database, publicationID).filter(\.$id == id).first() else { return false }
        try await record.delete(on: database)
        return true
    }

    private func attachmentQuery(_ db: any Database, _ publicationID: Int) -> QueryBuilder<PublicationAttachmentRecord> {
        PublicationAttachmentRecord.query(on: db).filter(\.$agencyID == scope.agencyID).filter(\.$publicationID == publicationID)
    }
}

extension DisclosureRepository {
    /// The attachments of catalogue item `itemID` while it is visible at `moment` (none otherwise, and none of a
    /// 依申请公开 item: its content is given on application only).
    public func attachments(itemID: Int, visibleAt moment: Moment) async throws -> [PublicationAttachment] {
        guard let publicationID = try await publicationOf(itemID: itemID, visibleAt: moment) else { return [] }
        return try await PublicationAttachmentRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$publicationID == publicationID).sort(\.$id).all().map(\.value)
    }

    /// Attachment `id` of catalogue item `itemID` with its bytes, only while the item is visible at `moment`: before
    /// its scheduled moment and after its revocation there is none, as for the item itself.
    public func attachment(itemID: Int, _ id: Int, visibleAt moment: Moment) async throws -> (PublicationAttachment, Data)? {
        guard let publicationID = try await publicationOf(itemID: itemID, visibleAt: moment) else { return nil }
        return try await PublicationAttachmentRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$publicationID == publicationID).filter(\.$id == id).first().map { ($0.value, $0.bytes) }
    }

    /// The publication catalogue item `itemID` came from, while the item is visible at `moment` and shows its content.
    func publicationOf(itemID: Int, visibleAt moment: Moment) async throws -> Int? {
        guard let item = try await catalogueItem(itemID, visibleAt: moment), item.disclosure.showsContent else { return nil }
        return try await PublicationRecord.query(on: database).filter(\.$agencyID == agencyID)
            .filter(\.$catalogueItemID == itemID).first()?.id
    }
}
