import GongkaiOffice
import GongkaiStore
import Vapor

/// `/track?code=…`: 申请查询 — the 查询码 alone shows an application's status, its timeline in plain words and how
/// its due date was counted (`Office.track`); nothing personal.
struct TrackPage {
    let context: WebContext

    struct Content: Encodable {
        var code: String
        var error: String?
        var found: PublicCaseView?
    }

    func show(_ req: Request) async throws -> Response {
        let code = (req.query[String.self, at: "code"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        var content = Content(code: code, error: nil, found: nil)
        var status = HTTPResponseStatus.ok
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
}
