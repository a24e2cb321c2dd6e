import Foundation
import GongkaiCore
import GongkaiStore

/// 建议纳入主动公开（第四十四条）— answered applications for the same information from several applicants, not yet
/// decided on: the officer drafts an item from them (which goes through 保密审查 as any other) or declines with a
/// reason. Applicants are counted, never shown.
public struct DisclosureProposal: Sendable, Hashable {
    public struct Request: Sendable, Hashable {
        public var reference: String
        public var receivedOn: CivilDate
        public var answeredOn: CivilDate?
        public var text: String
        public var outcome: String
    }

    public var requests: [Request]
    public var applicants: Int

    /// The references, as the forms carry them ("A1,A2").
    public var key: String { requests.map(\.reference).joined(separator: ",") }
}

extension Office {
    /// How far back answered applications are looked at for proposals.
    public static let proposalWindowDays = 365

    /// The proposals on `day`: applications answered in the 365 days before, not decided on yet, grouped by
    /// `RepeatedRequests`. For those who may draft (承办人, 负责人, 管理员); nothing for others.
    public func disclosureProposals(scope: AgencyScope, on day: CivilDate) async throws -> [DisclosureProposal] {
        guard PublicationPermissions.mayAuthor(role: scope.role) else { return [] }
        let decided = try await publications(scope).decidedRequests()
        let closed = try await cases(scope).closed(from: day.adding(days: -Self.proposalWindowDays), through: day)
            .map(\.value).filter { !decided.contains($0.id) }
        let byReference = Dictionary(closed.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let requests = closed.map { c in
            RepeatedRequests.Request(
                reference: c.id, applicant: "\(c.applicant.kind)/\(c.applicant.name)",
                text: [c.request.description, c.request.documentTitle ?? ""].joined(separator: " "),
                documentNumber: c.request.documentNumber, indexNumber: c.request.indexNumber, outcome: c.outcome)
        }
        return RepeatedRequests.groups(requests).map { group in
            DisclosureProposal(
                requests: group.compactMap { r in
                    byReference[r.reference].map { c in
                        .init(reference: c.id, receivedOn: c.receivedOn, answeredOn: c.closedOn, text: c.request.documentTitle ?? c.request.description,
                              outcome: c.outcome?.description ?? "")
                    }
                },
                applicants: Set(group.map(\.applicant)).count)
        }
    }

    /// The proposal of `references` on `day` (exactly one open proposal's applications), or why not.
    func proposal(_ references: [String], scope: AgencyScope, on day: CivilDate) async throws -> DisclosureProposal {
        guard let found = try await disclosureProposals(scope: scope, on: day).first(where: { Set($0.requests.map(\.reference)) == Set(references) })
        else { throw StoreError.notFound("第四十四条的建议（申请 \(references.joined(separator: "、"))）") }
        return found
    }

    /// The draft form a proposal starts from: its shortest wording as the title, the article in the text, formed today.
    public func proposalForm(_ references: [String], scope: AgencyScope, on day: CivilDate) async throws -> PublicationForm {
        let p = try await proposal(references, scope: scope, on: day)
        var form = PublicationForm()
        form.title = p.requests.map(\.text).min { $0.count < $1.count } ?? ""
        form.formedOn = day.iso
        form.body = "本信息经\(p.applicants)个申请人依申请公开，根据《中华人民共和国政府信息公开条例》第四十四条纳入主动公开。"
        return form
    }

    /// 起草 from a proposal: the draft (as `draftPublication`) and its applications recorded with it, so that they are
    /// not proposed again.
    public func draftPublication(
        _ form: PublicationForm, fromRequests references: [String], scope: AgencyScope, at moment: Moment
    ) async throws -> StoredPublication {
        try requireAuthor(scope)
        let content = try form.content(today: moment.date)
        try calendar.requireSupported(content.formedOn, field: "形成或者变更日期")
        let found = try await proposal(references, scope: scope, on: moment.date)
        return try await publications(scope).create(content, sources: found.requests.map(\.reference), at: moment)
    }

    /// 不纳入主动公开 — declines a proposal with its reason; its applications are not proposed again.
    public func declineProposal(_ references: [String], reason: String, scope: AgencyScope, at moment: Moment) async throws {
        try requireAuthor(scope)
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty, why.count <= 500 else {
            throw IntakeProblems(problems: [IntakeError(field: "不纳入的理由", reason: "必填，不超过500字", key: "reason", form: "第四十四条建议")])
        }
        let found = try await proposal(references, scope: scope, on: moment.date)
        try await publications(scope).decide(found.requests.map(\.reference), publicationID: nil, note: "不纳入主动公开：\(why)", at: moment)
    }

    /// Refuses a role that does not draft (`PublicationPermissions.mayAuthor`), naming `action`.
    func requireAuthor(_ scope: AgencyScope, _ action: String = "起草拟公开信息") throws {
        guard PublicationPermissions.mayAuthor(role: scope.role) else { throw CaseError.notPermitted(user: scope.actor, action: action) }
    }
}
