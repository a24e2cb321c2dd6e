import Testing

@testable import GongkaiCore

/// Art. 29(2): what an application must state.
@Suite struct ApplicationContentsTests {
    static func applicant(
        _ kind: ApplicantKind, name: String = "张三", id: String? = nil, credit: String? = nil, phone: String? = nil,
        email: String? = nil, address: String? = nil
    ) throws -> Applicant {
        var a = Applicant(kind: kind, name: name)
        a.identityDocument = try id.map { try IdentityDocument(type: .residentIDCard, number: $0) }
        a.creditCode = try credit.map(UnifiedSocialCreditCode.init)
        (a.phone, a.email, a.address) = (phone, email, address)
        return a
    }

    static let id = "11010519491231002X"
    static let credit = "91350100M000100Y43"
    static let asked = InformationRequest(description: "2023年某路段施工许可")

    // | applicant                                  | request           | missing                          |
    @Test func table() throws {
        let rows: [(Applicant, InformationRequest, [ApplicationContents.Missing])] = [
            (try Self.applicant(.naturalPerson, id: Self.id, phone: "13800000000"), Self.asked, []),
            (try Self.applicant(.naturalPerson, phone: "13800000000"), Self.asked, [.identity]),
            (try Self.applicant(.naturalPerson, credit: Self.credit, phone: "1"), Self.asked, [.identity]),
            (try Self.applicant(.commercialEnterprise, credit: Self.credit, email: "a@b.cn"), Self.asked, []),
            (try Self.applicant(.legalServiceOrganization, id: Self.id, address: "某路1号"), Self.asked, []),
            (try Self.applicant(.otherOrganization, phone: " "), Self.asked, [.identity, .contact]),
            (try Self.applicant(.naturalPerson, name: "  ", id: Self.id, phone: "1"), Self.asked, [.name]),
            (try Self.applicant(.naturalPerson, id: Self.id, phone: "1"), InformationRequest(description: " "), [.description]),
            (
                try Self.applicant(.naturalPerson, id: Self.id, phone: "1"),
                InformationRequest(description: "", indexNumber: "000014348/2020-00012"), []
            ),
            (try Self.applicant(.naturalPerson, name: ""), InformationRequest(), [.name, .identity, .contact, .description]),
        ]
        for (applicant, request, missing) in rows {
            #expect(ApplicationContents.missing(applicant, request) == missing, "\(applicant) \(request)")
        }
    }
}
