import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/cases/{reference}/letters/{id}`: 文书 — one letter of a case as it will be printed, with the form to
/// complete a draft (every 【…】 blank filled), 签发 (numbered and locked), 删除草稿, and, once issued, the Word and
/// PDF files and 更正 (a new letter naming this one). Each button calls one `Office` letter workflow.
struct LetterPage {
    let context: WebContext
    var pages: Pages { Pages(context: context) }

    struct PageContent: Encodable {
        var reference: String
        var caseHref: String
        var action: String
        var id: Int
        var version: Int
        var kind: String
        var status: String
        var issued: Bool
        var facts: [CasePage.Fact]
        var letter: Preview
        var blanks: [String]
        var mayRevise: Bool
        var mayIssue: Bool
        var mayCorrect: Bool
        var fields: [FormField]
        var reason: [FormField]
        var files: [CasePage.Fact]
        var error: String?
        var notice: String?
    }

    struct Preview: Encodable {
        var title: String
        var number: String?
        var addressee: String
        var paragraphs: [String]
        var note: String?
        var signatory: String
        var date: String
    }

    static func preview(_ letter: Letter) -> Preview {
        Preview(
            title: letter.title, number: letter.number?.description, addressee: letter.addressee, paragraphs: letter.paragraphs,
            note: letter.correctionNote, signatory: letter.signatory, date: letter.date.chineseDate)
    }

    static func href(_ reference: String, _ id: Int) -> String { CasePage.href(reference) + "/letters/\(id)" }

    func page(_ req: Request, _ stored: StoredLetter, typed: [String: String] = [:], error: String? = nil,
              notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let member = try StaffSession.member(req)
        let role = member.scope.role
        let letter = stored.letter
        let slot = try await context.office.letterSlots(
            for: try await context.office.caseFile(stored.reference, scope: member.scope, on: context.clock.now().date),
            scope: member.scope
        ).first { $0.eventIndex == stored.eventIndex }
        let newer = slot?.letters.first { $0.replacesID == stored.id }
        var facts = [CasePage.Fact(label: "答复的事项", value: slot.map { "\($0.event.date) \($0.event.kind.label)" } ?? "")]
        facts.append(.init(label: "拟稿", value: "\(stored.draftedBy.isEmpty ? "本机关" : stored.draftedBy) \(stored.draftedAt?.description ?? "")"))
        if let by = stored.issuedBy, let at = stored.issuedAt { facts.append(.init(label: "签发", value: "\(by.isEmpty ? "本机关" : by) \(at)")) }
        if let old = letter.replaces { facts.append(.init(label: "更正的文书", value: old.description)) }
        if let newer { facts.append(.init(label: "已被更正", value: newer.letter.number?.description ?? "更正文书草稿（编号 \(newer.id)）")) }
        let body = typed["body"] ?? letter.paragraphs.joined(separator: "\n\n")
        let errors = error.map { ["body": $0] } ?? [:]
        let fields = [
            FormField.plain("addressee", "主送", hint: "申请人或被征求意见方的名称", maxlength: 200, value: typed["addressee"] ?? letter.addressee),
            FormField.plain("body", "正文", hint: "一段一行；【】中的内容须填写后才能签发", type: "textarea", maxlength: 20_000, value: body, errors: errors),
        ]
        let base = Self.href(stored.reference, stored.id)
        let content = PageContent(
            reference: stored.reference, caseHref: CasePage.href(stored.reference), action: base, id: stored.id,
            version: stored.version, kind: letter.kind.title, status: stored.status.label, issued: stored.isIssued, facts: facts,
            letter: Self.preview(letter),
            blanks: letter.blanks,
            mayRevise: !stored.isIssued && LetterPermissions.mayDraft(role: role),
            mayIssue: !stored.isIssued && LetterPermissions.mayIssue(role: role),
            mayCorrect: stored.isIssued && newer == nil && LetterPermissions.mayDraft(role: role),
            fields: fields,
            reason: [.plain("reason", "更正原因", hint: "写入更正文书：本文书更正并替代……", type: "textarea", maxlength: 500,
                            value: typed["reason"] ?? "", errors: error.map { ["reason": $0] } ?? [:])],
            files: stored.isIssued ? [.init(label: "Word 文档（.docx）", value: base + "/docx"), .init(label: "PDF", value: base + "/pdf")] : [],
            error: error, notice: notice)
        let title = "\(letter.kind.title)\(letter.number.map { " \($0)" } ?? "（草稿）")"
        return try await pages.render(
            "staff-letter", req, title: title,
            crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "申请 \(stored.reference)", href: content.caseHref), .init(label: letter.kind.title)],
            status: status, content: content)
    }

    /// The letter of the path, checked to belong to the path's case.
    func stored(_ req: Request) async throws -> StoredLetter {
        let member = try StaffSession.member(req)
        let id = req.parameters.get("id", as: Int.self) ?? 0
        let stored = try await context.office.letter(id, scope: member.scope)
        guard stored.reference == req.parameters.get("reference") else { throw LetterError.notFound(id) }
        return stored
    }

    /// `GET`: the letter (`?done=saved|issued|corrected` after an action).
    func show(_ req: Request) async throws -> Response {
        let notices = ["saved": "草稿已保存", "issued": "文书已签发，已编号并锁定", "created": "草稿已拟制，请核对并填写【】中的内容"]
        return try await page(req, try await stored(req), notice: req.query[String.self, at: "done"].flatMap { notices[$0] })
    }

    struct DraftForm: Content {
        var eventIndex: Int?
        var _csrf: String?
    }

    /// `POST /staff/cases/{reference}/letters`: drafts the letter of one event and opens it.
    func draft(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(DraftForm.self)) ?? DraftForm()
        let reference = req.parameters.get("reference") ?? ""
        guard CSRF.isValid(req, formToken: form._csrf) else { throw Abort(.forbidden, reason: "页面已过期，请返回案卷页再试一次") }
        let member = try StaffSession.member(req)
        let letter = try await context.office.draftLetter(
            reference: reference, eventIndex: form.eventIndex ?? -1, scope: member.scope, at: context.clock.now())
        return req.redirect(to: Self.href(letter.reference, letter.id) + "?done=created", redirectType: .normal)
    }

    struct ActionForm: Content {
        var action: String?
        var version: Int?
        var addressee: String?
        var body: String?
        var reason: String?
        var _csrf: String?
    }

    /// `POST …/letters/{id}`: `action` = save (the draft as typed), issue (签发), discard (删除草稿) or correct (更正);
    /// a refusal comes back on the page with its reason and what was typed.
    func act(_ req: Request) async throws -> Response {
        let stored = try await stored(req)
        let form = (try? req.content.decode(ActionForm.self)) ?? ActionForm()
        let typed = FormField.typed([("addressee", form.addressee), ("body", form.body), ("reason", form.reason)])
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, stored, typed: typed, error: "页面已过期，请核对后再提交一次", status: .forbidden)
        }
        let member = try StaffSession.member(req)
        let office = context.office
        let version = form.version ?? 0
        do {
            switch form.action {
            case "save":
                let paragraphs = (form.body ?? "").split(whereSeparator: \.isNewline).map(String.init)
                let saved = try await office.reviseLetter(
                    stored.id, addressee: form.addressee ?? "", paragraphs: paragraphs, expectedVersion: version, scope: member.scope)
                return req.redirect(to: Self.href(saved.reference, saved.id) + "?done=saved", redirectType: .normal)
            case "issue":
                let issued = try await office.issueLetter(stored.id, expectedVersion: version, scope: member.scope, at: context.clock.now())
                return req.redirect(to: Self.href(issued.reference, issued.id) + "?done=issued", redirectType: .normal)
            case "discard":
                try await office.discardLetter(stored.id, expectedVersion: version, scope: member.scope)
                return req.redirect(to: CasePage.href(stored.reference), redirectType: .normal)
            case "correct":
                let draft = try await office.correctLetter(stored.id, reason: form.reason ?? "", scope: member.scope, at: context.clock.now())
                return req.redirect(to: Self.href(draft.reference, draft.id) + "?done=created", redirectType: .normal)
            default:
                throw Abort(.badRequest, reason: "未知的操作")
            }
        } catch let e as LetterError {
            let status = HTTPResponseStatus(statusCode: ErrorPresenterMiddleware.problem(for: e, logger: req.logger).status)
            return try await page(req, try await self.stored(req), typed: typed, error: e.description, status: status)
        } catch let e as CaseError {
            guard case .notPermitted = e else { throw e }
            return try await page(req, stored, typed: typed, error: e.description, status: .forbidden)
        }
    }

    /// `GET …/docx`, `…/pdf`: the issued letter's file, named by its number.
    func file(_ req: Request) async throws -> Response {
        let stored = try await stored(req)
        let pdf = req.url.path.hasSuffix("/pdf")
        let data = try await context.office.letterFile(stored.id, pdf: pdf, scope: try StaffSession.member(req).scope)
        return Self.download(stored, data: data, pdf: pdf)
    }

    /// The letter's file as an attachment named by its number and title.
    static func download(_ stored: StoredLetter, data: Data, pdf: Bool) -> Response {
        let name = "\(stored.letter.number?.description ?? "文书")\(stored.letter.kind.title).\(pdf ? "pdf" : "docx")"
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = pdf ? .pdf : HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
        response.attach(as: name, fallback: "letter.\(pdf ? "pdf" : "docx")")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
