import GongkaiCore
import GongkaiDocuments
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/reports…`: 年度报告 written in the back office — each year with its 31 January deadline (第四十九条),
/// and one draft at a time per year: the tables of sections 二–四 from the registers (never typed), the words of
/// 一、五、六 written in the page from sentences the figures offer, the checker's findings on every view, then
/// 保密审查 and the 负责人's approval, which publishes the locked snapshot (or an amendment with its note). Every
/// button calls one `Office` workflow; what the member may do is what `Office.reportDraftFile` offers.
struct ReportDraftPage {
    let context: WebContext
    var pages: Pages { Pages(context: context) }

    static func href(_ id: Int) -> String { "/staff/reports/\(id)" }

    struct YearRow: Encodable {
        var year: Int
        var due: String
        var deadline: String
        var late: Bool
        var draftHref: String?
        var draftState: String?
        var publicHref: String?
        var versions: Int
        var changed: String?
    }

    struct ListContent: Encodable {
        var rows: [YearRow]
        var mayDraft: Bool
        var error: String?
    }

    /// `GET /staff/reports`: the years, their deadline, open draft and published versions.
    func list(_ req: Request) async throws -> Response { try await list(req, error: nil, status: .ok) }

    func list(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let member = try StaffSession.member(req)
        let years = try await context.office.reportYears(scope: member.scope, on: context.clock.now().date)
        let rows = years.map { y in
            YearRow(
                year: y.year, due: AnnualReportDeadline.due(reportYear: y.year).iso, deadline: y.deadline.label, late: y.deadline.isLate,
                draftHref: y.openDraft.map { Self.href($0.id) }, draftState: y.openDraft?.state.label,
                publicHref: y.published.isEmpty ? nil : "/agencies/\(member.scope.agencyID)/reports/\(y.year)", versions: y.published.count,
                changed: y.changedSince.isEmpty ? nil
                    : "公布后台账中" + y.changedSince.joined(separator: "、") + "的数据有变化（补录或更正），报告未计入：须以修订公布")
        }
        return try await pages.render(
            "staff-reports", req, title: "年度报告", crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "年度报告")], status: status,
            content: ListContent(rows: rows, mayDraft: PublicationPermissions.mayAuthor(role: member.scope.role), error: error))
    }

    struct OpenForm: Content {
        var _csrf: String?
        var year: String?
    }

    /// `POST /staff/reports` (`year`): opens the year's draft (or the one open already) and goes to it.
    func open(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(OpenForm.self)) ?? OpenForm()
        guard CSRF.isValid(req, formToken: form._csrf) else { return try await list(req, error: "页面已过期，请再试一次", status: .forbidden) }
        let scope = try StaffSession.member(req).scope
        do {
            let draft = try await context.office.openReportDraft(year: Int(form.year ?? "") ?? 0, scope: scope, at: context.clock.now())
            return req.redirect(to: Self.href(draft.id), redirectType: .normal)
        } catch let e as ReportDraftError {
            return try await list(req, error: e.description, status: .unprocessableEntity)
        } catch let e as CaseError {
            guard case .notPermitted = e else { throw e }
            return try await list(req, error: e.description, status: .forbidden)
        }
    }
}
