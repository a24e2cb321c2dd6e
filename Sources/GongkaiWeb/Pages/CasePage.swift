import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/cases/{reference}`: 案卷 — one application as the back office works on it: the applicant (ID and
/// phone only for roles that may see them: the store leaves them out otherwise), the request, the timeline, the
/// due date with its day-by-day count, and a form for each step the law allows now and the member's role may
/// record (`Office.actions`). A step posted is recorded through `Office.record`, which checks it all again.
struct CasePage {
    let context: WebContext
    var pages: Pages { Pages(context: context) }

    /// A form sent back: its name, what was typed and the error (field key, message).
    typealias Posted = (name: String, values: [String: String], error: (String, String))

    struct Fact: Encodable {
        var label: String
        var value: String
    }

    struct Action: Encodable {
        var name: String
        var meaning: String
        var fields: [FormField]
        var open: Bool
    }

    /// One event the law answers with a letter: the letter that stands (a link), or a button to draft it.
    struct LetterRow: Encodable {
        var eventIndex: Int
        var event: String
        var kind: String
        var status: String
        var href: String?
        var mayDraft: Bool
    }

    struct PageContent: Encodable {
        var reference: String
        /// Where each step's form posts.
        var action: String
        var version: Int
        var status: String
        var urgent: Bool
        var facts: [Fact]
        var request: [Fact]
        var events: [Fact]
        var due: String?
        var trail: [String]
        var actions: [Action]
        var letters: [LetterRow]
        var lettersAction: String
        var appeals: [AppealRow]
        /// The form registering an appeal (roles that handle cases).
        var appealForm: Action?
        var appealsAction: String
        var error: String?
        var notice: String?
    }

    /// The form fields of a step, named as `EventInput` reads them.
    static func fields(
        _ action: CaseAction, today: CivilDate, values: [String: String], error: (String, String)?, approvers: [User], me: User
    ) -> [FormField] {
        let errors = error.map { [$0.0: $0.1] } ?? [:]
        let outcomes = Outcome.allCases.map { ($0.row.id, "\($0.row.displayName)（\($0.article)）") }
        var fields = [FormField.plain("date", "日期", hint: "YYYY-MM-DD", maxlength: 10, value: values["date"] ?? "\(today)", errors: errors)]
        for name in action.fields {
            let value = values[name] ?? ""
            switch name {
            case "deadline": fields.append(.plain(name, "补正期限", hint: "YYYY-MM-DD；须为合理期限", maxlength: 10, value: value, errors: errors))
            case "until": fields.append(.plain(name, "延迟答复期限", hint: "YYYY-MM-DD", maxlength: 10, value: value, errors: errors))
            case "party":
                fields.append(.plain(name, "征求意见对象", type: "select", value: value.isEmpty ? "third-party" : value, errors: errors,
                                     options: [("third-party", "第三方（第三十二条）"), ("other-agency", "其他机关（第三十四条）")]))
            case "days": fields.append(.plain(name, "延长的工作日数", hint: "不超过\(StatutoryClock.maximumExtension)（第三十三条第二款）", maxlength: 2, value: value, errors: errors))
            case "approved-by" where !approvers.isEmpty:
                let chosen = value.isEmpty ? (approvers.contains(me) ? me.username : approvers[0].username) : value
                fields.append(.plain(name, "批准人", hint: "政府信息公开工作机构负责人", type: "select", value: chosen, errors: errors,
                                     options: approvers.map { ($0.username, $0.displayName) }))
            case "approved-by": fields.append(.plain(name, "批准人", hint: "政府信息公开工作机构负责人（本机关尚无负责人账号，请填写姓名或职务）", maxlength: 60, value: value, errors: errors))
            case "amount": fields.append(.plain(name, "收费金额（元）", hint: "如 100.00", maxlength: 12, value: value, errors: errors))
            case "outcome":
                fields.append(.plain(name, "办理结果", hint: "年度报告第三部分的行", type: "select",
                                     value: value.isEmpty ? "granted" : value, errors: errors, options: outcomes))
            case "outcomes":
                fields.append(.plain(name, "各部分的办理结果", hint: "行号以逗号分隔，如 granted,withheld.4", maxlength: 200, value: value, errors: errors))
            default: fields.append(.plain(name, name, maxlength: 100, value: value, errors: errors))
            }
        }
        return prefixed(action.name, fields)
    }

    func page(_ req: Request, reference: String, posted: Posted? = nil,
              notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let member = try StaffSession.member(req)
        let today = context.clock.now().date
        let file = try await context.office.caseFile(reference, scope: member.scope, on: today)
        let c = file.value
        let a = c.applicant
        var facts = [Fact(label: "申请人", value: "\(a.name)（\(a.kind.label)）")]
        if let id = a.identityDocument { facts.append(Fact(label: id.type.rawValue, value: id.number)) }
        if let code = a.creditCode { facts.append(Fact(label: "统一社会信用代码", value: code.value)) }
        for (label, value) in [("法定代表人", a.legalRepresentative), ("联系电话", a.phone), ("电子邮箱", a.email), ("通信地址", a.address)] {
            if let value, !value.isEmpty { facts.append(Fact(label: label, value: value)) }
        }
        let s = c.receipt.submission
        facts.append(Fact(label: "提交", value: "\(s.channel.label) \(s.date)\(s.time.map { " \($0)" } ?? "")"))
        if let code = c.trackingCode, let online = try await context.office.onlineSubmission(code, scope: member.scope),
            let at = online.confirmedAt
        {
            facts.append(Fact(label: "网上提交", value: "\(online.submittedAt)；\(online.confirmedBy ?? "") \(at) 确认收到（第三十一条）"))
        }
        facts.append(Fact(label: "收到申请之日", value: "\(c.receivedOn)"))
        if let code = c.trackingCode { facts.append(Fact(label: "查询码", value: code.description)) }
        let request = [
            Fact(label: "所需信息", value: c.request.description),
            c.request.documentTitle.map { Fact(label: "文件名称", value: $0) },
            c.request.documentNumber.map { Fact(label: "发文字号", value: $0) },
            c.request.indexNumber.map { Fact(label: "索引号", value: $0) },
        ].compactMap { $0 }
        let events = c.log.map { e in
            let who = [e.actor.isEmpty ? nil : e.actor, e.recordedAt.map { "记录于 \($0)" }].compactMap { $0 }
            return Fact(label: "\(e.event.date)", value: e.event.kind.label + (who.isEmpty ? "" : "（\(who.joined(separator: "，"))）"))
        }
        let approvers = try await context.office.approvers(scope: member.scope)
        let actions = context.office.actions(for: file, scope: member.scope).map { action in
            let mine = posted?.name == action.name ? posted : nil
            return Action(
                name: action.name, meaning: action.meaning,
                fields: Self.fields(action, today: today, values: mine?.values ?? [:], error: mine?.error, approvers: approvers, me: member.user),
                open: mine != nil)
        }
        let mayDraft = LetterPermissions.mayDraft(role: member.scope.role)
        let letters = try await context.office.letterSlots(for: file, scope: member.scope).map { slot in
            let current = slot.current
            let status = current.map { $0.letter.number?.description ?? ($0.letter.replaces == nil ? "草稿" : "更正文书草稿") } ?? "未拟制"
            return LetterRow(
                eventIndex: slot.eventIndex, event: "\(slot.event.date)", kind: slot.kind.title, status: status,
                href: current.map { LetterPage.href(c.id, $0.id) }, mayDraft: current == nil && mayDraft)
        }
        let urgent: Bool = switch file.status { case .overdue, .dueSoon: true; default: false }
        let content = PageContent(
            reference: c.id, action: Self.href(c.id) + "/events", version: file.stored.version, status: "\(c.phase.label)，\(file.status.label)", urgent: urgent,
            facts: facts, request: request, events: events,
            due: file.answerDue.map { "\($0.due)（\($0.due.weekday.chinese)）" },
            trail: (c.receipt.trail + (file.answerDue?.trail ?? [])).map(\.description), actions: actions,
            letters: letters, lettersAction: Self.href(c.id) + "/letters",
            appeals: appealRows(try await context.office.appeals(of: c.id, scope: member.scope), reference: c.id, today: today, posted: posted,
                                mayHandle: CasePermissions.mayHandle(role: member.scope.role)),
            appealForm: CasePermissions.mayHandle(role: member.scope.role) ? appealForm(today: today, posted: posted) : nil,
            appealsAction: Self.href(c.id) + "/appeals",
            error: posted.map { "未记录：\($0.error.1)" }, notice: notice)
        return try await pages.render(
            "staff-case", req, title: "申请 \(c.id)",
            crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "申请 \(c.id)")], status: status, content: content)
    }

    /// The page's path (references such as 网申2024-001 percent-encoded).
    static func href(_ reference: String) -> String {
        "/staff/cases/" + (reference.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", "."])) ?? "")
    }

    /// `GET`: the case file (`?recorded=NAME` after a step was recorded).
    func show(_ req: Request) async throws -> Response {
        let reference = req.parameters.get("reference") ?? ""
        let recorded = req.query[String.self, at: "recorded"].flatMap(EventInput.title(of:))
        let confirmed = req.query[String.self, at: "confirmed"] == nil ? nil : "已确认收到，答复期限自收到申请之日的次日起算"
        let registered = req.query[String.self, at: "registered"] == nil ? nil : "已登记，答复期限自收到申请之日的次日起算"
        let appealed = req.query[String.self, at: "appeal"] == nil ? nil : "已记录复议或诉讼（计入年度报告第四部分）"
        return try await page(req, reference: reference, notice: recorded.map { "已记录：\($0)" } ?? confirmed ?? registered ?? appealed)
    }

    struct StepForm: Content {
        var name: String?
        var version: Int?
        var _csrf: String?
        var date: String?
        var deadline: String?
        var until: String?
        var party: String?
        var days: String?
        var approvedBy: String?
        var amount: String?
        var outcome: String?
        var outcomes: String?

        enum CodingKeys: String, CodingKey {
            case name, version, _csrf, date, deadline, until, party, days, amount, outcome, outcomes
            case approvedBy = "approved-by"
        }

        var values: [String: String] {
            FormField.typed([
                ("date", date), ("deadline", deadline), ("until", until), ("party", party), ("days", days),
                ("approved-by", approvedBy), ("amount", amount), ("outcome", outcome), ("outcomes", outcomes),
            ])
        }
    }

    /// `POST …/events`: records one step (the form's version guards against two officers at once); a refused
    /// step comes back on the page with its reason and what was typed.
    func record(_ req: Request) async throws -> Response {
        let reference = req.parameters.get("reference") ?? ""
        let form = (try? req.content.decode(StepForm.self)) ?? StepForm()
        let name = form.name ?? ""
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, reference: reference, posted: (name, form.values, ("date", "页面已过期，请核对后再提交一次")), status: .forbidden)
        }
        let member = try StaffSession.member(req)
        do {
            guard let day = CivilDate(parsing: form.date ?? "") else {
                throw IntakeError(field: "date", reason: "「\(form.date ?? "")」不是 YYYY-MM-DD")
            }
            let event = try EventInput(name: name, date: day, fields: form.values).event()
            _ = try await context.office.record(
                event, on: reference, scope: member.scope, at: context.clock.now(), expectedVersion: form.version)
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-"])) ?? ""
            return req.redirect(to: Self.href(reference) + "?recorded=\(encoded)", redirectType: .normal)
        } catch let e as IntakeError {
            let reason = e.reason.contains("须填写") ? "请填写" : e.reason
            return try await page(req, reference: reference, posted: (name, form.values, (e.key ?? e.field, reason)), status: .unprocessableEntity)
        } catch let e as CaseError {
            let status: HTTPResponseStatus
            switch e {
            case .notFound: throw e
            case .notPermitted: status = .forbidden
            case .staleVersion: status = .conflict
            default: status = .unprocessableEntity
            }
            return try await page(req, reference: reference, posted: (name, form.values, ("date", e.description)), status: status)
        }
    }
}
