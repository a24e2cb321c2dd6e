import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `gongkai user add --password-stdin` and `gongkai user password`: the password a newcomer sets on the command line
/// is the one the server's sign-in accepts; a weak one is refused and nothing is stored.
@Suite struct UserPasswordCommandTests {
    /// Answers a redirect with itself, so that a test sees the 303 and its cookie.
    final class NoRedirects: NSObject, URLSessionTaskDelegate {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) { completionHandler(nil) }
    }

    @Test func aPasswordSetOnTheCommandLineSignsInOnTheServer() async throws {
        let db = ["--database", AgencyCommandTests.database()]
        #expect(try CLIRunner.run(["agency", "add", "--name", "某局", "--code", "A1", "--level", "county"] + db).status == 0)
        let weak = try CLIRunner.run(
            ["user", "add", "--agency", "1", "--username", "li", "--role", "officer", "--password-stdin"] + db, stdin: "short\n")
        #expect(weak.status == 1 && weak.stderr.contains("密码不符合要求：至少 10 个字符"), "\(weak.stderr)")
        #expect(try CLIRunner.run(["user", "list", "--agency", "1"] + db).stdout == "", "a refused user is not stored")
        let added = try CLIRunner.run(
            ["user", "add", "--agency", "1", "--username", "li", "--name", "李四", "--role", "officer", "--password-stdin"] + db,
            stdin: "first-pass-2026\n")
        #expect(added.status == 0 && added.stdout.contains("已添加用户：li（承办人，机关编号 1），已设置密码"), "\(added.stdout)\(added.stderr)")
        let noStdin = try CLIRunner.run(["user", "password", "--username", "li"] + db)
        #expect(noStdin.status != 0 && noStdin.stderr.contains("--password-stdin"))
        let nobody = try CLIRunner.run(["user", "password", "--username", "nobody", "--password-stdin"] + db, stdin: "other-pass-2026\n")
        #expect(nobody.status == 1 && nobody.stderr.contains("找不到用户 nobody"), "\(nobody.stderr)")
        let reset = try CLIRunner.run(["user", "password", "--username", "li", "--password-stdin"] + db, stdin: "second-pass-2026\n")
        #expect(reset.status == 0 && reset.stdout.contains("已设置用户 li 的密码"), "\(reset.stderr)")

        let port = Int.random(in: 20_000...40_000)
        let p = Process()
        p.executableURL = CLIRunner.binary
        p.arguments = ["serve", "--port", String(port)] + db
        p.standardOutput = Pipe()
        p.standardError = Pipe()
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        let session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        let base = "http://127.0.0.1:\(port)"
        var form: (Data, HTTPURLResponse)?
        for _ in 0..<100 where form == nil {
            try await Task.sleep(nanoseconds: 200_000_000)
            if let (data, response) = try? await session.data(from: URL(string: base + "/staff/login")!) {
                form = (data, response as! HTTPURLResponse)
            }
        }
        let (page, response) = try #require(form)
        let html = String(decoding: page, as: UTF8.self)
        let csrf = try #require(html.range(of: "name=\"_csrf\" value=\"").map { String(html[$0.upperBound...].prefix(64)) })
        #expect((response.value(forHTTPHeaderField: "Set-Cookie") ?? "").contains("gk_csrf=\(csrf)"))

        func signIn(_ password: String) async throws -> HTTPURLResponse {
            var request = URLRequest(url: URL(string: base + "/staff/login")!)
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.setValue("gk_csrf=\(csrf)", forHTTPHeaderField: "Cookie")
            request.httpBody = Data("_csrf=\(csrf)&username=li&password=\(password)&back=%2Fstaff".utf8)
            return try await session.data(for: request).1 as! HTTPURLResponse
        }
        #expect(try await signIn("first-pass-2026").statusCode == 401, "the old password no longer opens")
        let signedIn = try await signIn("second-pass-2026")
        #expect(signedIn.statusCode == 303 && signedIn.value(forHTTPHeaderField: "Location") == "/staff")
        #expect((signedIn.value(forHTTPHeaderField: "Set-Cookie") ?? "").contains("gk_staff="))
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
    }
}
