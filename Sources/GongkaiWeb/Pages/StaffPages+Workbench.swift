import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// The 工作台 and what opens from it: the queues, 确认收到 of online submissions, and the district supervisor's
/// page of every agency's counts.
extension StaffPages {
    struct HomeContent: Encodable {
        struct Row: Encodable {
            var reference: String
            var href: String
            var received: String
            var request: String
            var due: String?
            var status: String
            var urgent: Bool
        }

        struct Tab: Encodable {
            var title: String
            var href: String
            var count: Int
            var current: Bool
        }

        var name: String
        var role: String
        var agency: String
        var today: String
        var tabs: [Tab]
        var queue: String
        var sortedByReceipt: Bool
        var queueHref: String
        var rows: [Row]
        /// The 待确认 queue's submissions (when it is the queue shown).
        var waiting: [Waiting]?
        var notice: String?
        var error: String?
        /// 提醒: how many are overdue or due within `WorkQueues.dueSoonWithin` working days.
        var reminder: String?
        /// 主动公开: reviews and approvals waiting for the member, items past 第二十六条's period.
        var publicationReminder: String?
        var reportReminder: String?
        /// Whether the member may register applications received in person, by post or by fax.
        var mayRegister: Bool
        /// May write or review items for proactive publication.
        var publishes: Bool
        /// Whether the member keeps the agency's settings and users (管理员).
        var administers: Bool
        /// Whether the member is the district's supervisor (各机关办理情况).
        var supervises: Bool
    }

    struct Waiting: Encodable {
        var id: Int
        var submittedAt: String
        var applicant: String
        var request: String
        var action: String
    }

    /// `GET /staff?queue=open|overdue|dueSoon|paused|closedThisMonth&sort=due|received`: 工作台 — who is signed in,
    /// the agency's queues each with its count (`Office.workQueues`), and the chosen queue's applications with
    /// their due dates and working days left: most urgent first, or by date received.
    func home(_ req: Request) async throws -> Response {
        let queue = req.query[String.self, at: "queue"].flatMap(WorkQueues.Queue.init(rawValue:)) ?? .open
        return try await home(req, queue: queue, notice: nil, error: nil)
    }

    func home(_ req: Request, queue: WorkQueues.Queue, notice: String?, error: String?, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let member = try StaffSession.member(req)
        let today = context.clock.now().date
        let queues = try await context.office.workQueues(scope: member.scope, on: today)
        let byReceipt = req.query[String.self, at: "sort"] == "received"
        let rows = (queues.cases[queue] ?? []).map { file -> (HomeContent.Row, Int) in
            let (urgent, order): (Bool, Int) = switch file.status {
            case .overdue(let late): (true, -late)
            case .dueSoon(let left): (true, left)
            case .open(let left): (false, left)
            default: (false, Int.max)
            }
            let text = file.value.request.description
            return (HomeContent.Row(
                reference: file.value.id, href: CasePage.href(file.value.id), received: file.value.receipt.date.description,
                request: text.count > 40 ? String(text.prefix(40)) + "…" : text, due: file.answerDue?.due.description,
                status: file.status.label, urgent: urgent), order)
        }
        let sorted = byReceipt || queue == .closedThisMonth ? rows.map(\.0) : rows.enumerated().sorted {
            ($0.element.1, $0.offset) < ($1.element.1, $1.offset)
        }.map(\.element.0)
        // 待确认 only where staff confirm online receipts (or submissions still wait from when they did).
        let shown = WorkQueues.Queue.allCases.filter {
            $0 != .awaitingConfirmation || member.agency.onlineConfirmation == .byStaff || queues.count($0) > 0
        }
        let tabs = shown.map {
            HomeContent.Tab(title: $0.title, href: "/staff?queue=\($0.rawValue)", count: queues.count($0), current: $0 == queue)
        }
        let waiting = queue != .awaitingConfirmation ? nil : queues.waiting.map { p in
            Waiting(
                id: p.id ?? 0, submittedAt: p.submittedAt.description, applicant: p.applicantName,
                request: p.description.count > 40 ? String(p.description.prefix(40)) + "…" : p.description,
                action: "/staff/pending/\(p.id ?? 0)/confirm")
        }
        return try await pages.render(
            "staff-home", req, title: "工作台", crumbs: [.init(label: "工作台")], status: status,
            content: HomeContent(
                name: member.user.displayName, role: member.role.title, agency: member.agency.name,
                today: "\(today)（\(today.weekday.chinese)）", tabs: tabs, queue: queue.title, sortedByReceipt: byReceipt,
                queueHref: "/staff?queue=\(queue.rawValue)", rows: sorted, waiting: waiting, notice: notice, error: error,
                reminder: Self.reminder(queues),
                publicationReminder: Self.reminder(try await context.office.publicationAgenda(scope: member.scope, on: today)),
                reportReminder: Self.reminder(try await context.office.reportAgenda(scope: member.scope, on: today)),
                mayRegister: CasePermissions.mayReceive(role: member.scope.role),
                publishes: PublicationPermissions.mayAuthor(role: member.scope.role) || PublicationPermissions.mayReview(role: member.scope.role),
                administers: member.role.name == "admin",
                supervises: member.role.name == "supervisor"))
    }

    /// 提醒 — the cases that need doing first, in words (nil when none).
    static func reminder(_ queues: WorkQueues) -> String? {
        let (overdue, soon) = (queues.count(.overdue), queues.count(.dueSoon))
        guard overdue + soon > 0 else { return nil }
        return "提醒：" + [overdue > 0 ? "已超期 \(overdue) 件" : nil, soon > 0 ? "\(WorkQueues.dueSoonWithin)个工作日内到期 \(soon) 件" : nil]
            .compactMap { $0 }.joined(separator: "，") + "。"
    }

    static func reminder(_ agenda: PublicationAgenda) -> String? {
        guard !agenda.isEmpty else { return nil }
        return "主动公开：" + [
            agenda.toReview > 0 ? "待您保密审查 \(agenda.toReview) 条" : nil, agenda.toApprove > 0 ? "待您批准发布 \(agenda.toApprove) 条" : nil,
            agenda.overdue > 0 ? "超过第二十六条公开期限未发布 \(agenda.overdue) 条" : nil,
            agenda.proposals > 0 ? "建议纳入主动公开（第四十四条）\(agenda.proposals) 项" : nil,
        ].compactMap { $0 }.joined(separator: "，") + "。"
    }

    static func reminder(_ agenda: ReportAgenda) -> String? {
        guard !agenda.isEmpty else { return nil }
        let due = agenda.due.map { "\($0.year)年度报告应于\(AnnualReportDeadline.due(reportYear: $0.year).iso)前公布，\($0.status.label)" }
        return "年度报告：" + [
            due, agenda.toReview > 0 ? "待您审核 \(agenda.toReview) 份" : nil, agenda.toApprove > 0 ? "待您同意公布 \(agenda.toApprove) 份" : nil,
        ].compactMap { $0 }.joined(separator: "，")
            + agenda.changed.map { "；已公布的\($0.year)年度报告与台账不一致（\($0.sections.joined(separator: "、"))），须以修订公布" }.joined()
            + "。"
    }

    struct DistrictRow: Encodable {
        var agency: String
        var href: String
        var awaiting: Int
        var open: Int
        var overdue: Int
        var dueSoon: Int
        var closed: Int
        var late: Int
        var report: String
        var attention: Bool
    }

    struct DistrictContent: Encodable {
        var today: String
        var lastYear: Int
        var rows: [DistrictRow]
    }

    /// `GET /staff/district`: 各机关办理情况 — for the district's 监督人: each agency's counts (never an applicant).
    func district(_ req: Request) async throws -> Response {
        let member = try StaffSession.member(req)
        let today = context.clock.now().date
        let rows = try await context.office.districtOverview(by: member, on: today).map { o in
            DistrictRow(
                agency: o.agency.name, href: "/agencies/\(o.agency.id ?? 0)", awaiting: o.awaitingConfirmation, open: o.open,
                overdue: o.overdue, dueSoon: o.dueSoon, closed: o.closedThisYear, late: o.answeredLateThisYear,
                report: o.lastYearsReportPublished ? "已公布（\(o.lastYearsReport.label)）" : "未公布（\(o.lastYearsReport.label)）",
                attention: o.overdue > 0 || o.answeredLateThisYear > 0 || o.lastYearsReport.isLate)
        }
        return try await pages.render(
            "staff-district", req, title: "各机关办理情况", crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "各机关办理情况")],
            content: DistrictContent(today: "\(today)", lastYear: today.year - 1, rows: rows))
    }

    struct ConfirmForm: Content {
        var _csrf: String?
    }

    /// `POST /staff/pending/{id}/confirm`: 确认收到 — the submission becomes a case received today (Art. 31) and its
    /// page opens; a refusal comes back on the 待确认 queue with its reason.
    func confirm(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(ConfirmForm.self)) ?? ConfirmForm()
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await home(req, queue: .awaitingConfirmation, notice: nil, error: "页面已过期，请再确认一次", status: .forbidden)
        }
        let member = try StaffSession.member(req)
        do {
            let stored = try await context.office.confirmOnline(
                req.parameters.get("id", as: Int.self) ?? 0, scope: member.scope, at: context.clock.now())
            return req.redirect(to: CasePage.href(stored.value.id) + "?confirmed=1", redirectType: .normal)
        } catch let e as CaseError {
            let status = HTTPResponseStatus(statusCode: ErrorPresenterMiddleware.problem(for: e, logger: req.logger).status)
            return try await home(req, queue: .awaitingConfirmation, notice: nil, error: e.description, status: status)
        }
    }
}
