import FluentKit
import GongkaiCore

/// Row of `letter_templates`.
final class LetterTemplateRecord: Model, @unchecked Sendable {
    static let schema = "letter_templates"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "kind") var kind: String
    @Field(key: "body") var body: String
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: String

    init() {}
}

/// The agency's own letter templates (the scope's agency): one per kind, replaced whole, removed to go back to the
/// built-in wording.
public struct LetterTemplateRepository: Sendable {
    let database: any Database
    public let scope: AgencyScope

    public init(database: any Database, scope: AgencyScope) {
        self.database = database
        self.scope = scope
    }

    /// The agency's templates by kind.
    public func all() async throws -> [LetterKind: LetterTemplate] {
        var out: [LetterKind: LetterTemplate] = [:]
        for r in try await query().all() {
            guard let kind = LetterKind(rawValue: r.kind) else { continue }
            out[kind] = LetterTemplate(kind: kind, paragraphs: r.body.split(separator: "\n").map(String.init))
        }
        return out
    }

    /// Stores `template` as the agency's wording of its kind, by the scope's user at `moment`.
    public func save(_ template: LetterTemplate, at moment: Moment) async throws {
        let record = try await query().filter(\.$kind == template.kind.rawValue).first() ?? LetterTemplateRecord()
        (record.agencyID, record.kind, record.body) = (scope.agencyID, template.kind.rawValue, template.paragraphs.joined(separator: "\n"))
        (record.updatedBy, record.updatedAt) = (scope.actor, moment.description)
        try await record.save(on: database)
    }

    /// Removes the agency's wording of `kind` (the built-in one applies again).
    public func remove(_ kind: LetterKind) async throws {
        try await query().filter(\.$kind == kind.rawValue).delete()
    }

    private func query() -> QueryBuilder<LetterTemplateRecord> {
        LetterTemplateRecord.query(on: database).filter(\.$agencyID == scope.agencyID)
    }
}
