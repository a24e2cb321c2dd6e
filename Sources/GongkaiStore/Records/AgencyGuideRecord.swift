import FluentKit
import Foundation
import GongkaiCore

/// A row of `agency_guides`: one version of an agency's guide, its details as JSON.
final class AgencyGuideRecord: Model, @unchecked Sendable {
    static let schema = "agency_guides"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "version") var version: Int
    @Field(key: "effective_on") var effectiveOn: String
    @Field(key: "details") var details: String

    init() {}

    init(agencyID: Int, version: GuideVersion) throws {
        self.agencyID = agencyID
        self.version = version.version
        effectiveOn = version.effectiveOn.iso
        details = String(decoding: try JSONEncoder().encode(version.details), as: UTF8.self)
    }

    func value() throws -> GuideVersion {
        guard let day = CivilDate(storeText: effectiveOn) else {
            throw StoreError.invalidValue(field: "effective_on", value: effectiveOn, reason: "不是日期")
        }
        return GuideVersion(
            version: version, effectiveOn: day, details: try JSONDecoder().decode(GuideDetails.self, from: Data(details.utf8)))
    }
}
