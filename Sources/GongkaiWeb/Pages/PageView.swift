import Vapor

/// Everything a page's layout needs around the page's own view model `content`: the title, the breadcrumb trail,
/// the site's footer, the reader's display preference and the form token. Templates see only this and the view
/// model, never records.
struct PageView<Content: Encodable>: Encodable {
    struct Crumb: Encodable {
        var label: String
        var href: String?
    }

    var title: String
    var site: SiteConfig
    /// Whether the footer has a 网站标识码 or 备案 number to show.
    var hasRegistration: Bool
    var crumbs: [Crumb]
    /// 大字号、高对比度 (适老化) chosen by the reader.
    var largeText: Bool
    /// The current path, so the display switch comes back here.
    var path: String
    /// The CSRF token every form on the page carries (`_csrf`).
    var csrf: String
    /// Scripts this page adds (improvements only; the page works without them).
    var scripts: [String]
    /// The signed-in member of staff (back-office pages): name, role and agency in the header, and 退出.
    var staff: StaffBar?
    var content: Content
}

/// Who is signed in, as the back office's header shows it.
struct StaffBar: Encodable {
    var name: String
    var role: String
    var agency: String
}

/// Builds a page's envelope from the request: display preference, form token, path.
struct Pages {
    let context: WebContext

    func render<Content: Encodable>(
        _ template: String, _ req: Request, title: String, crumbs: [PageView<Content>.Crumb] = [],
        scripts: [String] = [], status: HTTPResponseStatus = .ok, content: Content
    ) async throws -> Response {
        let page = PageView(
            title: title, site: context.site,
            hasRegistration: [context.site.siteCode, context.site.icp, context.site.publicSecurity].contains { $0 != nil },
            crumbs: crumbs, largeText: DisplayPreference.isLarge(req),
            path: req.url.path, csrf: CSRF.token(for: req), scripts: scripts,
            staff: StaffSession.signedIn(req).map { StaffBar(name: $0.user.displayName, role: $0.role.title, agency: $0.agency.name) },
            content: content)
        let view = try await req.view.render(template, page)
        let response = try await view.encodeResponse(status: status, for: req)
        // Pages may show what a person typed: no shared cache keeps them.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// 长者模式: large text and high contrast, kept in a cookie the reader sets with a link (no script needed).
enum DisplayPreference {
    static let cookie = "gk_display"

    static func isLarge(_ req: Request) -> Bool { req.cookies[cookie]?.string == "large" }

    /// A path on this site to return to: anything else (another host, `//evil`) returns home.
    static func safeReturn(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\") else { return "/" }
        return path
    }
}

extension Pages {
    struct ErrorContent: Encodable {
        var heading: String
        var detail: String
    }

    /// The error page for `problem`, in the site's style with the problem's status; plain text if even the page
    /// cannot be drawn.
    func error(_ problem: ProblemDetails, _ req: Request) async throws -> Response {
        let status = HTTPResponseStatus(statusCode: problem.status)
        let heading: String
        switch status {
        case .notFound: heading = "页面不存在"
        case .forbidden: heading = "请求被拒绝"
        case .payloadTooLarge: heading = "上传的内容过大"
        case .tooManyRequests: heading = "操作过于频繁"
        case .internalServerError: heading = "服务器出错了"
        default: heading = "请求无法完成"
        }
        let detail = status == .notFound ? "您访问的地址不存在，可能已经移动或删除。" : problem.detail
        do {
            return try await render(
                "error", req, title: heading, status: status, content: ErrorContent(heading: heading, detail: detail))
        } catch {
            req.logger.error("error page could not be drawn: \(error)")
            let response = Response(status: status, body: .init(string: "\(heading)：\(detail)"))
            response.headers.contentType = .plainText
            return response
        }
    }
}
