import FluentKit
import GongkaiCore

/// Row of `pending_applications`: an application submitted online to an agency whose staff confirm receipt
/// (Art. 31), kept as submitted until confirmed; then `reference` names the case it became.
final class PendingApplicationRecord: Model, @unchecked Sendable {
    static let schema = "pending_applications"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "tracking_code") var trackingCode: String
    @Field(key: "submitted_at") var submittedAt: String
    @Field(key: "applicant_name") var applicantName: String
    @Field(key: "description") var requestDescription: String
    @Field(key: "intake") var intake: String
    @OptionalField(key: "reference") var reference: String?
    @OptionalField(key: "confirmed_by") var confirmedBy: String?
    @OptionalField(key: "confirmed_at") var confirmedAt: String?

    init() {}

    init(_ s: PendingSubmission, agencyID: Int) {
        self.agencyID = agencyID
        trackingCode = s.trackingCode.value
        submittedAt = s.submittedAt.description
        applicantName = s.applicantName
        requestDescription = s.description
        intake = s.intake
    }

    func value() throws -> PendingSubmission {
        guard let code = try? TrackingCode(trackingCode), let moment = Moment(parsing: submittedAt) else {
            throw StoreError.invalidValue(field: "pending_applications", value: "\(id ?? 0)", reason: "待确认申请记录无法识别")
        }
        return PendingSubmission(
            id: id, trackingCode: code, submittedAt: moment, applicantName: applicantName, description: requestDescription,
            intake: intake, reference: reference, confirmedBy: confirmedBy, confirmedAt: confirmedAt.flatMap(Moment.init(parsing:)))
    }
}
