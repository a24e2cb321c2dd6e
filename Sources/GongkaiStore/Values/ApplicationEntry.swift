import GongkaiCore

/// 政府信息公开申请 as the register keeps it: the report-relevant facts denormalised beside the event log.
///
/// `outcome` is stored as its 2021 leaf row id (`unavailable.1`); nil while open. A case kept as the core
/// `ApplicationCase` is saved with `ApplicationRepository.save(_:agencyID:)`.
///
/// ```swift
/// ApplicationEntry(agencyID: 1, reference: "2020-001", receivedOn: CivilDate(storeText: "2020-03-02")!,
///                  applicantKind: .naturalPerson)
/// ```
public struct ApplicationEntry: Hashable, Sendable {
    public var id: Int?
    public var agencyID: Int
    /// 受理编号, unique within the agency.
    public var reference: String
    /// 收到申请之日 — Art. 31.
    public var receivedOn: CivilDate
    public var applicantKind: ApplicantKind
    public var applicantName: String
    /// 身份证号码 — personal data, exported only for an authorised role.
    public var applicantIDNumber: String?
    /// 联系电话 — personal data, exported only for an authorised role.
    public var applicantPhone: String?
    /// 申请渠道: 当面, 邮寄, 网络, 传真 …
    public var channel: String
    public var subject: String
    public var outcome: Outcome?
    /// 答复/办结日期.
    public var closedOn: CivilDate?

    public init(
        id: Int? = nil, agencyID: Int, reference: String, receivedOn: CivilDate, applicantKind: ApplicantKind,
        applicantName: String = "", applicantIDNumber: String? = nil, applicantPhone: String? = nil,
        channel: String = "网络", subject: String = "", outcome: Outcome? = nil, closedOn: CivilDate? = nil
    ) {
        self.id = id
        self.agencyID = agencyID
        self.reference = reference
        self.receivedOn = receivedOn
        self.applicantKind = applicantKind
        self.applicantName = applicantName
        self.applicantIDNumber = applicantIDNumber
        self.applicantPhone = applicantPhone
        self.channel = channel
        self.subject = subject
        self.outcome = outcome
        self.closedOn = closedOn
    }
}

extension ApplicantColumn {
    /// The stored name of an applicant kind (the case name, e.g. `naturalPerson`).
    public var storeName: String {
        [
            "naturalPerson", "commercialEnterprise", "researchInstitution", "publicInterestOrganization",
            "legalServiceOrganization", "otherOrganization", "total",
        ][rawValue]
    }
    public init?(storeName: String) {
        guard
            let c = ApplicantColumn.applicantKinds.first(where: { $0.storeName == storeName || $0.label == storeName })
        else { return nil }
        self = c
    }
}
