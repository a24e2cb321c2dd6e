import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/publications/{id}/attachments…`: 附件 of an item — uploaded and removed while it may be edited, downloaded
/// by the agency's staff in any state. The portal serves them only while the item is visible (`CataloguePage`).
/// `/staff/publications/{id}/decisions…`: its batch of 双公示 decisions, uploaded and removed the same way.
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
        let form = (try? req.content.decode(UploadForm.self)) ?? UploadForm()
        return try await receive(req, form.file, csrf: form._csrf, field: "附件", key: "file", done: "attached") { id, file, scope in
            _ = try await context.office.attachToPublication(
                id, name: file.filename, bytes: Data(buffer: file.data), limits: context.limits, scope: scope, at: context.clock.now())
        }
    }

    /// `POST /staff/publications/{id}/attachments/{n}/delete`.
    func detach(_ req: Request) async throws -> Response {
        try await remove(req, done: "detached") { id, scope in
            try await context.office.detachFromPublication(id, attachmentID: req.parameters.get("attachment", as: Int.self) ?? 0, scope: scope)
        }
    }

    /// `POST /staff/publications/{id}/decisions` (multipart, `decisions`): 双公示 — the batch of decisions in the
    /// 处理决定台账's format; every bad row named by line and column.
    func uploadDecisions(_ req: Request) async throws -> Response {
        struct DecisionsForm: Content {
            var decisions: File?
            var _csrf: String?
        }
        let form = (try? req.content.decode(DecisionsForm.self)) ?? DecisionsForm()
        return try await receive(req, form.decisions, csrf: form._csrf, field: "处理决定", key: "decisions", done: "decisions") { id, file, scope in
            _ = try await context.office.attachDecisions(
                id, csv: Data(buffer: file.data), fileName: file.filename, limits: context.limits, scope: scope, at: context.clock.now())
        }
    }

    /// `POST /staff/publications/{id}/decisions/delete`.
    func removeDecisions(_ req: Request) async throws -> Response {
        try await remove(req, done: "decisionsRemoved") { id, scope in
            try await context.office.removeDecisions(id, scope: scope, at: context.clock.now())
        }
    }

    /// A file posted to item `{id}`: `store` keeps it and the page says `done`, or the page comes back with every
    /// problem beside the field (`key`).
    private func receive(
        _ req: Request, _ file: File?, csrf: String?, field: String, key: String, done: String,
        _ store: (Int, File, AgencyScope) async throws -> Void
    ) async throws -> Response {
        let id = req.parameters.get("id", as: Int.self) ?? 0
        guard CSRF.isValid(req, formToken: csrf) else {
            return try await page(req, id: id, error: "页面已过期，请再上传一次", status: .forbidden)
        }
        guard let file, file.data.readableBytes > 0 || !file.filename.isEmpty else {
            return try await page(
                req, id: id, problems: [IntakeError(field: field, reason: "请选择要上传的文件", key: key, form: "拟公开信息")],
                status: .unprocessableEntity)
        }
        do {
            try await store(id, file, try StaffSession.member(req).scope)
            return req.redirect(to: Self.href(id) + "?done=\(done)", redirectType: .normal)
        } catch {
            guard let refusal = StepRefusal(error) else { throw error }
            return try await page(req, id: id, problems: refusal.problems, error: refusal.message, status: refusal.status)
        }
    }

    /// A removal from item `{id}` posted with its form token.
    private func remove(_ req: Request, done: String, _ action: (Int, AgencyScope) async throws -> Void) async throws -> Response {
        let id = req.parameters.get("id", as: Int.self) ?? 0
        let form = (try? req.content.decode(DeleteForm.self)) ?? DeleteForm()
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, id: id, error: "页面已过期，请再试一次", status: .forbidden)
        }
        do {
            try await action(id, try StaffSession.member(req).scope)
            return req.redirect(to: Self.href(id) + "?done=\(done)", redirectType: .normal)
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
