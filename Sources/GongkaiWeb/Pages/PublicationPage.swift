import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/publications…`: 主动公开 — items written, put through 保密审查 (第十七条), approved and published into the
/// catalogue at their moment, each against 第二十六条's 20 working days. Every button calls one `Office`
/// publication workflow; what the member may do is what `Office.publicationFile` offers.
struct PublicationPage {
    let context: WebContext
    var pages: Pages { Pages(context: context) }

    static func href(_ id: Int) -> String { "/staff/publications/\(id)" }

    struct Row: Encodable {
        var href: String
        var title: String
        var state: String
        var formedOn: String
        var clock: String
        var overdue: Bool
        var indexNumber: String
        var publishAt: String
    }

    struct Tab: Encodable {
        var title: String
        var href: String
        var count: Int
        var current: Bool
    }

    struct ListContent: Encodable {
        var tabs: [Tab]
        var heading: String
        /// How many items the heading's choice holds (all pages).
        var count: Int
        var rows: [Row]
        /// The words searched for, and the state chosen, kept in the search form.
        var words: String
        var searched: Bool
        var state: String?
        var pageLinks: [PageLink]
        var mayDraft: Bool
        var overdue: Int
        var proposals: [ProposalRow]
        var notice: String?
        var error: String?
    }

    /// `GET /staff/publications?state=`: every item of the agency, or those in one state, with its Art. 26 clock.
    func list(_ req: Request) async throws -> Response {
        try await list(req, error: nil, status: .ok)
    }

    func list(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let member = try StaffSession.member(req)
        let now = context.clock.now()
        let chosen = req.query[String.self, at: "state"].flatMap(PublicationState.init(rawValue:))
        let words = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let listing = try await context.office.publicationListing(
            scope: member.scope, state: chosen, words: words, page: req.query[Int.self, at: "page"] ?? 1, on: now.date)
        func href(_ state: PublicationState?) -> String {
            "/staff/publications" + PageLink.query(
                [state.map { URLQueryItem(name: "state", value: $0.rawValue) }, words.isEmpty ? nil : URLQueryItem(name: "q", value: words)].compactMap { $0 })
        }
        let rows = listing.entries.map { e in
            let p = e.publication
            return Row(
                href: Self.href(p.id), title: p.content.title, state: Self.stateLabel(p, at: now), formedOn: p.content.formedOn.iso,
                clock: e.timeliness.map { "\($0.dueDate.iso) \($0.label)" } ?? "—", overdue: e.timeliness?.isOverdue == true,
                indexNumber: p.catalogueItem?.indexNumber ?? "", publishAt: p.catalogueItem?.visibleFrom?.description ?? p.content.publishAt?.description ?? "")
        }
        let tabs = [Tab(title: "全部", href: href(nil), count: listing.found, current: chosen == nil)]
            + PublicationState.allCases.map { s in
                Tab(title: s.label, href: href(s), count: listing.counts[s] ?? 0, current: s == chosen)
            }
        return try await pages.render(
            "staff-publications", req, title: "主动公开", crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "主动公开")],
            status: status,
            content: ListContent(
                tabs: tabs, heading: chosen?.label ?? "全部信息", count: listing.matching, rows: rows, words: words, searched: !words.isEmpty,
                state: chosen?.rawValue, pageLinks: PageLink.around(req, keeping: ["state", "q"], current: listing.page, pages: listing.pageCount),
                mayDraft: PublicationPermissions.mayAuthor(role: member.scope.role), overdue: listing.overdue,
                proposals: try await proposalRows(member.scope, on: now.date),
                notice: req.query[String.self, at: "done"] == "declined" ? "已记录不纳入主动公开的理由" : nil, error: error))
    }

    /// 已批准发布 is 待发布 until its moment, then 已发布.
    static func stateLabel(_ p: StoredPublication, at now: Moment) -> String {
        guard p.state == .approved, let from = p.catalogueItem?.visibleFrom else { return p.state.label }
        return from <= now ? "已发布" : "待发布（\(from) 起公开）"
    }

    struct FormContent: Encodable {
        var action: String
        var fields: [FormField]
        var errors: [String]
        /// The applications of a 第四十四条 proposal the draft comes from ("A1,A2").
        var sources: String?
    }

    static func fields(_ form: PublicationForm, errors: [String: String]) -> [FormField] {
        [
            .plain("title", "标题", maxlength: 200, value: form.title, errors: errors),
            .plain("article20Item", "信息类别（第二十条）", type: "select", value: form.article20Item, errors: errors,
                   options: [("", "请选择")] + Article20Item.allCases.map { (String($0.rawValue), "（\($0.rawValue)）\($0.columnName)") }),
            .plain("disclosure", "公开属性", hint: "依申请公开的信息只在目录中列出条目，不公开全文和附件；不予公开的不列入目录", type: "select",
                   value: form.disclosure.isEmpty ? DisclosureAttribute.proactive.rawValue : form.disclosure, errors: errors,
                   options: DisclosureAttribute.allCases.map { ($0.rawValue, $0.label) }),
            .plain("withholdingGround", "不予公开理由", hint: "公开属性为不予公开时必选", type: "select", required: false,
                   value: form.withholdingGround, errors: errors,
                   options: [("", "不适用")] + WithheldReason.draftingGrounds.map { (String($0.rawValue), "\($0.label)（\($0.article)）") }),
            .plain("withholdingNote", "不予公开说明", hint: "可写明具体依据", type: "textarea", maxlength: 500, required: false,
                   value: form.withholdingNote, errors: errors),
            .plain("documentKind", "文件类型", hint: "规章或规范性文件发布后同时登记到规章和规范性文件台账（年度报告第二部分）", type: "select",
                   required: false, value: form.documentKind, errors: errors,
                   options: [("", "不是规章或规范性文件"), ("rule", "规章"), ("normative", "规范性文件")]),
            .plain("documentNumber", "文号", hint: "没有文号的留空", maxlength: 60, required: false, value: form.documentNumber, errors: errors),
            .plain("subject", "主题分类", hint: "如 安全生产监管", maxlength: 40, required: false, value: form.subject, errors: errors),
            .plain("writtenOn", "成文日期", hint: "如 2024-03-04", maxlength: 10, required: false, value: form.writtenOn, errors: errors),
            .plain("formedOn", "形成或者变更日期", hint: "第二十六条：自这一天起20个工作日内公开", maxlength: 10, value: form.formedOn, errors: errors),
            .plain("channels", "公开渠道", hint: "用顿号分隔；留空为 政府网站", maxlength: 200, required: false, value: form.channels, errors: errors),
            .plain("publishAt", "定时发布", hint: "如 2024-03-06 09:00；留空则批准后立即发布。发布前网站上任何地方都看不到", maxlength: 16,
                   required: false, value: form.publishAt, errors: errors),
            .plain("body", "正文", hint: "一段一行", type: "textarea", maxlength: 100_000, required: false, value: form.body, errors: errors),
        ]
    }

    /// `GET /staff/publications/new`: the draft form.
    /// `?from=A1,A2`: from a 第四十四条 proposal, its title and text filled in.
    func new(_ req: Request) async throws -> Response {
        guard let from = req.query[String.self, at: "from"], !from.isEmpty else { return try await newForm(req, PublicationForm(), problems: []) }
        let member = try StaffSession.member(req)
        let form = try await context.office.proposalForm(Self.references(from), scope: member.scope, on: context.clock.now().date)
        return try await newForm(req, form, problems: [], sources: from)
    }

    func newForm(
        _ req: Request, _ form: PublicationForm, problems: [IntakeError], sources: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let errors = Dictionary(problems.map { ($0.key ?? $0.field, $0.reason) }, uniquingKeysWith: { a, _ in a })
        return try await pages.render(
            "staff-publication-new", req, title: "起草拟公开信息",
            crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "主动公开", href: "/staff/publications"), .init(label: "起草")],
            status: status,
            content: FormContent(
                action: "/staff/publications", fields: Self.fields(form, errors: errors), errors: problems.map(\.description), sources: sources))
    }

    struct ItemForm: Content {
        var action: String?
        /// Text, so that a missing or mangled version is a stale form rather than an unreadable one.
        var version: String?
        var title: String?
        var documentNumber: String?
        var article20Item: String?
        var subject: String?
        var writtenOn: String?
        var formedOn: String?
        var body: String?
        var channels: String?
        var publishAt: String?
        var documentKind: String?
        var disclosure: String?
        var withholdingGround: String?
        var withholdingNote: String?
        var comments: String?
        var reason: String?
        var sources: String?
        var _csrf: String?

        var publication: PublicationForm {
            var f = PublicationForm()
            f.title = title ?? ""
            f.documentNumber = documentNumber ?? ""
            f.article20Item = article20Item ?? ""
            f.subject = subject ?? ""
            f.writtenOn = writtenOn ?? ""
            f.formedOn = formedOn ?? ""
            f.body = body ?? ""
            f.channels = channels ?? ""
            f.publishAt = publishAt ?? ""
            f.documentKind = documentKind ?? ""
            f.disclosure = disclosure ?? ""
            f.withholdingGround = withholdingGround ?? ""
            f.withholdingNote = withholdingNote ?? ""
            return f
        }
    }

    /// `POST /staff/publications`: creates the draft and opens it.
    func create(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(ItemForm.self)) ?? ItemForm()
        guard CSRF.isValid(req, formToken: form._csrf) else { throw Abort(.forbidden, reason: "页面已过期，请返回再试一次") }
        let member = try StaffSession.member(req)
        do {
            let (office, now) = (context.office, context.clock.now())
            let stored = try await (form.sources ?? "").isEmpty
                ? office.draftPublication(form.publication, scope: member.scope, at: now)
                : office.draftPublication(form.publication, fromRequests: Self.references(form.sources ?? ""), scope: member.scope, at: now)
            return req.redirect(to: Self.href(stored.id) + "?done=created", redirectType: .normal)
        } catch let e as IntakeProblems {
            return try await newForm(req, form.publication, problems: e.problems, sources: form.sources, status: .unprocessableEntity)
        }
    }
}
