import GongkaiCore

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
