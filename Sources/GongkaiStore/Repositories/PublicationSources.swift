import FluentKit
import GongkaiCore

/// Row of `publication_sources`.
final class PublicationSourceRecord: Model, @unchecked Sendable {
    static let schema = "publication_sources"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "application_reference") var applicationReference: String
    @OptionalField(key: "publication_id") var publicationID: Int?
    @Field(key: "decided_at") var decidedAt: String
    @Field(key: "decided_by") var decidedBy: String
    @Field(key: "note") var note: String

    init() {}
}

extension PublicationRepository {
    /// The applications of the agency a 第四十四条 proposal was decided on (drafted or declined).
    public func decidedRequests() async throws -> Set<String> {
        Set(try await PublicationSourceRecord.query(on: database).filter(\.$agencyID == scope.agencyID).all().map(\.applicationReference))
    }

    /// The applications item `publicationID` was drafted from, in order.
    public func sources(of publicationID: Int) async throws -> [String] {
        try await PublicationSourceRecord.query(on: database).filter(\.$agencyID == scope.agencyID)
            .filter(\.$publicationID == publicationID).sort(\.$id).all().map(\.applicationReference)
    }

    /// Records the decision on `references`: drafted as `publicationID`, or declined (nil) for `note`. An application
    /// decided on already is refused by the unique index; nothing is written then.
    public func decide(_ references: [String], publicationID: Int?, note: String, at moment: Moment) async throws {
        try await database.transaction { db in try await insertSources(references, publicationID: publicationID, note: note, at: moment, on: db) }
    }

    func insertSources(_ references: [String], publicationID: Int?, note: String, at moment: Moment, on db: any Database) async throws {
        for reference in references {
            let r = PublicationSourceRecord()
            (r.agencyID, r.applicationReference, r.publicationID) = (scope.agencyID, reference, publicationID)
            (r.decidedAt, r.decidedBy, r.note) = (moment.description, scope.actor, note)
            try await r.create(on: db)
        }
    }
}
