import GongkaiCore
import GongkaiOffice
import Vapor

/// The body of `POST /api/v1/agencies/{id}/applications`. Every field is optional here so that every missing or
/// bad one is named at once (by `Intake.problems`), not only the first the decoder meets.
struct ApplicationBody: Content {
    struct Applicant: Codable {
        /// One of the six report columns as the core names them: naturalPerson, commercialEnterprise, …
        var kind: String?
        var name: String?
        /// Default: 居民身份证.
        var idType: String?
        var idNumber: String?
        var creditCode: String?
        var legalRepresentative: String?
        var contactPerson: String?
        var phone: String?
        var email: String?
        var address: String?
        var postcode: String?
    }

    struct Request: Codable {
        var description: String?
        var documentTitle: String?
        var documentNumber: String?
        var indexNumber: String?
    }

    struct Delivery: Codable {
        /// paper, electronic, disc (default electronic).
        var medium: String?
        /// pickup, post, email, fax, onsite (default: email for electronic, post otherwise).
        var method: String?
    }

    var applicant: Applicant?
    var request: Request?
    var delivery: Delivery?

    static let media: [String: DeliveryMedium] = ["paper": .paper, "electronic": .electronic, "disc": .disc]
    static let methods: [String: DeliveryMethod] = [
        "pickup": .pickUp, "post": .post, "email": .email, "fax": .fax, "onsite": .inspectOnSite,
    ]

    /// The intake this body describes (channel, reference and submission are the office's), and the problems of
    /// the delivery fields, which only the API restricts to its vocabulary.
    func intake() -> (Intake, [IntakeError]) {
        let a = applicant ?? Applicant()
        var intake = Intake(
            reference: "", channel: "online", submittedOn: "", applicantKind: a.kind ?? "", applicantName: a.name ?? "",
            description: request?.description ?? "")
        (intake.idType, intake.idNumber, intake.creditCode) = (a.idType, a.idNumber, a.creditCode)
        (intake.legalRepresentative, intake.contactPerson) = (a.legalRepresentative, a.contactPerson)
        (intake.phone, intake.email, intake.address, intake.postcode) = (a.phone, a.email, a.address, a.postcode)
        (intake.documentTitle, intake.documentNumber, intake.indexNumber) = (
            request?.documentTitle, request?.documentNumber, request?.indexNumber
        )
        var problems: [IntakeError] = []
        if let delivery {
            let mediumName = delivery.medium ?? "electronic"
            let medium = Self.media[mediumName]
            if medium == nil {
                problems.append(
                    IntakeError(field: "信息载体", reason: "「\(mediumName)」应为 paper、electronic 或 disc", key: "delivery.medium"))
            }
            let methodName = delivery.method ?? (mediumName == "electronic" ? "email" : "post")
            let method = Self.methods[methodName]
            if method == nil {
                problems.append(
                    IntakeError(
                        field: "获取方式", reason: "「\(methodName)」应为 pickup、post、email、fax 或 onsite", key: "delivery.method"))
            }
            // A delivery the API cannot read is named once, here; the intake then leaves the form to the agency.
            if let medium, let method { (intake.deliveryMedium, intake.deliveryMethod) = (medium.rawValue, method.rawValue) }
        }
        return (intake, problems)
    }
}

extension ApplicationBody {
    /// The application received by `Office.applyOnline` at `moment` — for the API and the form alike — or every
    /// problem at once: the delivery fields' (which only the web restricts to its vocabulary) with the rest.
    func submit(to office: Office, agencyID: Int, at moment: Moment) async throws
        -> (application: ApplicationCase, submitted: SubmittedApplication)
    {
        let (intake, deliveryProblems) = intake()
        if !deliveryProblems.isEmpty {
            throw IntakeProblems(problems: deliveryProblems + office.onlineProblems(intake, at: moment))
        }
        var rng = SystemRandomNumberGenerator()
        return try await office.applyOnline(intake, agencyID: agencyID, at: moment, using: &rng)
    }
}
