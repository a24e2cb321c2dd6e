import GongkaiOffice
import Vapor

/// `/agencies/{id}/guide?version=N`: the agency's 政府信息公开指南 (`Office.guide`), the version in force or an
/// earlier one, with the list of versions.
struct GuidePage {
    let context: WebContext

    struct Content: Encodable {
        var agencyID: Int
        var guide: DisclosureGuide?
        var latest: Bool
    }

    func show(_ req: Request) async throws -> Response {
        let agency = try await Portal.requestedAgency(req, context)
        let agencyID = agency.id ?? 0
        var version: Int?
        if let text = req.query[String.self, at: "version"] {
            guard let n = Int(text) else { throw Abort(.notFound) }
            version = n
        }
        let guide = try await context.office.guide(agencyID: agencyID, version: version)
        if version != nil, guide == nil { throw Abort(.notFound) }
        return try await Pages(context: context).render(
            "guide", req, title: "政府信息公开指南_\(agency.name)",
            crumbs: [.init(label: agency.name, href: "/agencies/\(agencyID)"), .init(label: "政府信息公开指南")],
            content: Content(agencyID: agencyID, guide: guide, latest: guide?.version == guide?.versions.first?.version))
    }
}
