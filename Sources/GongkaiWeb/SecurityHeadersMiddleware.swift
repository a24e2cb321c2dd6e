import Vapor

/// Headers every response carries: no script or style from anywhere but this site and never inline, no framing,
/// no MIME sniffing, no referrer sent to other sites. A handler may set a policy of its own for a document it
/// serves whole (the stand-alone report page: no script at all, its own inline stylesheet).
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let h = [
            ("Content-Security-Policy", Self.contentSecurityPolicy), ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        ]
        for (name, value) in h where !(name == "Content-Security-Policy" && response.headers.contains(name: name)) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }
}
