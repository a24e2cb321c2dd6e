import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/reports/{id}/cases?row=…&column=…`: the applications a figure of section III counts, each linked to its
/// case — the records behind the number, by the same rule the report is built with.
extension ReportDraftPage {
    struct CaseRow: Encodable {
        var reference: String
        var href: String
        var receivedOn: String
        var closedOn: String
        var outcome: String
        var applicantKind: String
    }

    struct CasesContent: Encodable {
        var heading: String
        var back: String
        var rows: [CaseRow]
    }

    /// The draft the figure belongs to (of the member's agency) and its year.
    func draftYear(_ req: Request) async throws -> (scope: AgencyScope, id: Int, year: Int) {
        let scope = try StaffSession.member(req).scope
        let id = req.parameters.get("id", as: Int.self) ?? 0
        return (scope, id, try await context.office.reportDraftFile(id, scope: scope, at: context.clock.now()).draft.year)
    }

    /// A list of the records behind a figure, under the draft in the crumbs.
    func renderFigure(_ req: Request, _ template: String, id: Int, year: Int, heading: String, crumb: String, content: some Encodable) async throws
        -> Response
    {
        try await pages.render(
            template, req, title: heading,
            crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "年度报告", href: "/staff/reports"),
                     .init(label: "\(year)年度", href: Self.href(id)), .init(label: crumb)],
            content: content)
    }

    func cases(_ req: Request) async throws -> Response {
        guard let row = req.query[String.self, at: "row"].flatMap(ApplicationRow.init(id:)),
            let column = req.query[Int.self, at: "column"].flatMap(ApplicantColumn.init(rawValue:))
        else { throw Abort(.notFound) }
        let (scope, id, year) = try await draftYear(req)
        let found = try await context.office.casesBehind(row: row, column: column, year: year, scope: scope)
        let heading = "\(year)年度报告第三部分「\(row.displayName)」·「\(column.label)」：\(found.count)件"
        return try await renderFigure(
            req, "staff-report-cases", id: id, year: year, heading: heading, crumb: "第三部分的申请",
            content: CasesContent(
                heading: heading, back: Self.href(id),
                rows: found.map { c in
                    CaseRow(reference: c.id, href: CasePage.href(c.id), receivedOn: c.receivedOn.iso, closedOn: c.closedOn?.iso ?? "办理中",
                            outcome: c.outcome?.description ?? "结转下年度", applicantKind: c.applicant.kind.label)
                }))
    }

    struct AppealRow: Encodable {
        var reference: String
        var kind: String
        var body: String
        var filedOn: String
        var decidedOn: String
        var result: String
        var application: String?
        var applicationHref: String?
    }

    struct AppealsContent: Encodable {
        var heading: String
        var back: String
        var rows: [AppealRow]
    }

    /// `/staff/reports/{id}/appeals?group=…&result=…`: the appeals a figure of section IV counts.
    func appeals(_ req: Request) async throws -> Response {
        guard let group = req.query[Int.self, at: "group"].flatMap(AppealsGroup.init(rawValue:)),
            let result = req.query[Int.self, at: "result"].flatMap(AppealsResult.init(rawValue:))
        else { throw Abort(.notFound) }
        let (scope, id, year) = try await draftYear(req)
        let found = try await context.office.appealsBehind(group: group, result: result, year: year, scope: scope)
        let heading = "\(year)年度报告第四部分「\(group.label)」·「\(result.label)」：\(found.count)件"
        return try await renderFigure(
            req, "staff-report-appeals", id: id, year: year, heading: heading, crumb: "第四部分的案件",
            content: AppealsContent(
                heading: heading, back: Self.href(id),
                rows: found.map { a in
                    AppealRow(reference: a.id, kind: a.kind.label, body: a.body ?? "—", filedOn: a.filedOn.iso, decidedOn: a.decidedOn?.iso ?? "尚未审结",
                              result: a.result.map(\.column.label) ?? "尚未审结", application: a.applicationID, applicationHref: a.applicationID.map(CasePage.href))
                }))
    }
}
