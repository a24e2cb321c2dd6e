import GongkaiCore

/// 待确认的网上申请 — an application made online that staff have yet to confirm (Art. 31: received on the day both
/// sides confirm). The applicant holds its tracking code from the start; the intake is kept as submitted (JSON,
/// personal data included) and becomes a case when confirmed.
public struct PendingSubmission: Hashable, Sendable, Identifiable {
    public var id: Int?
    public var trackingCode: TrackingCode
    /// When the applicant submitted it.
    public var submittedAt: Moment
    public var applicantName: String
    /// 所需信息的描述.
    public var description: String
    /// The intake as JSON (the office's `Intake`).
    public var intake: String
    /// The case it became, once confirmed.
    public var reference: String?
    public var confirmedBy: String?
    public var confirmedAt: Moment?

    public init(
        id: Int? = nil, trackingCode: TrackingCode, submittedAt: Moment, applicantName: String, description: String,
        intake: String, reference: String? = nil, confirmedBy: String? = nil, confirmedAt: Moment? = nil
    ) {
        self.id = id
        self.trackingCode = trackingCode
        self.submittedAt = submittedAt
        self.applicantName = applicantName
        self.description = description
        self.intake = intake
        self.reference = reference
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
    }

    public var isConfirmed: Bool { reference != nil }
}
