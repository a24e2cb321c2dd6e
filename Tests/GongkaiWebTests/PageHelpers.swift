import Foundation
import Vapor
import VaporTesting

/// What a browser keeps between pages: the cookies set, and the hidden fields of the last form read.
struct PageSession {
    var cookies: [String: String] = [:]

    var headers: HTTPHeaders {
        var h = HTTPHeaders()
        if !cookies.isEmpty { h.add(name: .cookie, value: cookies.map { "\($0)=\($1)" }.sorted().joined(separator: "; ")) }
        return h
    }

    mutating func keep(_ res: TestingHTTPResponse) {
        for header in res.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
    }

    /// `value="…"` of the input named `name` in `html`.
    static func hidden(_ name: String, in html: String) -> String? {
        guard let r = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    /// Posts `bytes` as the file `name` in a multipart form to `path`, with the form's CSRF token: the status, the
    /// redirect's location and the page.
    func upload(_ app: Application, _ path: String, _ name: String, _ bytes: Data, field: String = "file") async throws -> (HTTPStatus, String?, String) {
        var (headers, body) = WebTestApp.multipart([(name, bytes)], field: field)
        var withToken = ByteBuffer(string: "--gk-boundary\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(cookies["gk_csrf"] ?? "")\r\n")
        withToken.writeBuffer(&body)
        for (n, v) in self.headers { headers.add(name: n, value: v) }
        var result: (HTTPStatus, String?, String) = (.ok, nil, "")
        try await app.testing().test(.POST, path, headers: headers, body: withToken) { res in
            result = (res.status, res.headers.first(name: .location), res.body.string)
        }
        return result
    }

    /// A URL-encoded form body and its headers (cookies included).
    func form(_ fields: [(String, String)]) -> (HTTPHeaders, ByteBuffer) {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map {
            "\($0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        var h = headers
        h.contentType = .urlEncodedForm
        return (h, ByteBuffer(string: body))
    }
}
