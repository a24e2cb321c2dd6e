import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/admin`: 机关设置与用户 — the administrator's page: the agency's letter prefix, how online applications
/// are confirmed and the receipt rule; the agency's users with their role and whether they can sign in; adding a
/// user and resetting a password. Every form calls one office workflow, which checks that the member is an
/// administrator of this agency.
struct AdminPage {
    let context: WebContext

    struct UserRow: Encodable {
        var username: String
        var name: String
        var role: String
        var state: String
    }

    struct TemplateForm: Encodable {
        var kind: String
        var title: String
        var custom: Bool
        var field: [FormField]
        var open: Bool
    }

    struct PageContent: Encodable {
        var agency: String
        var templates: [TemplateForm]
        var placeholders: String
        var settings: [FormField]
        /// 发布设置: the 索引号 pattern, the 保密审查 checklist, whether the 负责人 approves publication.
        var publishing: [FormField]
        var users: [UserRow]
        var newUser: [FormField]
        var reset: [FormField]
        var notice: String?
        var error: String?
    }

    static let roles: [(String, String)] = Role.builtIn.map { ($0.name, $0.title) }

    func page(_ req: Request, typed: [String: String] = [:], errors: [String: String] = [:], notice: String? = nil,
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let member = try StaffSession.member(req)
        let accounts = try await context.staff.accounts(by: member)
        let agency = member.agency
        let now = context.clock.now().minuteNumber
        let closing: String = if case .agencyGuide(let hours) = agency.receiptRule { hours.closing.description } else { "17:00" }
        let ruleName = if case .agencyGuide = agency.receiptRule { "agency-guide" } else { "article31" }
        func value(_ key: String, _ fallback: String) -> String { typed[key] ?? fallback }
        let settings: [FormField] = [
            .plain("letterPrefix", "机关代字（文书编号）", hint: "如 大应急公开，编号即 大应急公开〔2024〕第1号；不填则用“\(LetterNumber.defaultPrefix(agencyName: agency.name))”",
                   maxlength: 20, required: false, value: value("letterPrefix", agency.letterPrefix ?? ""), errors: errors),
            .plain("onlineConfirmation", "网上申请的确认（第三十一条）", type: "select",
                   value: value("onlineConfirmation", agency.onlineConfirmation.rawValue), errors: errors,
                   options: OnlineConfirmation.allCases.map { ($0.rawValue, $0.label) }),
            .plain("receiptRule", "收件规则", type: "select", value: value("receiptRule", ruleName), errors: errors,
                   options: [("article31", "第三十一条：提交渠道的法定日期"), ("agency-guide", "本机关指南：非工作时间提交的以下一工作日为收到之日")]),
            .plain("closing", "下班时间", hint: "HH:MM；仅用于本机关指南的收件规则", maxlength: 5, required: false,
                   value: value("closing", closing), errors: errors),
        ]
        let publishing = try await context.office.publicationSettings(scope: member.scope)
        let publishingFields: [FormField] = [
            .plain("indexPattern", "索引号规则", hint: "占位符：" + IndexNumberPattern.placeholders.map { "{\($0)}" }.joined(separator: " ")
                   + "；须含 {年份} 和 {流水号}。已编的索引号不变", maxlength: 60, value: value("indexPattern", publishing.indexPattern.text), errors: errors),
            .plain("checklist", "保密审查清单", hint: "一行一个问题，审核人逐项回答“是”或“否”；写明依据的条款", type: "textarea", maxlength: 2_100,
                   value: value("checklist", publishing.checklist.lines), errors: errors),
            .plain("requiresApproval", "发布审批", type: "select", value: value("requiresApproval", publishing.requiresApproval ? "yes" : "no"),
                   errors: errors, options: [("no", "保密审查通过即发布"), ("yes", "审查通过后由负责人批准发布")]),
        ]
        let custom = try await context.office.letterTemplates(by: member)
        let templates = LetterKind.allCases.map { kind in
            let key = "template-\(kind.rawValue)"
            let text = typed[key] ?? custom[kind]?.paragraphs.joined(separator: "\n") ?? ""
            return TemplateForm(
                kind: kind.rawValue, title: kind.title, custom: custom[kind] != nil,
                field: [.plain(key, "\(kind.title)的正文", hint: "一段一行；留空则使用系统的默认文本", type: "textarea", maxlength: 10_000,
                               required: false, value: text, errors: errors)],
                open: errors[key] != nil)
        }
        let users = accounts.map { a in
            let state = a.passwordHash == nil ? "未设密码，不能登录"
                : a.lockedUntil.map { $0 > now ? "已锁定至 \(Moment(minuteNumber: $0))" : "可登录" } ?? "可登录"
            return UserRow(username: a.user.username, name: a.user.displayName, role: a.role.title, state: state)
        }
        let newUser: [FormField] = [
            .plain("username", "用户名", hint: "登录用，字母、数字", autocomplete: "off", maxlength: 40, value: value("username", ""), errors: errors),
            .plain("displayName", "姓名或职务", hint: "显示在工作台和文书中，如 办公室负责人", maxlength: 40, value: value("displayName", ""), errors: errors),
            .plain("role", "角色", type: "select", value: value("role", "officer"), errors: errors, options: Self.roles),
            .plain("password", "初始密码", hint: StaffPasswordRules.summary, type: "password", autocomplete: "new-password", maxlength: 72, errors: errors),
        ]
        let reset: [FormField] = [
            .plain("resetUsername", "用户", type: "select", value: value("resetUsername", accounts.first?.user.username ?? ""), errors: errors,
                   options: accounts.map { ($0.user.username, "\($0.user.displayName)（\($0.user.username)）") }),
            .plain("resetPassword", "新密码", hint: "重设后该用户的登录全部退出，锁定解除", type: "password", autocomplete: "new-password",
                   maxlength: 72, errors: errors),
        ]
        return try await Pages(context: context).render(
            "staff-admin", req, title: "机关设置与用户",
            crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "机关设置与用户")], status: status,
            content: PageContent(agency: agency.name, templates: templates,
                                 placeholders: LetterTemplate.placeholders.map { "{\($0)}" }.joined(separator: " "), settings: settings, publishing: publishingFields, users: users, newUser: newUser, reset: reset, notice: notice,
                             error: errors.isEmpty ? nil : "未保存，请按提示修改"))
    }

    func show(_ req: Request) async throws -> Response {
        let notices = ["settings": "机关设置已保存", "user": "用户已添加", "password": "密码已重设，该用户的登录已全部退出", "template": "文书模板已保存", "publishing": "发布设置已保存"]
        return try await page(req, notice: req.query[String.self, at: "saved"].flatMap { notices[$0] })
    }

    struct AdminForm: Content {
        var _csrf: String?
        var letterPrefix: String?
        var onlineConfirmation: String?
        var receiptRule: String?
        var closing: String?
        var username: String?
        var displayName: String?
        var role: String?
        var password: String?
        var resetUsername: String?
        var resetPassword: String?
        var kind: String?
        var template: String?
        var indexPattern: String?
        var checklist: String?
        var requiresApproval: String?

        var typed: [String: String] {
            FormField.typed([
                ("letterPrefix", letterPrefix), ("onlineConfirmation", onlineConfirmation), ("receiptRule", receiptRule),
                ("closing", closing), ("username", username), ("displayName", displayName), ("role", role),
                ("resetUsername", resetUsername), ("template-\(kind ?? "")", template),
                ("indexPattern", indexPattern), ("checklist", checklist), ("requiresApproval", requiresApproval),
            ])
        }
    }

    /// `POST /staff/admin/{settings|publishing|users|password|template}`: one form; its problems beside its fields.
    func save(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(AdminForm.self)) ?? AdminForm()
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, typed: form.typed, errors: ["letterPrefix": "页面已过期，请再提交一次"], status: .forbidden)
        }
        let member = try StaffSession.member(req)
        let what = req.parameters.get("what") ?? ""
        do {
            switch what {
            case "settings":
                let closing = form.closing ?? ""
                let rule: ReceiptRule
                if form.receiptRule == "agency-guide" {
                    guard let time = TimeOfDay(parsing: closing) else {
                        return try await page(req, typed: form.typed, errors: ["closing": "「\(closing)」不是 HH:MM"], status: .unprocessableEntity)
                    }
                    rule = .agencyGuide(OfficeHours(closing: time))
                } else {
                    rule = .article31
                }
                _ = try await context.office.updateSettings(
                    AgencySettings(
                        letterPrefix: form.letterPrefix ?? "",
                        onlineConfirmation: OnlineConfirmation(rawValue: form.onlineConfirmation ?? "") ?? .automatic, receiptRule: rule),
                    by: member)
            case "users":
                _ = try await context.staff.addUser(
                    User(agencyID: member.agency.id ?? 0, username: form.username ?? "", displayName: form.displayName ?? "",
                         role: form.role ?? ""),
                    password: form.password ?? "", by: member)
            case "password":
                try await context.staff.resetPassword(form.resetPassword ?? "", username: form.resetUsername ?? "", by: member)
            case "template":
                guard let kind = LetterKind(rawValue: form.kind ?? "") else { throw Abort(.badRequest, reason: "未知的文书种类") }
                try await context.office.saveLetterTemplate(kind, text: form.template ?? "", by: member, at: context.clock.now())
            case "publishing":
                _ = try await context.office.updatePublicationSettings(
                    indexPattern: form.indexPattern ?? "", checklist: form.checklist ?? "", requiresApproval: form.requiresApproval == "yes",
                    by: member)
            default:
                throw Abort(.notFound)
            }
            return req.redirect(to: "/staff/admin?saved=\(what == "users" ? "user" : what)", redirectType: .normal)
        } catch let e as IntakeProblems {
            let errors = Dictionary(e.problems.map { ($0.key ?? $0.field, $0.reason) }, uniquingKeysWith: { a, _ in a })
            return try await page(req, typed: form.typed, errors: errors, status: .unprocessableEntity)
        } catch let e as IntakeError {
            return try await page(req, typed: form.typed, errors: [e.key ?? "letterPrefix": e.reason], status: .unprocessableEntity)
        } catch let e as SignInError {
            return try await page(req, typed: form.typed, errors: [what == "users" ? "password" : "resetPassword": e.description], status: .unprocessableEntity)
        } catch StoreError.invalidValue(let field, _, let reason) {
            let key = ["username": "username", "role": "role"][field] ?? "username"
            return try await page(req, typed: form.typed, errors: [key: reason], status: .unprocessableEntity)
        }
    }
}
