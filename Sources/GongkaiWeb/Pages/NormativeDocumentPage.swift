import GongkaiCore
import GongkaiOffice
import Vapor

/// `/staff/normative-documents…`: 规章和规范性文件 with their validity — each one's 废止 and 有效期 set or corrected
/// with its basis, recorded with the values before and after (also in the registers' change log). The portal's
/// 有效性 and section II follow at once. Every button calls one `Office` workflow.
struct NormativeDocumentPage {
    let context: WebContext
    var pages: Pages { Pages(context: context) }

    static func href(_ id: Int) -> String { "/staff/normative-documents/\(id)" }

    struct Row: Encodable {
        var href: String
        var title: String
        var number: String
        var kind: String
        var madeOn: String
        var validity: String
        var inForce: Bool
    }

    struct ListContent: Encodable {
        var rows: [Row]
    }

    /// `GET /staff/normative-documents`: every document, the latest made first, with its validity today.
    func list(_ req: Request) async throws -> Response {
        let member = try StaffSession.member(req)
        let rows = try await context.office.normativeDocumentList(scope: member.scope, on: context.clock.now().date).map { d, validity in
            Row(href: Self.href(d.id ?? 0), title: d.title, number: d.documentNumber.isEmpty ? "—" : d.documentNumber, kind: d.kind.label,
                madeOn: d.madeOn.iso, validity: validity, inForce: validity == "现行有效")
        }
        return try await pages.render(
            "staff-documents", req, title: "规章和规范性文件",
            crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "台账", href: "/staff/registers"), .init(label: "规章和规范性文件")],
            content: ListContent(rows: rows))
    }

    struct DocumentContent: Encodable {
        var action: String
        var title: String
        var facts: [CasePage.Fact]
        var mayChange: Bool
        var readAbolishedOn: String
        var readExpiresOn: String
        var fields: [FormField]
        var history: [HistoryRow]
        var notice: String?
        var error: String?
        var errors: [String]
    }

    struct HistoryRow: Encodable {
        var at: String
        var actor: String
        var action: String
        var before: String
        var after: String
        var note: String
    }

    struct ValidityFormBody: Content {
        var _csrf: String?
        var abolishedOn: String?
        var expiresOn: String?
        var note: String?
        var readAbolishedOn: String?
        var readExpiresOn: String?

        var form: ValidityForm { ValidityForm(abolishedOn: abolishedOn ?? "", expiresOn: expiresOn ?? "", note: note ?? "") }
    }

    func page(
        _ req: Request, id: Int, typed: ValidityFormBody? = nil, problems: [IntakeError] = [], error: String? = nil, notice: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let member = try StaffSession.member(req)
        let file = try await context.office.normativeDocumentFile(id, scope: member.scope, on: context.clock.now().date)
        let d = file.document
        let errors = Dictionary(problems.map { ($0.key ?? $0.field, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let content = DocumentContent(
            action: Self.href(id), title: d.title,
            facts: [
                .init(label: "类别", value: d.kind.label), .init(label: "文号", value: d.documentNumber.isEmpty ? "无" : d.documentNumber),
                .init(label: "制发日期", value: d.madeOn.iso), .init(label: "公开日期", value: d.publishedOn?.iso ?? "未公开"),
                .init(label: "有效性", value: file.validity),
            ],
            mayChange: file.mayChange, readAbolishedOn: d.abolishedOn?.iso ?? "", readExpiresOn: d.expiresOn?.iso ?? "",
            fields: [
                .plain("abolishedOn", "废止日期", hint: "YYYY-MM-DD；自该日起不再现行有效。清空即撤销错误的废止记录", maxlength: 10,
                       required: false, value: typed?.abolishedOn ?? d.abolishedOn?.iso ?? "", errors: errors),
                .plain("expiresOn", "有效期至", hint: "YYYY-MM-DD；有效期届满后为“已失效”。没有有效期的留空", maxlength: 10,
                       required: false, value: typed?.expiresOn ?? d.expiresOn?.iso ?? "", errors: errors),
                .plain("note", "依据或理由", hint: "如废止决定的文号（京应急发〔2024〕5号），或更正的理由", type: "textarea", maxlength: 500,
                       value: typed?.note ?? "", errors: errors),
            ],
            history: file.history.map {
                HistoryRow(at: $0.at.description, actor: $0.actor, action: $0.action, before: $0.before, after: $0.after, note: $0.note)
            },
            notice: notice, error: error, errors: problems.map(\.description))
        return try await pages.render(
            "staff-document", req, title: d.title,
            crumbs: [
                .init(label: "工作台", href: "/staff"), .init(label: "规章和规范性文件", href: "/staff/normative-documents"), .init(label: d.title),
            ],
            status: status, content: content)
    }

    /// `GET /staff/normative-documents/{id}`.
    func show(_ req: Request) async throws -> Response {
        try await page(
            req, id: req.parameters.get("id", as: Int.self) ?? 0, notice: req.query[String.self, at: "done"] == "saved" ? "已保存；网站和年度报告已按新的有效性显示和统计" : nil)
    }

    /// `POST /staff/normative-documents/{id}`: 废止日期, 有效期至, 依据或理由, and the dates as read (a change made
    /// meanwhile is refused).
    func save(_ req: Request) async throws -> Response {
        let id = req.parameters.get("id", as: Int.self) ?? 0
        let body = (try? req.content.decode(ValidityFormBody.self)) ?? ValidityFormBody()
        guard CSRF.isValid(req, formToken: body._csrf) else {
            return try await page(req, id: id, typed: body, error: "页面已过期，请核对后再提交一次", status: .forbidden)
        }
        let scope = try StaffSession.member(req).scope
        do {
            var expected = try await context.office.normativeDocumentFile(id, scope: scope, on: context.clock.now().date).document
            expected.abolishedOn = (body.readAbolishedOn ?? "").isEmpty ? nil : CivilDate(parsing: body.readAbolishedOn ?? "")
            expected.expiresOn = (body.readExpiresOn ?? "").isEmpty ? nil : CivilDate(parsing: body.readExpiresOn ?? "")
            _ = try await context.office.changeNormativeDocumentValidity(id, body.form, expected: expected, scope: scope, at: context.clock.now())
            return req.redirect(to: Self.href(id) + "?done=saved", redirectType: .normal)
        } catch {
            guard let refusal = StepRefusal(error) else { throw error }
            return try await page(req, id: id, typed: body, problems: refusal.problems, error: refusal.message, status: refusal.status)
        }
    }
}
