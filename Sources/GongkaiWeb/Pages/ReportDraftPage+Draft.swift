import GongkaiCore
import GongkaiDocuments
import GongkaiOffice
import Vapor

/// `/staff/reports/{id}`: one draft — the checker's findings (what blocks submission first), the words of
/// 一、五、六 in text boxes with the sentences the figures offer, the whole report as it will be published (the
/// tables from the registers, with the registers each section counts), the review and approval forms, the history.
extension ReportDraftPage {
    struct Finding: Encodable {
        var place: String
        var message: String
        var blocking: Bool
    }

    /// A figure of section III with the link to the cases it counts.
    struct Figure: Encodable {
        var label: String
        var count: Int
        var href: String
    }

    /// A row of section II with each of its figures linked to the register rows it counts.
    struct ProactiveFigures: Encodable {
        struct Cell: Encodable {
            var label: String
            var value: String
            var href: String
        }
        var row: String
        var cells: [Cell]
    }

    struct Source: Encodable {
        var section: String
        var registers: [PublicationPage.Tab]
    }

    struct DraftContent: Encodable {
        var action: String
        var version: Int
        var year: Int
        var state: String
        var deadline: String
        var late: Bool
        var amendment: Bool
        var publicHref: String?
        var blocking: [Finding]
        var warnings: [Finding]
        var suggestions: [String]
        var article: String
        var sources: [Source]
        var proactiveFigures: [ProactiveFigures]
        var figures: [Figure]
        var appealFigures: [Figure]
        var fields: [FormField]
        var checklist: [FormField]
        var comments: [FormField]
        var answers: [CasePage.Fact]
        var mayEdit: Bool
        var mayReview: Bool
        var mayApprove: Bool
        var history: [PublicationPage.Event]
        var notice: String?
        var error: String?
        var errors: [String]
    }

    struct DraftForm: Content {
        var _csrf: String?
        var action: String?
        var version: String?
        var preamble: String?
        var overview: String?
        var problems: String?
        var otherMatters: String?
        var amendmentNote: String?
        var comments: String?

        var text: ReportTextForm {
            ReportTextForm(
                preamble: preamble ?? "", overview: overview ?? "", problems: problems ?? "", otherMatters: otherMatters ?? "",
                amendmentNote: amendmentNote)
        }
    }

    /// The registers each table counts, as CSV downloads of the staff's registers page.
    static let sources: [(String, [(String, String)])] = [
        ("第二部分 主动公开", [("normative-documents", "规章和规范性文件台账"), ("administrative-items", "行政事项台账"),
                            ("administrative-decisions", "处理决定台账"), ("procurement-projects", "政府集中采购台账"),
                            ("fee-collections", "行政事业性收费台账")]),
        ("第三部分 依申请公开", [("applications", "依申请公开台账")]),
        ("第四部分 行政复议、行政诉讼", [("appeal-cases", "复议诉讼台账")]),
    ]

    func page(
        _ req: Request, id: Int, typed: DraftForm? = nil, problems: [IntakeError] = [], error: String? = nil, notice: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let member = try StaffSession.member(req)
        let file = try await context.office.reportDraftFile(id, scope: member.scope, at: context.clock.now())
        let d = file.draft
        let text = d.text
        let errors = Dictionary(problems.map { ($0.key ?? $0.field, $0.reason) }, uniquingKeysWith: { a, _ in a })
        func box(_ name: String, _ label: String, _ lines: [String], _ typedValue: String?, hint: String) -> FormField {
            .plain(name, label, hint: hint, type: "textarea", maxlength: ReportTextForm.maxCharacters, required: false,
                   value: typedValue ?? lines.joined(separator: "\n"), errors: errors)
        }
        var fields = [
            box("preamble", "前言", text.preamble, typed?.preamble, hint: "标题和“一、总体情况”之间的文字；一段一行"),
            box("overview", text.overview.heading, text.overview.text, typed?.overview, hint: "一段一行。写到的数字须与表格一致，保存后即核对"),
            box("problems", text.problems.heading, text.problems.text, typed?.problems, hint: "第五十条第（四）项；一段一行"),
            box("otherMatters", text.otherMatters.heading, text.otherMatters.text, typed?.otherMatters, hint: "没有需要报告的事项时写“无。”"),
        ]
        if file.isAmendment {
            fields.append(.plain("amendmentNote", "修订说明", hint: "公布后的更正：写明更正了什么、为什么；将随新版本公布", type: "textarea",
                                 maxlength: 500, required: false, value: typed?.amendmentNote ?? d.amendmentNote ?? "", errors: errors))
        }
        func shown(_ f: GongkaiCore.Finding) -> Finding {
            Finding(place: f.location.description, message: f.message, blocking: file.blocking.contains(f))
        }
        let answers = d.answers.map { a in
            file.checklist.questions.compactMap { q in a.answers[q].map { CasePage.Fact(label: q, value: $0 ? "是" : "否") } }
        } ?? []
        let content = DraftContent(
            action: Self.href(d.id), version: d.version, year: d.year, state: d.state == .approved ? "已公布" : d.state.label,
            deadline: "应于 \(AnnualReportDeadline.due(reportYear: d.year).iso) 前公布（第四十九条）：\(file.deadline.label)",
            late: file.deadline.isLate, amendment: file.isAmendment,
            publicHref: file.published.isEmpty ? nil : "/agencies/\(d.agencyID)/reports/\(d.year)",
            blocking: file.blocking.map(shown), warnings: file.findings.filter { !file.blocking.contains($0) }.map(shown),
            suggestions: file.suggestions, article: HTMLReportWriter.article(file.report),
            sources: Self.sources.map { section, registers in
                Source(section: section, registers: registers.map {
                    PublicationPage.Tab(title: $0.1, href: "/staff/registers/\($0.0).csv", count: 0, current: false)
                })
            },
            proactiveFigures: file.report.proactive.rows.map { row in
                let p = file.report.proactive
                return ProactiveFigures(row: row.label(in: p.format), cells: row.columns(in: p.format).map { column in
                    .init(label: column.label, value: p[row, column].description.isEmpty ? "0" : p[row, column].description,
                          href: "\(Self.href(d.id))/records?row=\(row.rawValue)&column=\(column.rawValue)")
                })
            },
            figures: file.report.applications.table.rows.map { row in
                Figure(label: row.displayName, count: file.report.applications.table[row, .total].countOrZero,
                       href: "\(Self.href(d.id))/cases?row=\(row.id)&column=\(ApplicantColumn.total.rawValue)")
            },
            appealFigures: AppealsGroup.allCases.map { g in
                Figure(label: g.label, count: file.report.appeals.table[g, .total].countOrZero,
                       href: "\(Self.href(d.id))/appeals?group=\(g.rawValue)&result=\(AppealsResult.total.rawValue)")
            },
            fields: fields,
            checklist: file.checklist.questions.enumerated().map { i, q in
                .plain("q\(i)", q, type: "radio", value: req.content[String.self, at: "q\(i)"] ?? "", options: [("no", "否"), ("yes", "是")])
            },
            comments: [.plain("comments", "意见", hint: "退回修改时必填：写明要修改什么", type: "textarea", maxlength: 2_000, required: false,
                              value: typed?.comments ?? "")],
            answers: answers, mayEdit: file.actions.contains(.edit), mayReview: file.actions.contains(.review),
            mayApprove: file.actions.contains(.approve),
            history: d.history.map { .init(at: $0.at.description, actor: $0.actor.isEmpty ? "本机关" : $0.actor, action: $0.action, note: $0.note) },
            notice: notice, error: error, errors: problems.map(\.description))
        return try await pages.render(
            "staff-report", req, title: "\(d.year)年度报告\(file.isAmendment ? "修订" : "")草稿",
            crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "年度报告", href: "/staff/reports"), .init(label: "\(d.year)年度")],
            status: status, content: content)
    }

    /// `GET /staff/reports/{id}` (`?done=` after a step).
    func show(_ req: Request) async throws -> Response {
        let notices = [
            "saved": "已保存，并已重新核对", "submitted": "已提交审核", "reviewed": "审核结果已记录",
            "approved": "已同意公布：报告已在网站公布，内容已锁定",
        ]
        return try await page(req, id: req.parameters.get("id", as: Int.self) ?? 0,
                              notice: req.query[String.self, at: "done"].flatMap { notices[$0] })
    }

    /// `POST /staff/reports/{id}`: `action` = save, suggest (save with the offered sentences added to 一), submit,
    /// pass, return, approve. A refusal comes back on the page with its reason and what was typed.
    func act(_ req: Request) async throws -> Response {
        let id = req.parameters.get("id", as: Int.self) ?? 0
        let form = (try? req.content.decode(DraftForm.self)) ?? DraftForm()
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, id: id, typed: form, error: "页面已过期，请核对后再提交一次", status: .forbidden)
        }
        let scope = try StaffSession.member(req).scope
        let (office, now, version) = (context.office, context.clock.now(), Int(form.version ?? "") ?? 0)
        func done(_ what: String) -> Response { req.redirect(to: Self.href(id) + "?done=\(what)", redirectType: .normal) }
        do {
            switch form.action {
            case "save":
                _ = try await office.saveReportDraft(id, form.text, expectedVersion: version, scope: scope, at: now)
                return done("saved")
            case "suggest":
                var text = form.text
                let offered = try await office.reportDraftFile(id, scope: scope, at: now).suggestions
                text.overview = ([text.overview] + offered).filter { !$0.isEmpty }.joined(separator: "\n")
                _ = try await office.saveReportDraft(id, text, expectedVersion: version, scope: scope, at: now)
                return done("saved")
            case "submit":
                _ = try await office.submitReportDraft(id, expectedVersion: version, scope: scope, at: now)
                return done("submitted")
            case "pass":
                let answers = try await PublicationPage(context: context).checklistAnswers(req, scope: scope)
                _ = try await office.reviewReportDraft(id, .pass(answers), expectedVersion: version, scope: scope, at: now)
                return done("reviewed")
            case "return":
                _ = try await office.returnReportDraft(id, comments: form.comments ?? "", expectedVersion: version, scope: scope, at: now)
                return done("reviewed")
            case "approve":
                _ = try await office.approveReportDraft(id, expectedVersion: version, scope: scope, at: now)
                return done("approved")
            default:
                throw Abort(.badRequest, reason: "未知的操作")
            }
        } catch {
            guard let refusal = StepRefusal(error) else { throw error }
            return try await page(
                req, id: id, typed: form, problems: refusal.problems, error: refusal.message, status: refusal.status)
        }
    }
}
