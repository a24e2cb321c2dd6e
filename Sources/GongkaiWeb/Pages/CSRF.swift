import Vapor

/// 表单防伪 — a random token in a cookie (`HttpOnly`, `SameSite=Strict`) that every form repeats in a hidden
/// `_csrf` field; a POST whose two copies differ is refused. Another site can neither read the cookie nor make
/// the browser send it.
enum CSRF {
    static let cookie = "gk_csrf"
    static let field = "_csrf"

    private struct NewToken: StorageKey { typealias Value = String }

    /// The request's token: the cookie's, or a new one that `CSRFCookieMiddleware` sets on the response.
    static func token(for req: Request) -> String {
        if let existing = req.cookies[cookie]?.string, isWellFormed(existing) { return existing }
        if let fresh = req.storage[NewToken.self] { return fresh }
        let fresh = randomHex(words: 4)
        req.storage[NewToken.self] = fresh
        return fresh
    }

    /// Whether the form's `_csrf` matches the cookie (compared in constant time).
    static func isValid(_ req: Request, formToken: String?) -> Bool {
        guard let expected = req.cookies[cookie]?.string, isWellFormed(expected), let formToken else { return false }
        let a = Array(expected.utf8), b = Array(formToken.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    static func newToken(_ req: Request) -> String? { req.storage[NewToken.self] }
}

/// `words` random 64-bit words from the system's generator as lower-case hex (16 characters each): form tokens.
func randomHex(words: Int) -> String {
    var rng = SystemRandomNumberGenerator()
    return (0..<words).map { _ in String(format: "%016llx", rng.next() as UInt64) }.joined()
}

/// Sets the cookie of a token made while answering the request.
struct CSRFCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let token = CSRF.newToken(request) {
            response.cookies[CSRF.cookie] = HTTPCookies.Value(
                string: token, path: "/", isSecure: request.headers.first(name: "X-Forwarded-Proto") == "https",
                isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}
