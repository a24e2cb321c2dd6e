import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/outbox`: 通知 — the messages to applicants (the notice of each issued letter to an applicant who gave an
/// e-mail address), with their status, attempts and last error; without a configured transport they are sent by
/// staff, who mark each one sent (`POST /staff/outbox/{id}/sent`).
struct OutboxPage {
    let context: WebContext

    struct Row: Encodable {
        var id: Int
        var created: String
        var recipient: String
        var subject: String
        var reference: String
        var caseHref: String
        var status: String
        var detail: String?
        var body: String
        var open: Bool
    }

    struct PageContent: Encodable {
        var rows: [Row]
        /// Messages not yet sent (all listed), before the latest sent ones.
        var waiting: Int
        var notice: String?
    }

    func show(_ req: Request) async throws -> Response {
        let member = try StaffSession.member(req)
        let rows = try await context.office.outbox(scope: member.scope).map { m in
            let detail: String? = switch m.status {
            case .sent: m.sentBy.map { "由 \($0) 人工发送" } ?? "已由系统发送"
            case .failed, .pending: m.lastError.map { "已尝试 \(m.attempts) 次：\($0)" }
            }
            return Row(
                id: m.id, created: Moment(minuteNumber: m.createdAt).description, recipient: m.recipient, subject: m.subject,
                reference: m.reference, caseHref: CasePage.href(m.reference), status: m.status.label, detail: detail, body: m.body,
                open: m.status != .sent)
        }
        return try await Pages(context: context).render(
            "staff-outbox", req, title: "通知", crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "通知")],
            content: PageContent(rows: rows, waiting: rows.filter(\.open).count, notice: req.query[String.self, at: "sent"] == nil ? nil : "已标记为人工发送"))
    }

    struct SentForm: Content {
        var _csrf: String?
    }

    func markSent(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(SentForm.self)) ?? SentForm()
        guard CSRF.isValid(req, formToken: form._csrf) else { throw Abort(.forbidden, reason: "页面已过期，请返回通知页再试一次") }
        let member = try StaffSession.member(req)
        try await context.office.markSentByHand(req.parameters.get("id", as: Int.self) ?? 0, scope: member.scope, at: context.clock.now())
        return req.redirect(to: "/staff/outbox?sent=1", redirectType: .normal)
    }
}
