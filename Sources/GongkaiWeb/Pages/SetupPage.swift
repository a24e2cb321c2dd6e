import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/setup`: 首次设置 — on a database with no agency, the page that registers the agency and its first
/// administrator (`StaffSignIn.setUp`), then signs the administrator in. Once an agency exists it is gone (404).
struct SetupPage: RouteCollection {
    let context: WebContext
    var pages: Pages { Pages(context: context) }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("setup", use: show)
        routes.grouped(RateLimitMiddleware(limiter: context.limiter, name: "sign-in", rule: context.rateLimits.signIns))
            .post("setup", use: submit)
    }

    struct Form: Content {
        var agencyName: String?
        var agencyCode: String?
        var level: String?
        var region: String?
        var username: String?
        var displayName: String?
        var password: String?
        var confirm: String?
        var _csrf: String?

        var values: [String: String] {
            FormField.typed([
                ("agencyName", agencyName), ("agencyCode", agencyCode), ("level", level), ("region", region),
                ("username", username), ("displayName", displayName),
            ])
        }
    }

    struct PageContent: Encodable {
        var agency: [FormField]
        var administrator: [FormField]
        var problems: [ApplyPage.Problem]
    }

    func page(_ req: Request, values: [String: String] = [:], errors: [(String, String)] = [],
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let e = Dictionary(errors, uniquingKeysWith: { a, _ in a })
        func f(_ name: String, _ label: String, hint: String? = nil, type: String = "text", autocomplete: String? = nil,
               maxlength: Int = 100, options: [(String, String)] = [], default fallback: String = "") -> FormField {
            FormField.plain(name, label, hint: hint, type: type, autocomplete: autocomplete, maxlength: maxlength,
                            value: values[name] ?? fallback, errors: e, options: options)
        }
        let agency = [
            f("agencyName", "机关名称", hint: "全称，如：北京市大兴区应急管理局", autocomplete: "organization"),
            f("agencyCode", "机关代码", hint: "统一社会信用代码或本地区使用的机关代码，系统内唯一", maxlength: 40),
            f("level", "行政层级", type: "select", options: AgencyLevel.allCases.map { ($0.rawValue, $0.chineseName) },
              default: AgencyLevel.county.rawValue),
            f("region", "年度报告格式", hint: "按所在地区选择；北京市的报告另有行政检查、行政确认两行", type: "select",
              options: RegionalVariant.allCases.map { ($0.rawValue, $0.chineseName) }, default: RegionalVariant.national.rawValue),
        ]
        let administrator = [
            f("username", "管理员用户名", hint: "登录时使用，字母、数字均可", autocomplete: "username", maxlength: 60),
            f("displayName", "姓名", autocomplete: "name", maxlength: 60),
            f("password", "密码",
              hint: StaffPasswordRules.summary,
              type: "password", autocomplete: "new-password", maxlength: 200),
            f("confirm", "再次输入密码", type: "password", autocomplete: "new-password", maxlength: 200),
        ]
        let labels = Dictionary(uniqueKeysWithValues: (agency + administrator).map { ($0.key, $0.label) })
        let problems = errors.map { ApplyPage.Problem(href: "#" + $0.0, message: "\(labels[$0.0] ?? $0.0)：\($0.1)") }
        return try await pages.render(
            "setup", req, title: "首次设置", crumbs: [.init(label: "首次设置")], status: status,
            content: PageContent(agency: agency, administrator: administrator, problems: problems))
    }

    /// `GET /setup`: the form, while no agency exists.
    func show(_ req: Request) async throws -> Response {
        guard try await context.staff.needsSetUp() else { throw Abort(.notFound) }
        return try await page(req)
    }

    /// `POST /setup`: creates the agency and its administrator and signs in; each problem is marked beside its
    /// field with everything typed kept (passwords excepted).
    func submit(_ req: Request) async throws -> Response {
        guard try await context.staff.needsSetUp() else { throw Abort(.notFound) }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, values: form.values, errors: [("agencyName", "页面已过期，请核对后再提交一次")], status: .forbidden)
        }
        let typed = SetUpForm(
            agencyName: form.agencyName ?? "", agencyCode: form.agencyCode ?? "", level: form.level ?? "",
            region: form.region ?? "", username: form.username ?? "", displayName: form.displayName ?? "",
            password: form.password ?? "", confirm: form.confirm ?? "")
        let problems: [IntakeError]
        do {
            let (token, _) = try await context.staff.setUp(typed, at: context.clock.now())
            let response = req.redirect(to: "/staff", redirectType: .normal)
            StaffSession.set(token, on: response, req)
            return response
        } catch let e as IntakeProblems {
            problems = e.problems
        } catch let e as IntakeError {
            problems = [e]
        }
        return try await page(
            req, values: form.values, errors: problems.map { ($0.key ?? "agencyName", $0.reason) }, status: .unprocessableEntity)
    }
}
