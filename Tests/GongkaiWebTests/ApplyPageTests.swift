import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// The online application form: mistakes come back marked with everything typed kept; a forged, robotic or
/// repeated submission stores nothing new; a good one gives the 查询码 and the 回执.
@Suite struct ApplyPageTests {
    static let moment = Moment(parsing: "2024-03-11 10:00")!

    /// Opens the form as a browser would: its cookie and its hidden fields.
    static func open(_ app: Application) async throws -> (PageSession, csrf: String, submission: String) {
        var session = PageSession()
        var html = ""
        try await app.testing().test(.GET, "/agencies/1/apply") { res in
            #expect(res.status == .ok)
            session.keep(res)
            html = res.body.string
        }
        let csrf = try #require(PageSession.hidden("_csrf", in: html))
        #expect(session.cookies["gk_csrf"] == csrf)
        return (session, csrf, try #require(PageSession.hidden("submission", in: html)))
    }

    static let citizen: [(String, String)] = [
        ("applicant[kind]", "naturalPerson"), ("applicant[name]", "张三"), ("applicant[idType]", "居民身份证"),
        ("applicant[idNumber]", "11010519491231002X"), ("applicant[phone]", "13800000000"),
        ("request[description]", "2023年某路段施工许可"), ("delivery[medium]", "paper"), ("delivery[method]", "post"),
        ("applicant[address]", "北京市大兴区某路1号"), ("applicant[postcode]", "102600"),
    ]

    static func replacing(_ fields: [(String, String)], _ changes: [String: String]) -> [(String, String)] {
        fields.map { ($0.0, changes[$0.0] ?? $0.1) }
    }

    static func openCases(_ office: Office) async throws -> Int {
        let scope = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
        return try await office.openCases(scope: scope, on: moment.date).count
    }

    @Test func mistakesComeBackBesideTheirFieldsWithEverythingTypedAndNothingStored() async throws {
        try await WebTestApp.with(now: Self.moment) { app, office in
            let before = try await Self.openCases(office)
            let (session, csrf, submission) = try await Self.open(app)
            let wrong = Self.replacing(
                Self.citizen,
                ["applicant[idNumber]": "110105194912310021", "applicant[phone]": "1380000", "request[description]": ""])
            let (h, b) = session.form([("_csrf", csrf), ("submission", submission)] + wrong)
            try await app.testing().test(.POST, "/agencies/1/apply", headers: h, body: b) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("请修改以下 3 处"))
                #expect(html.contains("<a href=\"#applicant-idNumber\">证件号码："))
                #expect(html.contains("id=\"applicant-idNumber-error\">身份证号码校验码错误"))
                #expect(html.contains("id=\"applicant-phone-error\">「1380000」不是电话号码"))
                #expect(html.contains("id=\"request-description-error\">不能为空"))
                #expect(html.contains("aria-describedby=\"applicant-idNumber-hint applicant-idNumber-error\""))
                // Everything typed is back, the choices too, and the same submission token.
                for value in ["张三", "110105194912310021", "1380000", "北京市大兴区某路1号", "102600"] {
                    #expect(html.contains("value=\"\(value)\""), "\(value)")
                }
                #expect(html.contains("value=\"paper\" checked") && html.contains("value=\"post\" checked"))
                #expect(PageSession.hidden("submission", in: html) == submission)
            }
            #expect(try await Self.openCases(office) == before)
        }
    }

    @Test func aFormWithoutItsTokenOrWithTheHoneypotFilledStoresNothing() async throws {
        try await WebTestApp.with(now: Self.moment) { app, office in
            let before = try await Self.openCases(office)
            let (session, csrf, submission) = try await Self.open(app)
            // No cookie (another site's form), then a token that does not match the cookie.
            for (headersFrom, token) in [(PageSession(), csrf), (session, String(repeating: "0", count: 64))] {
                let (h, b) = headersFrom.form([("_csrf", token), ("submission", submission)] + Self.citizen)
                try await app.testing().test(.POST, "/agencies/1/apply", headers: h, body: b) { res in
                    #expect(res.status == .forbidden)
                    #expect(res.body.string.contains("页面已过期"))
                    #expect(res.body.string.contains("value=\"张三\""))
                }
            }
            let (h, b) = session.form([("_csrf", csrf), ("submission", submission), ("website", "http://spam")] + Self.citizen)
            try await app.testing().test(.POST, "/agencies/1/apply", headers: h, body: b) { res in
                #expect(res.status == .badRequest && res.body.string.contains("提交未被接受"))
            }
            #expect(try await Self.openCases(office) == before)
        }
    }

    @Test func aGoodApplicationGivesTheCodeAndReceiptOnceHoweverOftenItIsSent() async throws {
        try await WebTestApp.with(now: Self.moment) { app, office in
            let before = try await Self.openCases(office)
            let (session, csrf, submission) = try await Self.open(app)
            let (h, b) = session.form([("_csrf", csrf), ("submission", submission)] + Self.citizen)
            var codes: [String] = []
            for _ in 0..<2 {
                try await app.testing().test(.POST, "/agencies/1/apply", headers: h, body: b) { res in
                    #expect(res.status == .ok)
                    let html = res.body.string
                    let start = try #require(html.range(of: "id=\"tracking-code\">"))
                    codes.append(String(html[start.upperBound...].prefix { $0 != "<" }))
                    #expect(html.contains("<dt>受理编号</dt><dd>网申2024-0001</dd>"))
                    #expect(html.contains("<dt>申请人</dt><dd>张三（自然人）</dd>"))
                    #expect(html.contains("<dt>获取方式</dt><dd>纸质，邮寄</dd>"))
                    #expect(html.contains("<dt>收到申请日期</dt><dd>2024-03-11</dd>"))
                    #expect(html.contains("<dt>答复期限</dt><dd>2024-04-09 前</dd>"))
                    #expect(res.headers.first(name: .cacheControl) == "no-store")
                }
            }
            #expect(codes.count == 2 && codes[0] == codes[1] && codes[0].count == 19)
            #expect(try await Self.openCases(office) == before + 1)
            // A new form is a new application.
            let (s2, c2, sub2) = try await Self.open(app)
            let (h2, b2) = s2.form([("_csrf", c2), ("submission", sub2)] + Self.citizen)
            try await app.testing().test(.POST, "/agencies/1/apply", headers: h2, body: b2) { res in
                #expect(res.body.string.contains("<dd>网申2024-0002</dd>"))
            }
            let scope = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
            let stored = try await office.caseFile(codes[0], scope: scope, on: Self.moment.date).value
            #expect(stored.applicant.residentID?.value == "11010519491231002X")
            #expect(stored.delivery == Delivery(medium: .paper, method: .post))
        }
    }

    @Test func aFirmAppliesWithItsCreditCode() async throws {
        try await WebTestApp.with(now: Self.moment) { app, _ in
            let (session, csrf, submission) = try await Self.open(app)
            let firm: [(String, String)] = [
                ("applicant[kind]", "commercialEnterprise"), ("applicant[name]", "北京某某科技有限公司"),
                ("applicant[creditCode]", "91110000600037341L"), ("applicant[legalRepresentative]", "李四"),
                ("applicant[contactPerson]", "王五"), ("applicant[phone]", "010-12345678"),
                ("request[description]", "2020年安全生产行政处罚决定书"),
            ]
            let (h, b) = session.form([("_csrf", csrf), ("submission", submission)] + firm)
            try await app.testing().test(.POST, "/agencies/1/apply", headers: h, body: b) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<dd>北京某某科技有限公司（商业企业）</dd>"))
            }
        }
    }

    @Test func applicationsThroughThePageAreRateLimitedWithTheAPI() async throws {
        let rules = RateLimits(applications: .init(limit: 1, seconds: 600), checks: RateLimits.standard.checks)
        try await WebTestApp.with(now: Self.moment, rateLimits: rules) { app, _ in
            let (session, csrf, submission) = try await Self.open(app)
            let wrong = Self.replacing(Self.citizen, ["applicant[phone]": "1"])
            let (h, b) = session.form([("_csrf", csrf), ("submission", submission)] + wrong)
            try await app.testing().test(.POST, "/agencies/1/apply", headers: h, body: b) { res in
                #expect(res.status == .unprocessableEntity)
            }
            try await app.testing().test(.POST, "/agencies/1/apply", headers: h, body: b) { res in
                #expect(res.status == .tooManyRequests)
                #expect(res.headers.first(name: .retryAfter) != nil)
                #expect(res.body.string.contains("<h1>操作过于频繁</h1>"))
            }
        }
    }
}
