import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/cases/new`: 登记申请 — an application received in person, by post, by ordinary letter or by fax, entered
/// by staff with its channel and the date Art. 31 takes for it (the day submitted, signed for, or confirmed); the
/// applicant and request fields are the portal's. `Office.receive` checks it all, decides the receipt date under
/// the agency's rule and gives the case its tracking code; every problem comes back beside its field.
struct RegisterPage {
    let context: WebContext

    struct Content: Encodable {
        var form: ApplyPage.Content
        var receipt: [FormField]
    }

    static let channels: [(String, String)] = [ReceiptChannel.inPerson, .post, .letter, .fax].map {
        ($0.rawValue, "\($0.label)（\($0.statutoryDate)为收到申请之日）")
    }

    func page(_ req: Request, values: [String: String], problems: [IntakeError], status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let member = try StaffSession.member(req)
        let now = context.clock.now()
        // The receipt fields' problems are keyed as the intake names them (`reference`); the form's as `receipt.…`.
        let receiptKeys = ["reference", "channel", "submittedOn", "submittedAt"]
        let moved = problems.map { p -> IntakeError in
            guard let key = p.key, receiptKeys.contains(key) else { return p }
            return IntakeError(field: p.field, reason: p.reason, key: "receipt." + key)
        }
        var form = ApplyPage.content(agency: member.agency, values: values, problems: moved, submission: "")
        form.action = "/staff/cases"
        let errors = Dictionary(moved.compactMap { p in p.key.map { ($0, p.reason) } }, uniquingKeysWith: { a, _ in a })
        func field(_ key: String, _ label: String, hint: String? = nil, type: String = "text", maxlength: Int = 40,
                   required: Bool = true, options: [(String, String)] = [], value: String) -> FormField {
            var f = FormField.plain(
                "receipt-\(key)", label, hint: hint, type: type, maxlength: maxlength, required: required,
                value: values["receipt.\(key)"] ?? value, errors: errors["receipt.\(key)"].map { ["receipt-\(key)": $0] } ?? [:],
                options: options)
            (f.key, f.name) = ("receipt.\(key)", "receipt[\(key)]")
            return f
        }
        let receipt = [
            field("reference", "受理编号", hint: "本机关的编号；已按本年顺序填好，可以改", value: try await context.office.nextReference(scope: member.scope, year: now.date.year)),
            field("channel", "提交渠道", type: "select", options: Self.channels, value: ReceiptChannel.inPerson.rawValue),
            field("submittedOn", "日期", hint: "YYYY-MM-DD：当面提交之日、邮件签收之日，或者与申请人确认之日（第三十一条）", maxlength: 10, value: now.date.iso),
            field("submittedAt", "时间", hint: "HH:MM，可不填", maxlength: 5, required: false, value: now.time.description),
        ]
        return try await Pages(context: context).render(
            "staff-register", req, title: "登记申请",
            crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "登记申请")], status: status,
            content: Content(form: form, receipt: receipt))
    }

    /// `GET`: the empty form, with the next reference, today's date and the time now (for roles that register).
    func show(_ req: Request) async throws -> Response {
        let member = try StaffSession.member(req)
        guard CasePermissions.mayReceive(role: member.scope.role) else {
            throw CaseError.notPermitted(user: member.scope.actor, action: "登记申请")
        }
        return try await page(req, values: [:], problems: [])
    }

    struct ReceiptFields: Vapor.Content {
        var reference: String?
        var channel: String?
        var submittedOn: String?
        var submittedAt: String?
    }

    struct RegisterForm: Vapor.Content {
        var applicant: ApplicationBody.Applicant?
        var request: ApplicationBody.Request?
        var delivery: ApplicationBody.Delivery?
        var receipt: ReceiptFields?
        var _csrf: String?
    }

    /// `POST /staff/cases`: registers the application and opens its case; problems come back with what was typed.
    func register(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(RegisterForm.self)) ?? RegisterForm()
        let r = form.receipt ?? ReceiptFields()
        var values = ApplyForm(applicant: form.applicant, request: form.request, delivery: form.delivery).values
        for (key, value) in [("reference", r.reference), ("channel", r.channel), ("submittedOn", r.submittedOn), ("submittedAt", r.submittedAt)] {
            if let value { values["receipt.\(key)"] = value }
        }
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, values: values, problems: [IntakeError(field: "表单", reason: "页面已过期，请核对后再提交一次")], status: .forbidden)
        }
        let member = try StaffSession.member(req)
        var (intake, problems) = ApplicationBody(applicant: form.applicant, request: form.request, delivery: form.delivery).intake()
        (intake.reference, intake.channel) = (r.reference ?? "", r.channel ?? "")
        (intake.submittedOn, intake.submittedAt) = (r.submittedOn ?? "", r.submittedAt)
        do {
            guard problems.isEmpty else { throw IntakeProblems(problems: problems) }
            var rng = SystemRandomNumberGenerator()
            let stored = try await context.office.receive(intake, scope: member.scope, at: context.clock.now(), using: &rng)
            return req.redirect(to: CasePage.href(stored.value.id) + "?registered=1", redirectType: .normal)
        } catch let e as IntakeProblems {
            problems += e.problems
        } catch let e as IntakeError {
            problems.append(e)
        } catch let e as CaseError {
            guard case .duplicateReference = e else { throw e }
            problems.append(IntakeError(field: "受理编号", reason: e.description, key: "reference"))
        }
        return try await page(req, values: values, problems: problems, status: .unprocessableEntity)
    }
}
