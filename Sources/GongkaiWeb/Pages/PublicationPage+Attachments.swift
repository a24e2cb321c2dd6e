import Foundation
import GongkaiCore
import GongkaiOffice
import Vapor

/// `/staff/publications/{id}/attachments…`: 附件 of an item — uploaded and removed while it may be edited, downloaded
/// by the agency's staff in any state. The portal serves them only while the item is visible (`CataloguePage`).
extension PublicationPage {
    struct UploadForm: Content {
        var file: File?
        var _csrf: String?
    }

    struct DeleteForm: Content {
        var _csrf: String?
    }

    /// `POST /staff/publications/{id}/attachments` (multipart, `file`): attaches the file; every problem beside it.
    func upload(_ req: Request) async throws -> Response {
        let id = req.parameters.get("id", as: Int.self) ?? 0
        let form = (try? req.content.decode(UploadForm.self)) ?? UploadForm()
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, id: id, error: "页面已过期，请再上传一次", status: .forbidden)
        }
        guard let file = form.file, file.data.readableBytes > 0 || !file.filename.isEmpty else {
            return try await page(
                req, id: id, problems: [IntakeError(field: "附件", reason: "请选择要上传的文件", key: "file", form: "拟公开信息")],
                status: .unprocessableEntity)
        }
        do {
            _ = try await context.office.attachToPublication(
                id, name: file.filename, bytes: Data(buffer: file.data), limits: context.limits,
                scope: try StaffSession.member(req).scope, at: context.clock.now())
            return req.redirect(to: Self.href(id) + "?done=attached", redirectType: .normal)
        } catch {
            guard let refusal = StepRefusal(error) else { throw error }
            return try await page(req, id: id, problems: refusal.problems, error: refusal.message, status: refusal.status)
        }
    }

    /// `POST /staff/publications/{id}/attachments/{n}/delete`.
    func detach(_ req: Request) async throws -> Response {
        let id = req.parameters.get("id", as: Int.self) ?? 0
        let form = (try? req.content.decode(DeleteForm.self)) ?? DeleteForm()
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, id: id, error: "页面已过期，请再试一次", status: .forbidden)
        }
        do {
            try await context.office.detachFromPublication(
                id, attachmentID: req.parameters.get("attachment", as: Int.self) ?? 0, scope: try StaffSession.member(req).scope)
            return req.redirect(to: Self.href(id) + "?done=detached", redirectType: .normal)
        } catch {
            guard let refusal = StepRefusal(error) else { throw error }
            return try await page(req, id: id, problems: refusal.problems, error: refusal.message, status: refusal.status)
        }
    }

    /// `GET /staff/publications/{id}/attachments/{n}`: the file, for the agency's staff.
    func download(_ req: Request) async throws -> Response {
        let (attachment, bytes) = try await context.office.publicationAttachment(
            req.parameters.get("id", as: Int.self) ?? 0, attachmentID: req.parameters.get("attachment", as: Int.self) ?? 0,
            scope: try StaffSession.member(req).scope)
        return AttachmentDownloads.response(attachment, bytes)
    }
}
