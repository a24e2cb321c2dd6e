import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/publications/{id}`: one item — its content, its state and history, the 第二十六条 clock day by day, and
/// the forms of the steps the member may take now (修改/提交审查, 保密审查, 同意发布, 撤销发布).
extension PublicationPage {
    struct Event: Encodable {
        var at: String
        var actor: String
        var action: String
        var note: String
    }

    struct Question: Encodable {
        var field: FormField
    }

    struct ItemContent: Encodable {
        var id: Int
        var action: String
        var version: Int
        var title: String
        var state: String
        var live: Bool
        var publicHref: String?
        var facts: [CasePage.Fact]
        var paragraphs: [String]
        var clock: String
        var overdue: Bool
        var trail: [String]
        var history: [Event]
        var answers: [CasePage.Fact]
        var mayEdit: Bool
        var mayReview: Bool
        var mayApprove: Bool
        var mayRevoke: Bool
        var fields: [FormField]
        var checklist: [FormField]
        var comments: [FormField]
        var reason: [FormField]
        var requiresApproval: Bool
        /// Drafted 不予公开: the review confirms or returns it.
        var draftedWithheld: Bool
        /// 双公示: the batch's rows and what would refuse it; the upload field when one may be uploaded.
        var decisions: Decisions?
        var decisionUpload: [FormField]
        var attachments: [AttachmentDownloads.Link]
        var upload: [FormField]
        var notice: String?
        var error: String?
        var errors: [String]
    }

    func page(
        _ req: Request, id: Int, typed: ItemForm? = nil, problems: [IntakeError] = [], error: String? = nil, notice: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let member = try StaffSession.member(req)
        let now = context.clock.now()
        let file = try await context.office.publicationFile(id, scope: member.scope, at: now)
        let p = file.publication
        let c = p.content
        var facts: [CasePage.Fact] = [
            .init(label: "信息类别", value: Article20Item(rawValue: c.article20Item).map { "第二十条第（\($0.rawValue)）项 \($0.columnName)" } ?? ""),
            .init(label: "文号", value: c.documentNumber.isEmpty ? "无" : c.documentNumber),
            .init(label: "公开属性", value: c.disclosure.label + (c.withholdingReason.isEmpty ? "" : "：" + c.withholdingReason)),
            .init(label: "文件类型", value: c.documentKind?.label ?? "不是规章或规范性文件"),
            .init(label: "主题分类", value: c.subject.isEmpty ? "未填" : c.subject),
            .init(label: "成文日期", value: c.writtenOn?.iso ?? "未填"),
            .init(label: "形成或者变更日期", value: c.formedOn.iso),
            .init(label: "公开渠道", value: c.channels.joined(separator: "、")),
            .init(label: "定时发布", value: c.publishAt?.description ?? "批准后立即发布"),
            .init(label: "起草人", value: p.author.isEmpty ? "本机关" : p.author),
        ]
        if let s = p.submittedBy { facts.append(.init(label: "提交审查", value: s)) }
        if let r = p.reviewer { facts.append(.init(label: "审核人", value: r)) }
        if let a = p.approver { facts.append(.init(label: "批准发布", value: a)) }
        if let item = p.catalogueItem {
            facts.append(.init(label: "索引号", value: item.indexNumber))
            facts.append(.init(label: "发布时间", value: item.visibleFrom?.description ?? item.publishedOn.iso))
        }
        let answers = (p.answers.map { a in
            file.settings.checklist.questions.compactMap { q in a.answers[q].map { CasePage.Fact(label: q, value: $0 ? "是" : "否") } }
        }) ?? []
        let form = typed?.publication ?? PublicationForm(c)
        let errors = Dictionary(problems.map { ($0.key ?? $0.field, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let checklist = file.settings.checklist.questions.enumerated().map { i, q in
            FormField.plain("q\(i)", q, type: "radio", value: req.content[String.self, at: "q\(i)"] ?? "", options: [("no", "否"), ("yes", "是")])
        }
        let content = ItemContent(
            id: p.id, action: Self.href(p.id), version: p.version, title: c.title, state: Self.stateLabel(p, at: now), live: file.isLive,
            publicHref: file.isLive ? p.catalogueItem.map { "/agencies/\(p.agencyID)/catalogue/items/\($0.id ?? 0)" } : nil,
            facts: facts, paragraphs: c.body.split(whereSeparator: \.isNewline).map(String.init),
            clock: file.due.map { due in
                "应于 \(due.due.iso) 前公开（第二十六条：形成或者变更之日起20个工作日），\(file.timeliness?.label ?? "")"
            } ?? (c.disclosure.hasPublicationClock ? "—" : "\(c.disclosure.label)的信息不适用第二十六条的时限"),
            overdue: file.timeliness?.isOverdue ?? false, trail: file.due?.trail.map(\.description) ?? [],
            history: p.history.map { Event(at: $0.at.description, actor: $0.actor.isEmpty ? "本机关" : $0.actor, action: $0.action, note: $0.note) },
            answers: answers, mayEdit: file.actions.contains(.edit), mayReview: file.actions.contains(.review),
            mayApprove: file.actions.contains(.approve), mayRevoke: file.actions.contains(.revoke),
            fields: Self.fields(form, errors: errors), checklist: checklist,
            comments: [.plain("comments", "审查意见", hint: "退回修改时必填：写明要修改什么", type: "textarea", maxlength: 2_000,
                              required: false, value: typed?.comments ?? "")],
            reason: [.plain("reason", "撤销理由", hint: "撤销后该信息立即从网站撤下，记录和索引号保留", type: "textarea", maxlength: 500,
                            value: typed?.reason ?? "")],
            requiresApproval: file.settings.requiresApproval, draftedWithheld: c.disclosure == .withheld,
            decisions: file.decisions.map { d in
                Decisions(
                    file: "\(d.batch.fileName)（\(d.batch.rows)条，\(d.batch.uploadedBy) \(d.batch.uploadedAt) 上传）",
                    rows: d.rows.map { .init(reference: $0.reference, decidedOn: $0.decidedOn, itemCode: $0.itemCode, itemName: $0.itemName) },
                    problems: d.problems)
            },
            decisionUpload: file.takesDecisions
                ? [.plain("decisions", "处理决定（双公示）", hint: "CSV 文件，格式同处理决定台账（事项编码、决定日期、决定书文号）；发布时一并登记到处理决定台账",
                          type: "file", required: false, errors: errors)] : [],
            attachments: AttachmentDownloads.links(file.attachments, base: Self.href(p.id)),
            upload: [.plain("file", "附件", hint: "可上传 \(AttachmentRules.accepted)；每个不超过 \(AttachmentRules.size(context.limits.maxFileBytes))，最多\(AttachmentRules.maxPerItem)个",
                            type: "file", required: false, errors: errors)],
            notice: notice, error: error, errors: problems.map(\.description))
        return try await pages.render(
            "staff-publication", req, title: c.title,
            crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "主动公开", href: "/staff/publications"), .init(label: c.title)],
            status: status, content: content)
    }

    struct Decisions: Encodable {
        struct Row: Encodable {
            var reference: String
            var decidedOn: String
            var itemCode: String
            var itemName: String
        }
        var file: String
        var rows: [Row]
        var problems: [String]
    }

    /// `GET /staff/publications/{id}` (`?done=` after a step).
    func show(_ req: Request) async throws -> Response {
        let notices = [
            "created": "草稿已保存。核对后提交保密审查", "saved": "修改已保存", "submitted": "已提交保密审查",
            "reviewed": "审查结果已记录", "approved": "已批准发布", "revoked": "已撤销发布，网站上已撤下",
            "attached": "附件已上传", "detached": "附件已删除", "decisions": "处理决定已上传，核对无误", "decisionsRemoved": "处理决定已删除",
        ]
        return try await page(req, id: req.parameters.get("id", as: Int.self) ?? 0,
                              notice: req.query[String.self, at: "done"].flatMap { notices[$0] })
    }

    /// `POST /staff/publications/{id}`: `action` = save, submit, pass, return, withhold, approve, revoke. A refusal
    /// comes back on the page with its reason and what was typed.
    func act(_ req: Request) async throws -> Response {
        let id = req.parameters.get("id", as: Int.self) ?? 0
        let form = (try? req.content.decode(ItemForm.self)) ?? ItemForm()
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, id: id, typed: form, error: "页面已过期，请核对后再提交一次", status: .forbidden)
        }
        let scope = try StaffSession.member(req).scope
        let (office, now, version) = (context.office, context.clock.now(), Int(form.version ?? "") ?? 0)
        func done(_ what: String) -> Response { req.redirect(to: Self.href(id) + "?done=\(what)", redirectType: .normal) }
        do {
            switch form.action {
            case "save":
                _ = try await office.revisePublication(id, form.publication, expectedVersion: version, scope: scope, at: now)
                return done("saved")
            case "submit":
                _ = try await office.submitPublication(id, expectedVersion: version, scope: scope, at: now)
                return done("submitted")
            case "pass", "withhold":
                let answers = try await checklistAnswers(req, scope: scope)
                _ = try await office.reviewPublication(
                    id, form.action == "pass" ? .pass(answers) : .withhold(answers), expectedVersion: version, scope: scope, at: now)
                return done("reviewed")
            case "return":
                _ = try await office.returnPublication(id, comments: form.comments ?? "", expectedVersion: version, scope: scope, at: now)
                return done("reviewed")
            case "approve":
                _ = try await office.approvePublication(id, expectedVersion: version, scope: scope, at: now)
                return done("approved")
            case "revoke":
                _ = try await office.revokePublication(id, reason: form.reason ?? "", expectedVersion: version, scope: scope, at: now)
                return done("revoked")
            default:
                throw Abort(.badRequest, reason: "未知的操作")
            }
        } catch {
            guard let refusal = StepRefusal(error) else { throw error }
            return try await page(
                req, id: id, typed: form, problems: refusal.problems, error: refusal.message, status: refusal.status)
        }
    }

    /// The checklist as answered in the form: `q0`… = `yes` (是) or `no` (否), by the agency's questions; a question
    /// left unanswered is left out (the review names it).
    func checklistAnswers(_ req: Request, scope: AgencyScope) async throws -> ChecklistAnswers {
        let questions = try await context.office.publicationSettings(scope: scope).checklist.questions
        var answers: [String: Bool] = [:]
        for (i, q) in questions.enumerated() {
            switch req.content[String.self, at: "q\(i)"] {
            case "yes": answers[q] = true
            case "no": answers[q] = false
            default: break
            }
        }
        return ChecklistAnswers(answers)
    }
}
