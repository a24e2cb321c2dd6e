import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// 建议纳入主动公开（第四十四条）on the 主动公开 page: each group of answered applications for the same information
/// from several applicants, with 起草 (the draft form filled in from them) and 不纳入 (with the reason).
extension PublicationPage {
    struct ProposalRow: Encodable {
        struct Request: Encodable {
            var reference: String
            var href: String
            var text: String
            var receivedOn: String
            var answeredOn: String
            var outcome: String
        }

        var key: String
        var applicants: Int
        var requests: [Request]
        var draftHref: String
    }

    static func references(_ key: String) -> [String] {
        key.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func proposalRows(_ scope: AgencyScope, on day: CivilDate) async throws -> [ProposalRow] {
        try await context.office.disclosureProposals(scope: scope, on: day).map { p in
            ProposalRow(
                key: p.key, applicants: p.applicants,
                requests: p.requests.map {
                    .init(reference: $0.reference, href: CasePage.href($0.reference), text: $0.text, receivedOn: $0.receivedOn.iso,
                          answeredOn: $0.answeredOn?.iso ?? "", outcome: $0.outcome)
                },
                draftHref: "/staff/publications/new?from=\(p.key.addingPercentEncoding(withAllowedCharacters: .asciiUnreserved.union(CharacterSet(charactersIn: ","))) ?? p.key)")
        }
    }

    struct DeclineForm: Content {
        var _csrf: String?
        var references: String?
        var reason: String?
    }

    /// `POST /staff/publications/proposals/decline` (`references`, `reason`): 不纳入主动公开, with the reason.
    func decline(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(DeclineForm.self)) ?? DeclineForm()
        guard CSRF.isValid(req, formToken: form._csrf) else { return try await list(req, error: "页面已过期，请再试一次", status: .forbidden) }
        do {
            try await context.office.declineProposal(
                Self.references(form.references ?? ""), reason: form.reason ?? "", scope: try StaffSession.member(req).scope,
                at: context.clock.now())
            return req.redirect(to: "/staff/publications?done=declined", redirectType: .normal)
        } catch {
            guard let refusal = StepRefusal(error) else { throw error }
            return try await list(req, error: refusal.message ?? refusal.problems.map(\.description).joined(separator: "；"), status: refusal.status)
        }
    }
}
