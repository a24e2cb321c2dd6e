import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/agencies/{id}/apply`: 网上申请 (Arts. 27–29). The form posts to itself; a bad field comes back with every
/// value as typed and each error beside its field; a good one is received by `Office.applyOnline` and answered
/// with the 查询码 and the 回执.
struct ApplyPage {
    let context: WebContext
    let ledger: SubmissionLedger<AppliedContent>

    typealias Field = FormField
    typealias Option = FormField.Option

    struct Problem: Encodable {
        var href: String?
        var message: String
    }

    struct Content: Encodable {
        var agencyID: Int
        var agency: String
        var action: String
        var submission: String
        /// The applicant's kind (one radio group).
        var kind: [Field]
        var applicant: [Field]
        var organisation: [Field]
        var contact: [Field]
        var request: [Field]
        /// 信息载体 and 获取方式 (radio groups).
        var delivery: [Field]
        var problems: [Problem]
        var notice: String?
    }

    static let kinds: [(String, String)] = ApplicantKind.allCases.map { kind in
        switch kind {
        case .naturalPerson: return (kind.rawValue, "公民（自然人）")
        case .otherOrganization: return (kind.rawValue, "其他组织")
        default: return (kind.rawValue, kind.label)
        }
    }
    static let idTypes: [IdentityDocumentType] = [
        .residentIDCard, .passport, .mainlandTravelPermitHKMacao, .mainlandTravelPermitTaiwan,
        .foreignPermanentResidentID,
    ]
    static let media: [(String, String)] = [("electronic", "电子文档"), ("paper", "纸质文本"), ("disc", "光盘")]
    static let methods: [(String, String)] = [
        ("email", "电子邮件"), ("post", "邮寄"), ("pickup", "自行领取"), ("onsite", "现场查阅"), ("fax", "传真"),
    ]

    /// The form, filled with `values` and marked with `problems` (keyed by the field's key; a nil key is the whole
    /// form's).
    static func content(
        agency: Agency, values: [String: String], problems: [IntakeError], submission: String, notice: String? = nil
    ) -> Content {
        var errors: [String: String] = [:]
        for p in problems { if let key = p.key, errors[key] == nil { errors[key] = p.reason } }
        func field(
            _ key: String, _ label: String, hint: String? = nil, type: String = "text", autocomplete: String? = nil,
            inputmode: String? = nil, maxlength: Int = 100, required: Bool = false, options: [(String, String)] = [],
            default fallback: String = ""
        ) -> Field {
            let id = key.replacingOccurrences(of: ".", with: "-")
            let value = values[key] ?? fallback
            let parts = key.split(separator: ".")
            let described = [hint.map { _ in "\(id)-hint" }, errors[key].map { _ in "\(id)-error" }].compactMap { $0 }
            return Field(
                key: key, id: id, name: "\(parts[0])[\(parts[1])]", label: label, hint: hint, type: type,
                autocomplete: autocomplete, inputmode: inputmode, maxlength: maxlength, required: required, value: value,
                error: errors[key],
                options: options.map { Option(value: $0.0, label: $0.1, selected: $0.0 == value, id: "\(id)-\($0.0)") },
                describedBy: described.isEmpty ? nil : described.joined(separator: " "))
        }
        let applicant = [
            field("applicant.name", "姓名或者名称", hint: "公民填写姓名；法人或者其他组织填写全称", autocomplete: "name", required: true),
            field(
                "applicant.idType", "证件类型", hint: "公民填写", type: "select",
                options: idTypes.map { ($0.rawValue, $0.rawValue) }, default: IdentityDocumentType.residentIDCard.rawValue),
            field("applicant.idNumber", "证件号码", hint: "公民填写；居民身份证为18位", maxlength: 40),
        ]
        let organisation = [
            field("applicant.creditCode", "统一社会信用代码", hint: "法人或者其他组织填写，18位", maxlength: 18),
            field("applicant.legalRepresentative", "法定代表人或者负责人", hint: "法人或者其他组织填写"),
            field("applicant.contactPerson", "联系人", hint: "法人或者其他组织填写"),
        ]
        let contact = [
            field("applicant.phone", "联系电话", hint: "手机或者固定电话，用于联系您", type: "tel", autocomplete: "tel", maxlength: 30),
            field("applicant.email", "电子邮箱", type: "email", autocomplete: "email", maxlength: 120),
            field("applicant.address", "通信地址", maxlength: 200),
            field("applicant.postcode", "邮政编码", autocomplete: "postal-code", inputmode: "numeric", maxlength: 6),
        ]
        let request = [
            field(
                "request.description", "所需政府信息的内容描述", hint: "写明信息的名称、文号或者便于查找的特征，如时间、地点、事项",
                type: "textarea", maxlength: 2000, required: true),
            field("request.documentTitle", "文件名称（如知道）", maxlength: 200),
            field("request.documentNumber", "发文字号（如知道）", hint: "如：京大应急发〔2020〕1号", maxlength: 100),
            field("request.indexNumber", "索引号（如知道）", maxlength: 100),
        ]
        // The summary lists the problems in the order of the form's fields.
        let order = ["applicant.kind"] + (applicant + organisation + contact + request).map(\.key)
            + ["delivery.medium", "delivery.method"]
        let sorted = problems.enumerated().sorted { a, b in
            let (x, y) = (a.element.key.flatMap(order.firstIndex) ?? order.count, b.element.key.flatMap(order.firstIndex) ?? order.count)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let summary = sorted.map { p in
            Problem(href: p.key.map { "#" + $0.replacingOccurrences(of: ".", with: "-") }, message: "\(p.field)：\(p.reason)")
        }
        return Content(
            agencyID: agency.id ?? 0, agency: agency.name, action: "/agencies/\(agency.id ?? 0)/apply",
            submission: submission,
            kind: [field("applicant.kind", "申请人类型", type: "radio", required: true, options: kinds, default: "naturalPerson")],
            applicant: applicant, organisation: organisation, contact: contact, request: request,
            delivery: [
                field("delivery.medium", "信息载体", type: "radio", options: media, default: "electronic"),
                field("delivery.method", "获取方式", type: "radio", options: methods, default: "email"),
            ],
            problems: summary, notice: notice)
    }

    static func newSubmissionToken() -> String { randomHex(words: 2) }

    func page(_ req: Request, _ agency: Agency, _ content: Content, status: HTTPResponseStatus) async throws -> Response {
        try await Pages(context: context).render(
            "apply", req, title: "在线申请_\(agency.name)",
            crumbs: [.init(label: agency.name, href: "/agencies/\(agency.id ?? 0)"), .init(label: "在线申请")],
            scripts: ["/static/apply.js"], status: status, content: content)
    }

    /// `GET`: the empty form; `?item=N` fills in the name, 文号 and 索引号 of catalogue item N (a 依申请公开 entry's
    /// link) while the portal shows it, and nothing otherwise.
    func show(_ req: Request) async throws -> Response {
        let agency = try await Portal.requestedAgency(req, context)
        var values: [String: String] = [:]
        if let itemID = req.query[Int.self, at: "item"],
            let item = try? await context.office.catalogueItem(agencyID: agency.id ?? 0, itemID: itemID, at: context.clock.now()).item
        {
            values = FormField.typed([
                ("request.description", "申请获取《\(item.title)》全文"), ("request.documentTitle", item.title),
                ("request.documentNumber", item.documentNumber), ("request.indexNumber", item.indexNumber),
            ])
        }
        return try await page(
            req, agency, Self.content(agency: agency, values: values, problems: [], submission: Self.newSubmissionToken()),
            status: .ok)
    }

    /// `POST`: the form sent. A stale or missing form token, or a filled honeypot, stores nothing; bad fields come
    /// back marked (422) with everything typed; a good application is received once however often it is sent.
    func submit(_ req: Request) async throws -> Response {
        let agency = try await Portal.requestedAgency(req, context)
        let form: ApplyForm
        do { form = try req.content.decode(ApplyForm.self) } catch {
            throw ProblemDetails(.badRequest, detail: "表单内容无法读取，请返回申请页重新填写")
        }
        let submission = form.submission.flatMap { $0.count == 32 ? $0 : nil } ?? Self.newSubmissionToken()
        guard CSRF.isValid(req, formToken: form._csrf) else {
            let content = Self.content(
                agency: agency, values: form.values, problems: [], submission: submission,
                notice: "页面已过期或在别的窗口打开过，您填写的内容都还在，请核对后再提交一次。")
            return try await page(req, agency, content, status: .forbidden)
        }
        if let trap = form.website, !trap.isEmpty {
            throw ProblemDetails(.badRequest, detail: "提交未被接受。如果您是在正常填写，请联系本机关。")
        }
        let (body, now, office, agencyID) = (form.body, context.clock.now(), context.office, agency.id ?? 0)
        do {
            let applied = try await ledger.submit(submission) {
                let (received, submitted) = try await body.submit(to: office, agencyID: agencyID, at: now)
                return AppliedContent(agency: agency, stored: received, submitted: submitted)
            }
            return try await Pages(context: context).render(
                "applied", req, title: "申请已提交_\(agency.name)",
                crumbs: [.init(label: agency.name, href: "/agencies/\(agencyID)"), .init(label: "申请已提交")],
                content: applied)
        } catch let problems as IntakeProblems {
            let content = Self.content(agency: agency, values: form.values, problems: problems.problems, submission: submission)
            return try await page(req, agency, content, status: .unprocessableEntity)
        } catch let problem as IntakeError {
            let content = Self.content(agency: agency, values: form.values, problems: [problem], submission: submission)
            return try await page(req, agency, content, status: .unprocessableEntity)
        }
    }
}

/// 政府信息公开申请接收回执 — what the applicant sees (and prints) once the application is received.
struct AppliedContent: Encodable, Sendable {
    var agency: String
    var agencyID: Int
    var reference: String
    var trackingCode: String
    var applicantName: String
    var applicantKind: String
    var description: String
    var delivery: String?
    var submittedAt: String
    var receivedOn: String?
    var dueOn: String?
    var explanation: [String]
    /// 第三十三条, as the core words it.
    var answerPeriod = StatutoryClock.answerPeriodText

    init(agency: Agency, stored c: ApplicationCase, submitted: SubmittedApplication) {
        self.agency = agency.name
        agencyID = agency.id ?? 0
        reference = c.id
        trackingCode = submitted.trackingCode
        applicantName = c.applicant.name
        applicantKind = c.applicant.kind.label
        description = c.request.description
        delivery = c.delivery.map { "\($0.medium.rawValue)，\($0.method.rawValue)" }
        submittedAt = "\(c.receipt.submission.date.iso) \(c.receipt.submission.time.map(\.description) ?? "")"
        receivedOn = submitted.receivedOn?.iso
        dueOn = submitted.dueOn?.iso
        explanation = c.receipt.trail.map(\.description)
    }
}
