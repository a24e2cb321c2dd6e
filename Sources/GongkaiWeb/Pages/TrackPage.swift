import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/track?code=…`: 申请查询 — the 查询码 alone shows an application's status, its timeline in plain words and how
/// its due date was counted (`Office.track`); nothing personal. The letters issued to the applicant carry the
/// applicant's name: they open only with the phone given when applying, sent in a POST body (`POST /track/letters`,
/// never in a URL), and download the same way (`POST /track/letters/file`).
struct TrackPage {
    let context: WebContext

    struct Content: Encodable {
        var code: String
        var error: String?
        var found: PublicCaseView?
        var phone: [FormField]
        /// The phone as typed, carried by the download buttons' forms once it has opened the letters.
        var verifiedPhone: String?
        var letters: [Letter]?
    }

    struct Letter: Encodable {
        var id: Int
        var preview: LetterPage.Preview
    }

    func show(_ req: Request) async throws -> Response {
        let code = (req.query[String.self, at: "code"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        return try await page(req, code: code)
    }

    func page(_ req: Request, code: String, phone: String = "", phoneError: String? = nil,
              letters: ApplicantLetters? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        var content = Content(
            code: code, error: nil, found: nil,
            phone: [.plain("phone", "联系电话", hint: "申请时填写的联系电话", type: "tel", autocomplete: "tel", maxlength: 30,
                           value: phone, errors: phoneError.map { ["phone": $0] } ?? [:])],
            verifiedPhone: letters == nil ? nil : phone,
            letters: letters?.letters.map { Letter(id: $0.id, preview: LetterPage.preview($0.letter)) })
        var status = status
        if !code.isEmpty {
            do {
                content.found = try await context.office.track(code, on: context.clock.now().date)
            } catch CaseError.unknownTrackingCode {
                content.error = "没有找到查询码为「\(code)」的申请。请核对查询码（共16位，字母和数字，不区分大小写）。"
                status = .notFound
            }
        }
        return try await Pages(context: context).render(
            "track", req, title: "申请查询", crumbs: [.init(label: "申请查询")], status: status, content: content)
    }

    struct LettersForm: Vapor.Content {
        var code: String?
        var phone: String?
        var id: Int?
        var format: String?
        var _csrf: String?
    }

    /// `POST /track/letters`: the letters, once the phone matches; a wrong phone is named beside its field.
    func letters(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(LettersForm.self)) ?? LettersForm()
        let (code, phone) = ((form.code ?? "").trimmingCharacters(in: .whitespaces).uppercased(), form.phone ?? "")
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, code: code, phone: phone, phoneError: "页面已过期，请再提交一次", status: .forbidden)
        }
        do {
            let letters = try await context.office.applicantLetters(code, phone: phone)
            return try await page(req, code: code, phone: phone, letters: letters)
        } catch let e as CaseError {
            if case .unknownTrackingCode = e { return try await page(req, code: code) }
            return try await page(req, code: code, phone: phone, phoneError: e.description, status: .forbidden)
        }
    }

    /// `POST /track/letters/file`: one letter's Word file (`format=docx`) or PDF, with the same checks.
    func file(_ req: Request) async throws -> Response {
        let form = (try? req.content.decode(LettersForm.self)) ?? LettersForm()
        guard CSRF.isValid(req, formToken: form._csrf) else { throw Abort(.forbidden, reason: "页面已过期，请返回申请查询页再试一次") }
        let pdf = form.format == "pdf"
        let (stored, data) = try await context.office.applicantLetterFile(
            form.code ?? "", phone: form.phone ?? "", letterID: form.id ?? 0, pdf: pdf)
        return LetterPage.download(stored, data: data, pdf: pdf)
    }
}
