import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 工作人员登录: the back office opens only with a session; the form is protected, refuses without saying which
/// half was wrong, locks after repeated failures; passwords are stored as bcrypt; signing out ends the session.
@Suite struct StaffPageTests {
    static let officer = DemoAgency.demoOfficer

    /// Opens the sign-in form as a browser would: its cookie and form token.
    static func openLogin(_ app: Application, _ path: String = "/staff/login") async throws -> (PageSession, String) {
        var session = PageSession()
        var html = ""
        try await app.testing().test(.GET, path) { res in
            #expect(res.status == .ok)
            session.keep(res)
            html = res.body.string
        }
        return (session, try #require(PageSession.hidden("_csrf", in: html)))
    }

    /// Signs `username` (the demo officer) in; returns the session holding the cookie.
    static func signIn(
        _ app: Application, username: String = officer, password: String = WebTestApp.staffPassword
    ) async throws -> PageSession {
        var (session, csrf) = try await openLogin(app)
        let (h, b) = session.form([("_csrf", csrf), ("username", username), ("password", password), ("back", "/staff")])
        try await app.testing().test(.POST, "/staff/login", headers: h, body: b) { res in
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/staff")
            let cookie = try #require(res.headers[.setCookie].first { $0.hasPrefix("gk_staff=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            session.keep(res)
        }
        return session
    }

    @Test func theBackOfficeSendsStrangersToTheSignInPageAndBack() async throws {
        try await WebTestApp.with { app, _ in
            for (path, back) in [("/staff", "%2Fstaff"), ("/staff/password", "%2Fstaff%2Fpassword")] {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .seeOther)
                    #expect(res.headers.first(name: .location) == "/staff/login?back=\(back)")
                }
            }
            var forged = HTTPHeaders()
            forged.add(name: .cookie, value: "gk_staff=" + String(repeating: "a", count: 64))
            try await app.testing().test(.GET, "/staff", headers: forged) { res in
                #expect(res.status == .seeOther, "a made-up token opens nothing")
            }
            let (_, _) = try await Self.openLogin(app, "/staff/login?back=%2Fstaff%2Fpassword")
            try await app.testing().test(.GET, "/staff/login?back=%2Fstaff%2Fpassword") { res in
                #expect(res.body.string.contains("name=\"back\" value=\"/staff/password\""))
            }
            // | back asked for      | back kept    |
            // | //evil.example      | /staff       |
            // | /agencies/1         | /staff       |
            // | /staff/login        | /staff       |
            for back in ["%2F%2Fevil.example", "%2Fagencies%2F1", "%2Fstaff%2Flogin"] {
                try await app.testing().test(.GET, "/staff/login?back=\(back)") { res in
                    #expect(res.body.string.contains("name=\"back\" value=\"/staff\""), "\(back)")
                }
            }
        }
    }

    @Test func aSignedInOfficerSeesTheWorkbenchWithTheOpenApplications() async throws {
        try await WebTestApp.with { app, _ in
            // One application arrives through the API, so that the workbench has a case to show.
            let (h, b) = try ApplyAPITests.body(ApplyAPITests.citizen)
            try await app.testing().test(.POST, "/api/v1/agencies/1/applications", headers: h, body: b) { res in
                #expect(res.status == .created)
            }
            let session = try await Self.signIn(app)
            try await app.testing().test(.GET, "/staff", headers: session.headers) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("<h1>工作台</h1>"))
                #expect(html.contains("信息公开工作人员（承办人）"))
                #expect(html.contains("<h2>办理中（1 件）</h2>"))
                #expect(html.contains("aria-current=\"page\">办理中 <span class=\"count\">1</span>"))
                #expect(html.contains("已超期 <span class=\"count\">0</span>"))
                #expect(html.contains("2023年某路段施工许可"))
                #expect(html.contains("2024-04-09"), "the answer's due date")
                #expect(!html.contains("11010519491231002X") && !html.contains("13800000000"), "no ID or phone on the list")
                #expect(html.contains("action=\"/staff/logout\""))
                #expect(res.headers.first(name: .cacheControl) == "no-store")
            }
        }
    }

    @Test func aWrongPasswordIsRefusedWithoutSayingWhichHalfWasWrongAndTheFifthLocks() async throws {
        try await WebTestApp.with { app, office in
            var (session, csrf) = try await Self.openLogin(app)
            for (user, attempt) in [("nobody", 1), (Self.officer, 1), (Self.officer, 2), (Self.officer, 3), (Self.officer, 4)] {
                let (h, b) = session.form([("_csrf", csrf), ("username", user), ("password", "secret-typed-\(attempt)")])
                try await app.testing().test(.POST, "/staff/login", headers: h, body: b) { res in
                    #expect(res.status == .unauthorized)
                    let html = res.body.string
                    #expect(html.contains("用户名或密码不正确"))
                    #expect(html.contains("name=\"username\" value=\"\(user)\""), "the name typed is kept")
                    #expect(!html.contains("secret-typed"), "the password is never sent back")
                    #expect(res.headers[.setCookie].allSatisfy { !$0.hasPrefix("gk_staff=") })
                    session.keep(res)
                }
            }
            let (h, b) = session.form([("_csrf", csrf), ("username", Self.officer), ("password", "secret-typed-5")])
            try await app.testing().test(.POST, "/staff/login", headers: h, body: b) { res in
                #expect(res.status == .unauthorized)
                #expect(res.body.string.contains("账户已锁定至 2024-03-11 10:15"))
            }
            let (h2, b2) = session.form([("_csrf", csrf), ("username", Self.officer), ("password", WebTestApp.staffPassword)])
            try await app.testing().test(.POST, "/staff/login", headers: h2, body: b2) { res in
                #expect(res.status == .unauthorized, "locked even with the right password")
            }
            let account = try #require(try await StaffRepository(database: office.database).account(username: Self.officer))
            let hash = try #require(account.passwordHash)
            #expect(hash.hasPrefix("$2b$04$") && !hash.contains(WebTestApp.staffPassword), "stored as bcrypt")
        }
    }

    @Test func aFormWithoutItsTokenSignsNoOneIn() async throws {
        try await WebTestApp.with { app, _ in
            let (session, _) = try await Self.openLogin(app)
            let (h, b) = session.form([("_csrf", String(repeating: "0", count: 64)), ("username", Self.officer),
                                       ("password", WebTestApp.staffPassword)])
            try await app.testing().test(.POST, "/staff/login", headers: h, body: b) { res in
                #expect(res.status == .forbidden)
                #expect(res.headers[.setCookie].allSatisfy { !$0.hasPrefix("gk_staff=") })
            }
        }
    }

    @Test func signingOutEndsTheSessionAndNeedsTheFormsToken() async throws {
        try await WebTestApp.with { app, _ in
            var session = try await Self.signIn(app)
            let csrf = try #require(session.cookies["gk_csrf"])
            let (bad, badBody) = session.form([("_csrf", String(repeating: "0", count: 64))])
            try await app.testing().test(.POST, "/staff/logout", headers: bad, body: badBody) { res in
                #expect(res.status == .forbidden, "another site cannot sign anyone out")
            }
            let signedIn = session.headers
            let (h, b) = session.form([("_csrf", csrf)])
            try await app.testing().test(.POST, "/staff/logout", headers: h, body: b) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/staff/login?signedOut=1")
                session.keep(res)
            }
            try await app.testing().test(.GET, "/staff", headers: signedIn) { res in
                #expect(res.status == .seeOther, "the old cookie opens nothing")
            }
        }
    }

    @Test func changingThePasswordChecksTheCurrentOneAndTheRules() async throws {
        try await WebTestApp.with { app, _ in
            let session = try await Self.signIn(app)
            let csrf = try #require(session.cookies["gk_csrf"])
            // | current          | new / confirm                 | answer                       |
            let cases: [(String, String, String, HTTPResponseStatus, String)] = [
                ("wrong-pass-1", "next-pass-2025", "next-pass-2025", .unprocessableEntity, "当前密码不正确"),
                (WebTestApp.staffPassword, "next-pass-2025", "next-pass-2026", .unprocessableEntity, "两次输入的新密码不一致"),
                (WebTestApp.staffPassword, "short-1", "short-1", .unprocessableEntity, "至少 10 个字符"),
                (WebTestApp.staffPassword, "next-pass-2025", "next-pass-2025", .ok, "密码已修改"),
            ]
            for (current, new, confirm, status, words) in cases {
                let (h, b) = session.form([("_csrf", csrf), ("current", current), ("new", new), ("confirm", confirm)])
                try await app.testing().test(.POST, "/staff/password", headers: h, body: b) { res in
                    #expect(res.status == status, "\(words)")
                    #expect(res.body.string.contains(words))
                }
            }
            _ = try await Self.signIn(app, password: "next-pass-2025")
        }
    }

    @Test func theFirstRunPageRegistersTheAgencyAndItsAdministratorOnce() async throws {
        try await WebTestApp.with(demo: false) { app, office in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/setup")
            }
            var (session, csrf) = try await Self.openLogin(app, "/setup")
            let good: [(String, String)] = [
                ("agencyName", "北京市大兴区应急管理局"), ("agencyCode", "110115-YJ"), ("level", "county"), ("region", "beijing"),
                ("username", "admin-li"), ("displayName", "李管理"), ("password", "first-pass-2024"), ("confirm", "first-pass-2024"),
            ]
            let wrong = good.map { ($0.0, ["agencyCode": "", "level": "galactic", "confirm": "other-pass-2024"][$0.0] ?? $0.1) }
            let (h1, b1) = session.form([("_csrf", csrf)] + wrong)
            try await app.testing().test(.POST, "/setup", headers: h1, body: b1) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("请修改以下 3 处"))
                #expect(html.contains("<a href=\"#agencyCode\">机关代码：请填写</a>"))
                #expect(html.contains("<a href=\"#confirm\">再次输入密码：两次输入的密码不一致</a>"))
                #expect(html.contains("value=\"北京市大兴区应急管理局\""), "what was typed is kept")
                #expect(!html.contains("first-pass-2024"), "passwords are not sent back")
            }
            #expect(try await office.agencies().isEmpty)
            let (h2, b2) = session.form([("_csrf", csrf)] + good)
            try await app.testing().test(.POST, "/setup", headers: h2, body: b2) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/staff")
                session.keep(res)
            }
            try await app.testing().test(.GET, "/staff", headers: session.headers) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("李管理（管理员）"))
            }
            let agency = try #require(try await office.agencies().first)
            #expect(agency.name == "北京市大兴区应急管理局" && agency.region == .beijing && agency.level == .county)
            for method in [HTTPMethod.GET, .POST] {
                try await app.testing().test(method, "/setup", headers: h2, body: b2) { res in
                    #expect(res.status == .notFound, "the first run happens once")
                }
            }
            try await app.testing().test(.GET, "/") { res in #expect(res.status == .ok) }
        }
    }
}
