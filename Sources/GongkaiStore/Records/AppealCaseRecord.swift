import FluentKit
import GongkaiCore

/// Row of `appeal_cases`; converts to the core `AppealCase`.
final class AppealCaseRecord: Model, @unchecked Sendable {
    static let schema = "appeal_cases"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @OptionalField(key: "application_reference") var applicationReference: String?
    @Field(key: "reference") var reference: String
    @Field(key: "kind") var kind: String
    @Field(key: "filed_on") var filedOn: String
    @OptionalField(key: "result") var result: String?
    @OptionalField(key: "decided_on") var decidedOn: String?
    @OptionalField(key: "body") var body: String?

    init() {}

    init(_ c: AppealCase, agencyID: Int) {
        self.agencyID = agencyID
        applicationReference = c.applicationID
        reference = c.id
        kind = c.kind.rawValue
        filedOn = c.filedOn.iso
        result = c.result?.rawValue
        decidedOn = c.decidedOn?.iso
        body = c.body
    }

    func value() throws -> AppealCase {
        guard let k = AppealKind(rawValue: kind), let filed = CivilDate(storeText: filedOn) else {
            throw StoreError.invalidValue(field: "appeal_cases.\(reference)", value: kind, reason: "记录已损坏")
        }
        return try AppealCase(
            id: reference, applicationID: applicationReference, kind: k, filedOn: filed,
            result: result.flatMap(AppealOutcome.init(rawValue:)),
            decidedOn: decidedOn.flatMap(CivilDate.init(storeText:)), body: body)
    }
}
