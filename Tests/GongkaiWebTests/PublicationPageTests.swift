import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 主动公开 in the back office: an officer drafts and submits, the 负责人 reviews (never their own) and the item
/// reaches the portal at its moment — not before, through no public page, search, API or site map.
@Suite struct PublicationPageTests {
    static let fields: [(String, String)] = [
        ("article20Item", "1"), ("formedOn", "2024-03-08"), ("body", "一、检查范围\n二、检查时间"),
    ]

    static let pdf = Data("%PDF-1.4\n1 0 obj <<>> endobj\n安全生产检查计划附件\n%%EOF\n".utf8)

    /// Uploads the PDF to the item at `path` (a draft), checks the file refused when renamed or of another format,
    /// and returns the attachment's id.
    static func attach(_ app: Application, _ office: Office, _ officer: PageSession, _ path: String) async throws -> Int {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A])
        let (renamed, _, renamedPage) = try await officer.upload(app, path + "/attachments", "检查表.pdf", png)
        #expect(renamed == .unprocessableEntity && renamedPage.contains("文件内容不是 .pdf 格式"))
        let (foreign, _, foreignPage) = try await officer.upload(app, path + "/attachments", "setup.exe", Data("MZ".utf8))
        #expect(foreign == .unprocessableEntity && foreignPage.contains("不支持的格式「.exe」"))
        let (status, location, _) = try await officer.upload(app, path + "/attachments", "2024年检查计划.pdf", pdf)
        #expect(status == .seeOther && location?.hasSuffix("done=attached") == true)
        let page = try await LetterPageTests.get(app, officer, path).1
        #expect(page.contains("2024年检查计划.pdf</a>（1 KB）"))
        let id = Int(path.split(separator: "/").last ?? "") ?? 0
        let attached = try await office.publicationAttachments(id, scope: try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer))
        let attachmentID = try #require(attached.first?.id)
        // The staff download it in any state.
        var download: (HTTPStatus, String?, Data) = (.ok, nil, Data())
        try await app.testing().test(.GET, "\(path)/attachments/\(attachmentID)", headers: officer.headers) { res in
            download = (res.status, res.headers.contentType?.serialize(), Data(buffer: res.body))
        }
        #expect(download.0 == .ok && download.1 == "application/pdf" && download.2 == pdf)
        return attachmentID
    }

    /// Every public place an item could leak from, as the public sees it now.
    static func publicPlaces(_ app: Application, itemID: Int, attachmentID: Int? = nil) async throws -> [String: (HTTPStatus, String)] {
        let anonymous = PageSession()
        var seen: [String: (HTTPStatus, String)] = [:]
        for path in [
            "/agencies/1/catalogue", "/agencies/1/catalogue?q=%E6%A3%80%E6%9F%A5%E8%AE%A1%E5%88%92", "/agencies/1/catalogue/items/\(itemID)",
            "/api/v1/agencies/1/catalogue", "/api/v1/agencies/1/catalogue?q=%E6%A3%80%E6%9F%A5%E8%AE%A1%E5%88%92", "/agencies/1", "/sitemap",
        ] + (attachmentID.map { ["/agencies/1/catalogue/items/\(itemID)/attachments/\($0)"] } ?? []) {
            seen[path] = try await LetterPageTests.get(app, anonymous, path)
        }
        return seen
    }

    @Test func anItemIsDraftedReviewedByAnotherAndPublishedAtItsMomentOnly() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in  // 2024-03-11 10:00
            try await CasePageTests.addUser(office, "head-liu", role: "head")
            let officer = try await StaffPageTests.signIn(app)
            #expect(try await LetterPageTests.get(app, officer, "/staff").1.contains("href=\"/staff/publications\""))
            // A form with no title comes back with the field named.
            let (bad, _, badPage) = try await LetterPageTests.post(app, officer, "/staff/publications", Self.fields)
            #expect(bad == .unprocessableEntity && badPage.contains("拟公开信息「标题」：必填") && badPage.contains("aria-invalid=\"true\""))
            let (created, location, _) = try await LetterPageTests.post(
                app, officer, "/staff/publications",
                Self.fields + [("title", "2024年度安全生产检查计划"), ("publishAt", "2024-03-12 09:00")])
            #expect(created == .seeOther)
            let path = try #require(location?.split(separator: "?").first.map(String.init))
            let attachmentID = try await Self.attach(app, office, officer, path)
            var (_, page) = try await LetterPageTests.get(app, officer, path)
            #expect(page.contains("<strong>状态：</strong>草稿") && page.contains("应于 2024-04-08 前公开"))
            let version = { (html: String) in PageSession.hidden("version", in: html) ?? "" }
            _ = try await LetterPageTests.post(app, officer, path, [("action", "submit"), ("version", version(page))])
            page = try await LetterPageTests.get(app, officer, path).1
            #expect(page.contains("<strong>状态：</strong>待审核") && !page.contains("value=\"pass\""))
            // The officer who submitted it may not review it, even by posting the form.
            let (refused, _, refusedPage) = try await LetterPageTests.post(app, officer, path, [("action", "pass"), ("version", version(page))])
            #expect(refused == .forbidden && refusedPage.contains("无权审查拟公开信息"), "\(refusedPage.suffix(3000))")
            // The 负责人's 工作台 reminds them of the review; the officer's does not (it is theirs).
            let head = try await StaffPageTests.signIn(app, username: "head-liu")
            #expect(try await LetterPageTests.get(app, head, "/staff").1.contains("主动公开：待您保密审查 1 条。"))
            #expect(!(try await LetterPageTests.get(app, officer, "/staff").1.contains("待您保密审查")))
            // The 负责人 reviews: an unanswered question is named; all 否 passes.
            page = try await LetterPageTests.get(app, head, path).1
            #expect(page.contains("value=\"pass\"") && page.contains("name=\"q5\""))
            let (unanswered, _, unansweredPage) = try await LetterPageTests.post(
                app, head, path, [("action", "pass"), ("version", version(page)), ("q0", "no")])
            #expect(unanswered == .unprocessableEntity && unansweredPage.contains("保密审查清单还有5项未作答"))
            let answers = (0..<6).map { ("q\($0)", "no") }
            let (passed, _, _) = try await LetterPageTests.post(app, head, path, [("action", "pass"), ("version", version(page))] + answers)
            #expect(passed == .seeOther)
            page = try await LetterPageTests.get(app, head, path).1
            #expect(page.contains("待发布（2024-03-12 09:00 起公开）") && page.contains("<dt>索引号</dt><dd>110115-DEMO-YJJ/2024-00001</dd>"))
            #expect(page.contains("value=\"revoke\"") && !page.contains("在网站上查看"))
            // Scheduled for tomorrow: nowhere public today.
            let stored = try #require(try await office.publicationList(scope: try await office.scope(agencyID: 1, username: "head-liu")).first)
            let itemID = try #require(stored.catalogueItem?.id)
            for (place, (status, body)) in try await Self.publicPlaces(app, itemID: itemID, attachmentID: attachmentID) {
                #expect(!body.contains("安全生产检查计划") && !body.contains("2024-00001"), "\(place)")
                if place.hasSuffix("/items/\(itemID)") || place.contains("/attachments/") { #expect(status == .notFound, "\(place)") }
            }
            let list = try await LetterPageTests.get(app, officer, "/staff/publications?state=approved").1
            #expect(list.contains("2024年度安全生产检查计划") && list.contains("按时公开"))
        }
    }

    @Test func anItemApprovedWithoutScheduleIsPublicAtOnceAndRevokedAtOnce() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            try await CasePageTests.addUser(office, "head-liu", role: "head")
            let officer = try await StaffPageTests.signIn(app)
            let (_, location, _) = try await LetterPageTests.post(
                app, officer, "/staff/publications", Self.fields + [("title", "2024年度安全生产检查计划")])
            let path = try #require(location?.split(separator: "?").first.map(String.init))
            let attachmentID = try await Self.attach(app, office, officer, path)
            var page = try await LetterPageTests.get(app, officer, path).1
            _ = try await LetterPageTests.post(app, officer, path, [("action", "submit"), ("version", PageSession.hidden("version", in: page)!)])
            // Submitted: the file can no longer be changed.
            let (late, _, _) = try await officer.upload(app, path + "/attachments", "补充.pdf", Self.pdf)
            #expect(late == .unprocessableEntity)
            let head = try await StaffPageTests.signIn(app, username: "head-liu")
            page = try await LetterPageTests.get(app, head, path).1
            _ = try await LetterPageTests.post(
                app, head, path, [("action", "pass"), ("version", PageSession.hidden("version", in: page)!)] + (0..<6).map { ("q\($0)", "no") })
            page = try await LetterPageTests.get(app, head, path).1
            #expect(page.contains("<strong>状态：</strong>已发布") && page.contains("在网站上查看"))
            let itemID = try #require(try await office.publicationList(scope: try await office.scope(agencyID: 1, username: "head-liu")).first?.catalogueItem?.id)
            let places = try await Self.publicPlaces(app, itemID: itemID, attachmentID: attachmentID)
            let attachmentPath = "/agencies/1/catalogue/items/\(itemID)/attachments/\(attachmentID)"
            #expect(places[attachmentPath]?.0 == .ok && places[attachmentPath]?.1 == String(decoding: Self.pdf, as: UTF8.self))
            #expect(places["/agencies/1/catalogue/items/\(itemID)"]?.1.contains("<a href=\"\(attachmentPath)\">2024年检查计划.pdf</a>") == true)
            // The API lists it with the item.
            let api = try #require(places["/api/v1/agencies/1/catalogue?q=%E6%A3%80%E6%9F%A5%E8%AE%A1%E5%88%92"]?.1)
            let catalogue = try #require(try JSONSerialization.jsonObject(with: Data(api.utf8)) as? [String: Any])
            let listed = try #require((catalogue["items"] as? [[String: Any]])?.first)
            #expect(listed["url"] as? String == "/agencies/1/catalogue/items/\(itemID)")
            let files = try #require(listed["attachments"] as? [[String: Any]])
            #expect(files.count == 1 && files[0]["url"] as? String == attachmentPath && files[0]["name"] as? String == "2024年检查计划.pdf")
            #expect(files[0]["mediaType"] as? String == "application/pdf" && files[0]["size"] as? Int == Self.pdf.count)
            for place in ["/agencies/1/catalogue?q=%E6%A3%80%E6%9F%A5%E8%AE%A1%E5%88%92", "/agencies/1/catalogue/items/\(itemID)",
                          "/api/v1/agencies/1/catalogue?q=%E6%A3%80%E6%9F%A5%E8%AE%A1%E5%88%92"] {
                #expect(places[place]?.1.contains("2024年度安全生产检查计划") == true, "\(place)")
            }
            // Revoked with a reason: gone at once; the record stays in the back office.
            let (noReason, _, _) = try await LetterPageTests.post(
                app, head, path, [("action", "revoke"), ("version", PageSession.hidden("version", in: page)!), ("reason", " ")])
            #expect(noReason == .unprocessableEntity)
            _ = try await LetterPageTests.post(
                app, head, path, [("action", "revoke"), ("version", PageSession.hidden("version", in: page)!), ("reason", "计划已调整")])
            for (place, (status, body)) in try await Self.publicPlaces(app, itemID: itemID, attachmentID: attachmentID) {
                #expect(!body.contains("2024年度安全生产检查计划") && !body.contains("安全生产检查计划附件"), "\(place)")
                if place.contains("/attachments/") { #expect(status == .notFound) }
            }
            page = try await LetterPageTests.get(app, officer, path).1
            #expect(page.contains("<strong>状态：</strong>已撤销") && page.contains("计划已调整"))
        }
    }

    @Test func anOnRequestItemIsListedWithoutItsTextAndLinksToTheApplication() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            try await CasePageTests.addUser(office, "head-liu", role: "head")
            let officer = try await StaffPageTests.signIn(app)
            let form = try await LetterPageTests.get(app, officer, "/staff/publications/new").1
            #expect(form.contains("<option value=\"onRequest\">依申请公开</option>") && form.contains("属于四类过程性信息（第十六条第二款）"))
            // 不予公开 without its ground comes back with the field named.
            let (refused, _, refusedPage) = try await LetterPageTests.post(
                app, officer, "/staff/publications", Self.fields + [("title", "执法检查分工表"), ("disclosure", "withheld")])
            #expect(refused == .unprocessableEntity && refusedPage.contains("不予公开须选择理由"))
            let (_, location, _) = try await LetterPageTests.post(
                app, officer, "/staff/publications",
                Self.fields + [("title", "2024年度检查计划分工表"), ("documentNumber", "大应急〔2024〕9号"), ("disclosure", "onRequest")])
            let path = try #require(location?.split(separator: "?").first.map(String.init))
            let attachmentID = try await Self.attach(app, office, officer, path)
            var page = try await LetterPageTests.get(app, officer, path).1
            #expect(page.contains("<dd>依申请公开</dd>") && page.contains("依申请公开的信息不适用第二十六条的时限"))
            _ = try await LetterPageTests.post(app, officer, path, [("action", "submit"), ("version", PageSession.hidden("version", in: page)!)])
            let head = try await StaffPageTests.signIn(app, username: "head-liu")
            page = try await LetterPageTests.get(app, head, path).1
            _ = try await LetterPageTests.post(
                app, head, path, [("action", "pass"), ("version", PageSession.hidden("version", in: page)!)] + (0..<6).map { ("q\($0)", "no") })
            let itemID = try #require(
                try await office.publicationList(scope: try await office.scope(agencyID: 1, username: "head-liu")).first?.catalogueItem?.id)
            let places = try await Self.publicPlaces(app, itemID: itemID, attachmentID: attachmentID)
            // Listed by its entry, marked; neither its text nor its 附件 anywhere.
            #expect(places["/agencies/1/catalogue?q=%E6%A3%80%E6%9F%A5%E8%AE%A1%E5%88%92"]?.1.contains("2024年度检查计划分工表</a>（依申请公开）") == true)
            for (place, (_, body)) in places {
                #expect(!body.contains("检查范围") && !body.contains("安全生产检查计划附件") && !body.contains("2024年检查计划.pdf"), "\(place)")
            }
            #expect(places["/agencies/1/catalogue/items/\(itemID)/attachments/\(attachmentID)"]?.0 == .notFound)
            let itemPage = try #require(places["/agencies/1/catalogue/items/\(itemID)"]?.1)
            #expect(itemPage.contains("<dd>依申请公开</dd>") && itemPage.contains("<a href=\"/agencies/1/apply?item=\(itemID)\">在线申请获取本信息</a>"))
            let api = try #require(places["/api/v1/agencies/1/catalogue?q=%E6%A3%80%E6%9F%A5%E8%AE%A1%E5%88%92"]?.1)
            let listed = try #require(((try JSONSerialization.jsonObject(with: Data(api.utf8)) as? [String: Any])?["items"] as? [[String: Any]])?.first)
            #expect(listed["disclosure"] as? String == "onRequest" && (listed["attachments"] as? [Any])?.isEmpty == true)
            // The application form comes filled with the entry; an unknown item fills nothing.
            let apply = try await LetterPageTests.get(app, PageSession(), "/agencies/1/apply?item=\(itemID)").1
            #expect(apply.contains("value=\"大应急〔2024〕9号\"") && apply.contains("申请获取《2024年度检查计划分工表》全文"))
            let unknown = try await LetterPageTests.get(app, PageSession(), "/agencies/1/apply?item=99999")
            #expect(unknown.0 == .ok && !unknown.1.contains("申请获取《"))
        }
    }

    @Test func theListIsSearchedAndPaged() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let scope = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
            var form = PublicationForm()
            (form.article20Item, form.formedOn) = ("1", "2024-03-01")
            for i in 1...55 {
                form.title = i == 7 ? "关于<b>检查</b>的通知" : "第\(i)批执法检查通知"
                _ = try await office.draftPublication(form, scope: scope, at: ApplyPageTests.moment)
            }
            let officer = try await StaffPageTests.signIn(app)
            var page = try await LetterPageTests.get(app, officer, "/staff/publications").1
            let all = try await office.publicationListing(scope: scope, state: nil, words: "", page: 1, on: ApplyPageTests.moment.date).found
            #expect(page.contains("全部信息（\(all) 条）") && page.components(separatedBy: "<tr").count - 1 == 51)
            #expect(page.contains("<nav class=\"pages\" aria-label=\"分页\">") && page.contains("href=\"/staff/publications?page=2\">下一页</a>"))
            // Found by words; the tabs keep them; what was typed is shown as text.
            page = try await LetterPageTests.get(app, officer, "/staff/publications?q=%E6%A3%80%E6%9F%A5&state=draft").1
            #expect(page.contains("草稿（55 条）") && page.contains("value=\"检查\"") && page.contains("<input type=\"hidden\" name=\"state\" value=\"draft\">"))
            #expect(page.contains("href=\"/staff/publications?q=%E6%A3%80%E6%9F%A5\""))  // 全部, searched
            #expect(page.contains("关于&lt;b&gt;检查&lt;/b&gt;的通知") && !page.contains("<b>检查</b>"))
            page = try await LetterPageTests.get(app, officer, "/staff/publications?q=1%2B1").1
            #expect(page.contains("href=\"/staff/publications?state=draft&amp;q=1%2B1\""))  // a "+" stays a "+"
            page = try await LetterPageTests.get(app, officer, "/staff/publications?q=%3Cscript%3E").1
            #expect(page.contains("没有找到含「&lt;script&gt;」的信息。") && !page.contains("<script>"))
            // Page 2 holds the rest; a page past the end is the last.
            page = try await LetterPageTests.get(app, officer, "/staff/publications?state=draft&page=99").1
            #expect(page.components(separatedBy: "<tr").count - 1 == 1 + (55 - 50) && page.contains("<span aria-current=\"page\">2</span>"))
        }
    }

    @Test func aBatchOfDecisionsIsUploadedReviewedAndShownWithTheItem() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            try await CasePageTests.addUser(office, "head-liu", role: "head")
            let officer = try await StaffPageTests.signIn(app)
            let (_, location, _) = try await LetterPageTests.post(
                app, officer, "/staff/publications", [("article20Item", "6"), ("formedOn", "2024-03-08"), ("title", "2024年3月行政处罚决定公示")])
            let path = try #require(location?.split(separator: "?").first.map(String.init))
            var page = try await LetterPageTests.get(app, officer, path).1
            #expect(page.contains("action=\"\(path)/decisions\"") && page.contains("administrative-decisions.template.csv"))
            // A bad row comes back named by file, line and column; nothing is kept.
            let bad = Data("item_code,decided_on,reference\nCF-999,2024-03-01,京兴应急CF〔2024〕9号\n".utf8)
            let (refused, _, refusedPage) = try await officer.upload(app, path + "/decisions", "三月.csv", bad, field: "decisions")
            #expect(refused == .unprocessableEntity && refusedPage.contains("三月.csv 第2行「item_code」列"))
            let good = Data("item_code,decided_on,reference\nCF-002,2024-03-01,京兴应急CF〔2024〕1号\nQZ-002,2024-03-04,京兴应急QZ〔2024〕1号\n".utf8)
            let (status, done, _) = try await officer.upload(app, path + "/decisions", "三月.csv", good, field: "decisions")
            #expect(status == .seeOther && done?.hasSuffix("done=decisions") == true)
            page = try await LetterPageTests.get(app, officer, path).1
            #expect(page.contains("<th scope=\"row\">京兴应急CF〔2024〕1号</th><td>2024-03-01</td><td>CF-002</td><td>安全生产违法行为行政处罚（2）</td>"))
            _ = try await LetterPageTests.post(app, officer, path, [("action", "submit"), ("version", PageSession.hidden("version", in: page)!)])
            let head = try await StaffPageTests.signIn(app, username: "head-liu")
            page = try await LetterPageTests.get(app, head, path).1
            #expect(page.contains("京兴应急QZ〔2024〕1号"))  // the reviewer sees the decisions
            _ = try await LetterPageTests.post(
                app, head, path, [("action", "pass"), ("version", PageSession.hidden("version", in: page)!)] + (0..<6).map { ("q\($0)", "no") })
            let itemID = try #require(
                try await office.publicationList(scope: try await office.scope(agencyID: 1, username: "head-liu")).first?.catalogueItem?.id)
            let itemPage = try await LetterPageTests.get(app, PageSession(), "/agencies/1/catalogue/items/\(itemID)").1
            #expect(itemPage.contains("<h2>处理决定</h2>") && itemPage.contains("<th scope=\"row\">京兴应急QZ〔2024〕1号</th><td>2024-03-04</td><td>查封扣押（2）</td>"))
            let section = try await office.report(agencyID: 1, year: 2024).report.proactive
            #expect(section[.penalty, .decisionsThisYear].countOrZero == 1 && section[.enforcement, .decisionsThisYear].countOrZero == 1)
        }
    }

    @Test func repeatedRequestsAreProposedDraftedAndDeclined() async throws {
        try await WebTestApp.with(now: Moment(parsing: "2024-03-25 10:00")!) { app, office in
            let scope = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
            for (reference, who, text) in [
                ("2024-101", "王五", "2023年区财政预算执行情况报告"), ("2024-102", "赵六", "区2023年财政预算执行情况"),
                ("2024-103", "吴九", "某小区建设工程规划许可证"), ("2024-104", "郑十", "某小区建设工程规划许可证及附图"),
            ] {
                try await answeredForProposal(office, scope, reference, who, text)
            }
            let officer = try await StaffPageTests.signIn(app)
            #expect(try await LetterPageTests.get(app, officer, "/staff").1.contains("建议纳入主动公开（第四十四条）2 项"))
            var page = try await LetterPageTests.get(app, officer, "/staff/publications").1
            #expect(page.contains("建议纳入主动公开（第四十四条，2 项）") && page.contains("href=\"/staff/publications/new?from=2024-101,2024-102\""))
            // 起草: the form filled in from the requests, the applications carried along.
            page = try await LetterPageTests.get(app, officer, "/staff/publications/new?from=2024-101,2024-102").1
            #expect(page.contains("name=\"sources\" value=\"2024-101,2024-102\"") && page.contains("value=\"区2023年财政预算执行情况\""))
            let (created, location, _) = try await LetterPageTests.post(app, officer, "/staff/publications", [
                ("sources", "2024-101,2024-102"), ("title", "区2023年财政预算执行情况"), ("article20Item", "8"), ("formedOn", "2024-03-25"),
            ])
            #expect(created == .seeOther)
            page = try await LetterPageTests.get(app, officer, try #require(location)).1
            #expect(page.contains("依第四十四条，由申请 2024-101、2024-102 纳入主动公开"))
            // 不纳入: the reason is required.
            let (empty, _, emptyPage) = try await LetterPageTests.post(
                app, officer, "/staff/publications/proposals/decline", [("references", "2024-103,2024-104"), ("reason", "")])
            #expect(empty == .unprocessableEntity && emptyPage.contains("不纳入的理由"))
            let (declined, _, _) = try await LetterPageTests.post(
                app, officer, "/staff/publications/proposals/decline", [("references", "2024-103,2024-104"), ("reason", "涉及个人信息")])
            #expect(declined == .seeOther)
            page = try await LetterPageTests.get(app, officer, "/staff/publications?done=declined").1
            #expect(page.contains("已记录不纳入主动公开的理由") && !page.contains("建议纳入主动公开"))
        }
    }
}

/// A case received and answered 予以公开 on 2024-03-20, for the proposals.
func answeredForProposal(_ office: Office, _ scope: AgencyScope, _ reference: String, _ who: String, _ text: String) async throws {
    let intake = Intake(reference: reference, channel: "in-person", submittedOn: "2024-03-04", applicantKind: "自然人", applicantName: who, description: text)
    var rng = SystemRandomNumberGenerator()
    let stored = try await office.receive(intake, scope: scope, at: Moment(parsing: "2024-03-04 10:00")!, using: &rng)
    _ = try await office.record(ApplicationEvent(CivilDate(2024, 3, 20), .answered(.granted)), on: reference, scope: scope,
                                at: Moment(parsing: "2024-03-20 10:00")!, expectedVersion: stored.version)
}
