import GongkaiCore
import GongkaiOffice
import Vapor

/// The online application form as posted: the API's body under the same names (`applicant[name]`,
/// `request[description]`, `delivery[medium]` …), so the page and the API read an application one way, plus the
/// form's own fields — the CSRF token, the double-submit token and the honeypot.
struct ApplyForm: Content {
    var applicant: ApplicationBody.Applicant?
    var request: ApplicationBody.Request?
    var delivery: ApplicationBody.Delivery?
    var _csrf: String?
    var submission: String?
    /// 蜜罐: hidden from people; a robot that fills every field fills this one.
    var website: String?

    var body: ApplicationBody { ApplicationBody(applicant: applicant, request: request, delivery: delivery) }

    /// What was typed, by the field's key (`applicant.name`), to put back in the form.
    var values: [String: String] {
        let a = applicant ?? .init(), r = request ?? .init(), d = delivery ?? .init()
        let pairs: [(String, String?)] = [
            ("applicant.kind", a.kind), ("applicant.name", a.name), ("applicant.idType", a.idType),
            ("applicant.idNumber", a.idNumber), ("applicant.creditCode", a.creditCode),
            ("applicant.legalRepresentative", a.legalRepresentative), ("applicant.contactPerson", a.contactPerson),
            ("applicant.phone", a.phone), ("applicant.email", a.email), ("applicant.address", a.address),
            ("applicant.postcode", a.postcode), ("request.description", r.description),
            ("request.documentTitle", r.documentTitle), ("request.documentNumber", r.documentNumber),
            ("request.indexNumber", r.indexNumber), ("delivery.medium", d.medium), ("delivery.method", d.method),
        ]
        return FormField.typed(pairs)
    }
}
