import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// The back office's door: 工作人员登录, 退出, 修改密码 and the 工作台 (the signed-in member's open cases). Each
/// handler parses the form and calls one `StaffSignIn` or `Office` workflow.
struct StaffPages: RouteCollection {
    let context: WebContext
    var pages: Pages { Pages(context: context) }
    var staff: StaffSignIn { context.staff }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("staff", "login", use: loginForm)
        routes.grouped(RateLimitMiddleware(limiter: context.limiter, name: "sign-in", rule: context.rateLimits.signIns))
            .post("staff", "login", use: login)
        let signedIn = routes.grouped("staff").grouped(StaffAuthMiddleware(context: context))
        signedIn.get(use: home)
        signedIn.post("logout", use: logout)
        signedIn.get("password", use: passwordForm)
        signedIn.post("password", use: changePassword)
        let cases = CasePage(context: context)
        signedIn.get("cases", ":reference", use: cases.show)
        signedIn.post("cases", ":reference", "events", use: cases.record)
        signedIn.post("pending", ":id", "confirm", use: confirm)
        signedIn.get("district", use: district)
        let admin = AdminPage(context: context)
        signedIn.get("admin", use: admin.show)
        signedIn.post("admin", ":what", use: admin.save)
        let register = RegisterPage(context: context)
        signedIn.get("cases", "new", use: register.show)
        signedIn.post("cases", use: register.register)
        signedIn.post("cases", ":reference", "appeals", use: cases.appeal)
        signedIn.post("cases", ":reference", "appeals", ":appeal", "decision", use: cases.appeal)
        let letters = LetterPage(context: context)
        signedIn.post("cases", ":reference", "letters", use: letters.draft)
        signedIn.get("cases", ":reference", "letters", ":id", use: letters.show)
        signedIn.post("cases", ":reference", "letters", ":id", use: letters.act)
        signedIn.get("cases", ":reference", "letters", ":id", "docx", use: letters.file)
        signedIn.get("cases", ":reference", "letters", ":id", "pdf", use: letters.file)
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var back: String?
        var _csrf: String?
    }

    struct FormContent: Encodable {
        var fields: [FormField]
        var back: String
        var error: String?
        var notice: String?
    }

    func loginPage(_ req: Request, username: String = "", back: String?, error: String? = nil, notice: String? = nil,
                   status: HTTPResponseStatus = .ok) async throws -> Response {
        let errors = error.map { ["password": $0] } ?? [:]
        let fields = [
            FormField.plain("username", "用户名", autocomplete: "username", value: username),
            FormField.plain("password", "密码", type: "password", autocomplete: "current-password", maxlength: 200, errors: errors),
        ]
        return try await pages.render(
            "staff-login", req, title: "工作人员登录", crumbs: [.init(label: "工作人员登录")], status: status,
            content: FormContent(fields: fields, back: StaffSession.safeReturn(back), error: error, notice: notice))
    }

    /// `GET /staff/login`: the form (`?back=` the page to return to; `?signedOut=1` after signing out).
    func loginForm(_ req: Request) async throws -> Response {
        let notice = req.query[String.self, at: "signedOut"] == nil ? nil : "您已安全退出。"
        return try await loginPage(req, back: req.query[String.self, at: "back"], notice: notice)
    }

    /// `POST /staff/login`: signs in and goes back to the page asked for; a wrong name or password, or a locked
    /// account, comes back to the form with the name kept.
    func login(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(LoginForm.self)) ?? LoginForm()
        let username = form.username ?? ""
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await loginPage(
                req, username: username, back: form.back, error: "页面已过期，请重新输入密码后登录。", status: .forbidden)
        }
        do {
            let (token, _) = try await staff.signIn(username: username, password: form.password ?? "", at: context.clock.now())
            let response = req.redirect(to: StaffSession.safeReturn(form.back), redirectType: .normal)
            StaffSession.set(token, on: response, req)
            return response
        } catch let error as SignInError {
            req.logger.notice("staff sign-in refused", metadata: ["reason": "\(error == .refused ? "refused" : "locked")"])
            return try await loginPage(req, username: username, back: form.back, error: error.description, status: .unauthorized)
        }
    }

    /// `POST /staff/logout`: ends the session (the form's token is checked: another site cannot sign anyone out).
    func logout(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(LoginForm.self)) ?? LoginForm()
        guard CSRF.isValid(req, formToken: form._csrf) else { throw ProblemDetails(.forbidden, detail: "页面已过期，请返回后重试。") }
        if let token = StaffSession.token(req) { try await staff.signOut(token: token) }
        let response = req.redirect(to: "/staff/login?signedOut=1", redirectType: .normal)
        StaffSession.clear(on: response)
        return response
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
        var _csrf: String?
    }

    func passwordPage(_ req: Request, errors: [String: String] = [:], notice: String? = nil,
                      status: HTTPResponseStatus = .ok) async throws -> Response {
        let fields = [
            FormField.plain("current", "当前密码", type: "password", autocomplete: "current-password", maxlength: 200, errors: errors),
            FormField.plain(
                "new", "新密码", hint: StaffPasswordRules.summary,
                type: "password", autocomplete: "new-password", maxlength: 200, errors: errors),
            FormField.plain("confirm", "再次输入新密码", type: "password", autocomplete: "new-password", maxlength: 200, errors: errors),
        ]
        return try await pages.render(
            "staff-password", req, title: "修改密码", crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "修改密码")],
            status: status, content: FormContent(fields: fields, back: "/staff", error: errors.values.first, notice: notice))
    }

    /// `GET /staff/password`: the form.
    func passwordForm(_ req: Request) async throws -> Response { try await passwordPage(req) }

    /// `POST /staff/password`: changes the password; the member's other sessions end, this one goes on.
    func changePassword(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(PasswordForm.self)) ?? PasswordForm()
        guard CSRF.isValid(req, formToken: form._csrf), let token = StaffSession.token(req) else {
            return try await passwordPage(req, errors: ["current": "页面已过期，请重新填写。"], status: .forbidden)
        }
        guard form.new == form.confirm else {
            return try await passwordPage(req, errors: ["confirm": "两次输入的新密码不一致"], status: .unprocessableEntity)
        }
        do {
            try await staff.changePassword(token: token, current: form.current ?? "", new: form.new ?? "", at: context.clock.now())
            return try await passwordPage(req, notice: "密码已修改。您在其他设备上的登录已全部退出。")
        } catch SignInError.wrongCurrentPassword {
            return try await passwordPage(req, errors: ["current": SignInError.wrongCurrentPassword.description], status: .unprocessableEntity)
        } catch let error as SignInError {
            return try await passwordPage(req, errors: ["new": error.description], status: .unprocessableEntity)
        }
    }

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
        /// Whether the member may register applications received in person, by post or by fax.
        var mayRegister: Bool
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
                mayRegister: CasePermissions.mayReceive(role: member.scope.role), administers: member.role.name == "admin",
                supervises: member.role.name == "supervisor"))
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
                report: o.lastYearsReportPublished ? "已发布" : "未发布", attention: o.overdue > 0 || o.answeredLateThisYear > 0)
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
