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
        let registers = RegistersPage(context: context)
        signedIn.get("registers", use: registers.show)
        // One parameter name at each position (RoutingKit): `{name}.csv` is read from `:name`.
        signedIn.get("registers", ":name", use: registers.file)
        let rows = RegisterRowsPage(context: context)
        signedIn.get("registers", ":name", "rows", use: rows.list)
        signedIn.get("registers", ":name", "rows", ":id", use: rows.show)
        signedIn.post("registers", ":name", "rows", ":id", use: rows.save)
        signedIn.on(.POST, "registers", ":name", body: .collect(maxSize: ByteCount(value: context.limits.maxFileBytes)), use: registers.upload)
        let outbox = OutboxPage(context: context)
        signedIn.get("outbox", use: outbox.show)
        signedIn.post("outbox", ":id", "sent", use: outbox.markSent)
        let admin = AdminPage(context: context)
        signedIn.get("admin", use: admin.show)
        signedIn.post("admin", ":what", use: admin.save)
        let register = RegisterPage(context: context)
        signedIn.get("cases", "new", use: register.show)
        signedIn.post("cases", use: register.register)
        signedIn.post("cases", ":reference", "appeals", use: cases.appeal)
        signedIn.post("cases", ":reference", "appeals", ":appeal", "decision", use: cases.appeal)
        let publications = PublicationPage(context: context)
        signedIn.get("publications", use: publications.list)
        signedIn.get("publications", "new", use: publications.new)
        signedIn.post("publications", use: publications.create)
        signedIn.post("publications", "proposals", "decline", use: publications.decline)
        signedIn.get("publications", ":id", use: publications.show)
        signedIn.post("publications", ":id", use: publications.act)
        signedIn.on(
            .POST, "publications", ":id", "attachments", body: .collect(maxSize: ByteCount(value: context.limits.maxFileBytes + (1 << 20))),
            use: publications.upload)
        signedIn.on(
            .POST, "publications", ":id", "decisions", body: .collect(maxSize: ByteCount(value: context.limits.maxFileBytes + (1 << 20))),
            use: publications.uploadDecisions)
        signedIn.post("publications", ":id", "decisions", "delete", use: publications.removeDecisions)
        signedIn.get("publications", ":id", "attachments", ":attachment", use: publications.download)
        signedIn.post("publications", ":id", "attachments", ":attachment", "delete", use: publications.detach)
        let documents = NormativeDocumentPage(context: context)
        signedIn.get("normative-documents", use: documents.list)
        signedIn.get("normative-documents", ":id", use: documents.show)
        signedIn.post("normative-documents", ":id", use: documents.save)
        let reports = ReportDraftPage(context: context)
        signedIn.get("reports", use: reports.list)
        signedIn.post("reports", use: reports.open)
        signedIn.get("reports", ":id", use: reports.show)
        signedIn.post("reports", ":id", use: reports.act)
        signedIn.get("reports", ":id", "cases", use: reports.cases)
        signedIn.get("reports", ":id", "appeals", use: reports.appeals)
        signedIn.get("reports", ":id", "records", use: reports.records)
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
}
