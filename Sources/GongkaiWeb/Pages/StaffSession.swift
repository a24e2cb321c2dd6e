import GongkaiOffice
import Vapor

/// The signed-in session's cookie (`HttpOnly`, `SameSite=Strict`, `Secure` behind HTTPS) and the member of staff
/// it belongs to, found once per request by `StaffAuthMiddleware`.
enum StaffSession {
    static let cookie = "gk_staff"

    private struct MemberKey: StorageKey { typealias Value = StaffMember }

    /// The token in the request's cookie, when it has the form of one.
    static func token(_ req: Request) -> String? {
        guard let token = req.cookies[cookie]?.string, CSRF.isWellFormed(token) else { return nil }
        return token
    }

    /// The member `StaffAuthMiddleware` found (every route behind it has one).
    static func member(_ req: Request) throws -> StaffMember {
        guard let member = req.storage[MemberKey.self] else { throw Abort(.unauthorized) }
        return member
    }

    static func signedIn(_ req: Request) -> StaffMember? { req.storage[MemberKey.self] }

    static func remember(_ member: StaffMember, _ req: Request) { req.storage[MemberKey.self] = member }

    static func set(_ token: String, on response: Response, _ req: Request) {
        response.cookies[cookie] = HTTPCookies.Value(
            string: token, path: "/", isSecure: req.headers.first(name: "X-Forwarded-Proto") == "https",
            isHTTPOnly: true, sameSite: .strict)
    }

    static func clear(on response: Response) {
        response.cookies[cookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/",
                                                     isHTTPOnly: true, sameSite: .strict)
    }

    /// A place in the back office to return to after signing in; anything else goes to the 工作台.
    static func safeReturn(_ path: String?) -> String {
        let path = DisplayPreference.safeReturn(path)
        return path.hasPrefix("/staff/") && !path.hasPrefix("/staff/login") ? path : "/staff"
    }
}

/// Lets a request through to the back office only with a live session; otherwise to the sign-in page (which
/// brings the person back to the page they asked for).
struct StaffAuthMiddleware: AsyncMiddleware {
    let context: WebContext

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = StaffSession.token(req),
            let member = try await context.staff.member(token: token, at: context.clock.now())
        else {
            var back = req.url.path
            if req.method == .GET, let query = req.url.query { back += "?" + query }
            let encoded = back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let response = req.redirect(to: "/staff/login?back=\(encoded)", redirectType: .normal)
            if StaffSession.token(req) != nil { StaffSession.clear(on: response) }
            return response
        }
        StaffSession.remember(member, req)
        return try await next.respond(to: req)
    }
}
