import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// The public pages drawn from the demo agency: the home, the column, the catalogue, tracking, errors, static
/// files and the display preference.
@Suite struct PortalPageTests {
    @Test func theHomeListsEveryAgencyAndTheColumnHasItsFourColumnsAndArticle20() async throws {
        try await WebTestApp.with { app, _ in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .ok && res.headers.contentType?.subType == "html")
                let html = res.body.string
                #expect(html.contains("<html lang=\"zh-CN\">"))
                #expect(html.contains("<a href=\"/agencies/1\">北京市大兴区应急管理局</a>"))
            }
            try await app.testing().test(.GET, "/agencies/1") { res in
                let html = res.body.string
                for heading in ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开"] {
                    #expect(html.contains(">\(heading)</h2>"), "missing column \(heading)")
                }
                for item in Article20Item.allCases {
                    #expect(html.contains("catalogue?category=\(item.rawValue)\">\(item.columnName)</a>"))
                }
                #expect(html.contains("href=\"/agencies/1/apply\""))
            }
        }
    }

    @Test func theCatalogueFindsATwoCharacterWordAndPagesThroughIt() async throws {
        try await WebTestApp.with { app, _ in
            try await app.testing().test(.GET, "/agencies/1/catalogue?q=%E9%A2%84%E7%AE%97") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("共 43 条"))
                #expect(html.components(separatedBy: "<tr><td>").count - 1 == 20)
                #expect(html.contains("value=\"预算\""))
                #expect(html.contains("href=\"/agencies/1/catalogue?q=%E9%A2%84%E7%AE%97&amp;page=3\">3</a>"))
            }
            try await app.testing().test(.GET, "/agencies/1/catalogue?q=%E9%A2%84%E7%AE%97&page=3") { res in
                #expect(res.body.string.components(separatedBy: "<tr><td>").count - 1 == 3)
                #expect(res.body.string.contains("<span aria-current=\"page\">3</span>"))
            }
            try await app.testing().test(.GET, "/agencies/1/catalogue?category=7") { res in
                #expect(res.body.string.contains("<h1>财政预决算</h1>"))
                #expect(res.body.string.contains("<option value=\"7\" selected>财政预决算</option>"))
            }
            try await app.testing().test(.GET, "/agencies/1/catalogue?year=20x0&category=99") { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("「20x0」不是2008–2100 之间的年份"))
                #expect(res.body.string.contains("「99」不是第二十条的项号（1–15）"))
                #expect(res.body.string.contains("value=\"20x0\""))
            }
        }
    }

    @Test func theGuideIsDrawnFromTheAgencysDetailsAndTheLawAndKeepsItsVersions() async throws {
        try await WebTestApp.with { app, office in
            try await app.testing().test(.GET, "/agencies/1/guide") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                for heading in ["一、主动公开", "二、依申请公开", "三、工作机构", "四、监督和救济"] {
                    #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)")
                }
                #expect(html.contains("第1版，2020-01-02起施行"))
                #expect(html.contains("20个工作日内予以答复") && html.contains("7个工作日内一次性告知申请人补正"))
                #expect(html.contains("以互联网渠道方式提交的，以双方确认之日为收到申请之日"))
                #expect(html.contains(FeeStandard.perApplication.scheduleText))
                #expect(html.contains("60日内向北京市大兴区人民政府申请行政复议，或者在6个月内向北京市大兴区人民法院提起行政诉讼"))
                #expect(!html.contains("历史版本"))
            }
            var changed = DemoAgency.guide
            (changed.feeStandard, changed.fax) = (.perVolume, "010-87654321")
            try await office.publishGuide(changed, agencyID: 1, effectiveOn: CivilDate(2024, 1, 1))
            try await app.testing().test(.GET, "/agencies/1/guide") { res in
                let html = res.body.string
                #expect(html.contains("第2版，2024-01-01起施行") && html.contains(FeeStandard.perVolume.scheduleText))
                #expect(html.contains("传真申请：传真至010-87654321"))
                #expect(html.contains("<a href=\"/agencies/1/guide?version=1\">第1版（2020-01-02起施行）</a>"))
            }
            try await app.testing().test(.GET, "/agencies/1/guide?version=1") { res in
                #expect(res.body.string.contains("第1版，2020-01-02起施行（已被新版本替代）"))
                #expect(res.body.string.contains(FeeStandard.perApplication.scheduleText))
            }
            for missing in ["/agencies/1/guide?version=7", "/agencies/1/guide?version=x"] {
                try await app.testing().test(.GET, missing) { res in #expect(res.status == .notFound, "\(missing)") }
            }
        }
    }

    @Test func errorsArePagesInTheSiteStyleAndTheAPIKeepsProblemDetails() async throws {
        try await WebTestApp.with { app, _ in
            for path in ["/no-such-page", "/agencies/99", "/agencies/abc", "/agencies/99/catalogue", "/static/nothing.css",
                "/static/..%2FViews%2Flayout.leaf"]
            {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .notFound, "\(path)")
                    #expect(res.headers.contentType?.subType == "html", "\(path)")
                    #expect(res.body.string.contains("<h1>页面不存在</h1>"), "\(path)")
                }
            }
            try await app.testing().test(.GET, "/api/v1/agencies/99/catalogue") { res in
                #expect(res.status == .notFound && res.headers.contentType == ProblemDetails.mediaType)
            }
        }
    }

    @Test func pagesCarryNoInlineScriptOrStyleAndTheSecurityHeaders() async throws {
        try await WebTestApp.with { app, _ in
            for path in ["/", "/agencies/1", "/agencies/1/guide", "/agencies/1/catalogue", "/agencies/1/apply", "/track", "/check", "/nope"] {
                try await app.testing().test(.GET, path) { res in
                    let html = res.body.string
                    #expect(!html.contains("<script>") && !html.contains(" style=") && !html.contains("<style"), "\(path)")
                    #expect(res.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
                    #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
                    #expect(res.headers.first(name: .cacheControl) == "no-store", "\(path)")
                }
            }
        }
    }

    @Test func theSitemapReachesEveryPageAndTheFooterCarriesTheConfiguredNumbers() async throws {
        try await WebTestApp.with { app, _ in
            try await app.testing().test(.GET, "/sitemap") { res in
                let html = res.body.string
                for href in [
                    "/agencies/1", "/agencies/1/guide", "/agencies/1/catalogue", "/agencies/1/reports/2020", "/agencies/1/apply", "/track", "/check",
                ] {
                    #expect(html.contains("<a href=\"\(href)\">"), "\(href)")
                }
                #expect(!html.contains("网站标识码") && !html.contains("<p></p>"))
            }
        }
        let site = SiteConfig.from(environment: [
            "GONGKAI_SITE_NAME": "大兴区人民政府", "GONGKAI_SITE_SPONSOR": "北京市大兴区人民政府办公室",
            "GONGKAI_SITE_CODE": "1101150001", "GONGKAI_SITE_ICP": "京ICP备05060933号", "GONGKAI_SITE_PSB": " ",
        ])
        #expect(site.publicSecurity == nil && site.contact == nil)
        try await WebTestApp.with(site: site) { app, _ in
            try await app.testing().test(.GET, "/") { res in
                let html = res.body.string
                #expect(html.contains("<title>首页_大兴区人民政府</title>"))
                #expect(html.contains("<meta name=\"SiteIDCode\" content=\"1101150001\">"))
                #expect(html.contains("主办单位：北京市大兴区人民政府办公室"))
                #expect(html.contains("<span>网站标识码：1101150001</span>"))
                #expect(html.contains("<a href=\"https://beian.miit.gov.cn/\">京ICP备05060933号</a>"))
            }
        }
    }

    @Test func theStylesheetIsServedWithCacheHeaders() async throws {
        try await WebTestApp.with { app, _ in
            try await app.testing().test(.GET, "/static/site.css") { res in
                #expect(res.status == .ok && res.headers.contentType?.subType == "css")
                #expect(res.headers.first(name: .cacheControl) == "public, max-age=86400")
                #expect(res.headers.first(name: .eTag) != nil)
                #expect(res.body.string.contains("body.large"))
            }
        }
    }

    @Test func theLargeTextModeIsAPreferenceSetByALinkAndNeverRedirectsAway() async throws {
        try await WebTestApp.with { app, _ in
            var session = PageSession()
            try await app.testing().test(.GET, "/display?mode=large&back=/agencies/1") { res in
                #expect(res.status == .seeOther && res.headers.first(name: .location) == "/agencies/1")
                session.keep(res)
            }
            #expect(session.cookies["gk_display"] == "large")
            try await app.testing().test(.GET, "/agencies/1", headers: session.headers) { res in
                #expect(res.body.string.contains("<body class=\"large\">"))
                #expect(res.body.string.contains("/display?mode=standard&amp;back=/agencies/1"))
            }
            for back in ["https://evil.example/", "//evil.example/", "/\\evil.example", ""] {
                try await app.testing().test(.GET, "/display?mode=large&back=\(back)") { res in
                    #expect(res.headers.first(name: .location) == "/", "\(back)")
                }
            }
        }
    }

    @Test func trackingShowsTheStatusTimelineAndCountingWithoutAnythingPersonal() async throws {
        try await WebTestApp.with(now: Moment(parsing: "2024-03-11 10:00")!) { app, _ in
            let (headers, body) = try ApplyAPITests.body(ApplyAPITests.citizen)
            var code = ""
            try await app.testing().test(.POST, "/api/v1/agencies/1/applications", headers: headers, body: body) { res in
                code = try #require(try ApplyAPITests.json(res)["trackingCode"] as? String)
            }
            try await app.testing().test(.GET, "/track?code=\(code.lowercased())") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("北京市大兴区应急管理局：办理中"))
                #expect(html.contains("<dt>答复期限</dt><dd>2024-04-09</dd>"))
                #expect(html.contains("收到申请（第三十一条）"))
                #expect(html.contains("第20个工作日"))
                for personal in ["张三", "11010519491231002X", "13800000000", "施工许可"] {
                    #expect(!html.contains(personal), "\(personal)")
                }
            }
            try await app.testing().test(.GET, "/track?code=ABCD-EFGH-JKMN-PQRS") { res in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("没有找到查询码为「ABCD-EFGH-JKMN-PQRS」的申请"))
            }
            try await app.testing().test(.GET, "/track") { res in
                #expect(res.status == .ok && res.body.string.contains("<label for=\"code\">查询码</label>"))
            }
        }
    }
}
