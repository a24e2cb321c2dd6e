import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 台账 in the browser: listed with their rows, downloaded as CSV, imported from a CSV upload with every problem
/// named by line and column (nothing stored) or stored with an entry in the audit log; a viewer imports nothing.
@Suite struct RegistersPageTests {
    static func upload(_ app: Application, _ session: PageSession, _ register: String, _ name: String, _ csv: String) async throws
        -> (HTTPStatus, String)
    {
        let (status, _, html) = try await session.upload(app, "/staff/registers/\(register)", name, Data(csv.utf8))
        return (status, html)
    }

    static let header = "index_number,article20_item,title,document_number,published_on,channels,subject,written_on,publisher,body\n"

    @Test func aRegisterIsDownloadedImportedWithItsProblemsAndAudited() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let officer = try await StaffPageTests.signIn(app)
            let (status, html) = try await LetterPageTests.get(app, officer, "/staff/registers")
            #expect(status == .ok && html.contains("<th scope=\"row\">政府信息公开目录</th><td>216</td>"))
            try await app.testing().test(.GET, "/staff/registers/catalogue-items.csv", headers: officer.headers) { res in
                #expect(res.status == .ok && res.body.string.hasPrefix("\u{FEFF}index_number,article20_item"))
                #expect(res.body.string.split(separator: "\n").count == 217)
            }
            // | line | problem                 |
            // | 3    | 2021-02-30 is no date   |
            let (refused, problems) = try await Self.upload(app, officer, "catalogue-items", "目录.csv", Self.header
                + "11A0115-YJJ-2021-001,5,2021年第1批许可公示,,2021-01-05,政府网站,,,,\n"
                + "11A0115-YJJ-2021-002,5,2021年第2批许可公示,,2021-02-30,政府网站,,,,\n")
            #expect(refused == .unprocessableEntity && problems.contains("文件没有导入") && problems.contains("第3行"))
            #expect(problems.contains("published_on") || problems.contains("公开日期"))
            let (imported, done) = try await Self.upload(app, officer, "catalogue-items", "catalogue-2021.csv", Self.header
                + "11A0115-YJJ-2021-001,5,2021年第1批许可公示,,2021-01-05,政府网站,,,,\n"
                + "11A0115-YJJ-2021-002,5,2021年第2批许可公示,,2021-02-26,政府网站,,,,\n")
            #expect(imported == .ok && done.contains("政府信息公开目录：导入 2 条"))
            #expect(done.contains("<th scope=\"row\">政府信息公开目录</th><td>218</td>"))
            #expect(done.contains("导入 catalogue-2021.csv：新增 2 行") && done.contains("216 → 218") && done.contains(DemoAgency.demoOfficer))
            // A viewer lists and downloads but imports nothing.
            try await CasePageTests.addUser(office, "viewer-wang", role: "viewer")
            let viewer = try await StaffPageTests.signIn(app, username: "viewer-wang")
            #expect(!(try await LetterPageTests.get(app, viewer, "/staff/registers").1.contains("enctype=\"multipart/form-data\"")))
            let (forbidden, _) = try await Self.upload(app, viewer, "catalogue-items", "x.csv", Self.header)
            #expect(forbidden == .forbidden)
            #expect(try await LetterPageTests.get(app, officer, "/staff/registers/applications.csv").0 == .notFound)
        }
    }

    @Test func anImportedEntryMarked依申请公开IsListedWithoutItsText() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, _ in
            let officer = try await StaffPageTests.signIn(app)
            let (status, _) = try await Self.upload(app, officer, "catalogue-items", "目录.csv",
                "索引号,第二十条项号,标题,公开日期,正文,公开方式\n"
                + "11A0115-YJJ-2021-003,5,2021年执法检查分工表,2021-01-05,分工如下：甲组负责,依申请公开\n"
                + "11A0115-YJJ-2021-004,5,2021年第3批许可公示,2021-01-06,许可如下：乙公司,主动公开\n")
            #expect(status == .ok)
            let api = try await LetterPageTests.get(app, PageSession(), "/api/v1/agencies/1/catalogue?q=2021").1
            let items = try #require((try JSONSerialization.jsonObject(with: Data(api.utf8)) as? [String: Any])?["items"] as? [[String: Any]])
            let byTitle = Dictionary(uniqueKeysWithValues: items.compactMap { i in (i["title"] as? String).map { ($0, i) } })
            let onRequest = try #require(byTitle["2021年执法检查分工表"]), proactive = try #require(byTitle["2021年第3批许可公示"])
            #expect(onRequest["disclosure"] as? String == "onRequest" && proactive["disclosure"] as? String == "proactive")
            let url = try #require(onRequest["url"] as? String)
            let itemID = try #require(url.split(separator: "/").last.map(String.init))
            let page = try await LetterPageTests.get(app, PageSession(), url).1
            #expect(page.contains("<dd>依申请公开</dd>") && !page.contains("甲组负责"))
            #expect(page.contains("<a href=\"/agencies/1/apply?item=\(itemID)\">在线申请获取本信息</a>"))
            // An unknown 公开方式 is refused by line and column, and nothing is imported.
            let (refused, problems) = try await Self.upload(app, officer, "catalogue-items", "目录2.csv",
                "索引号,第二十条项号,标题,公开日期,公开方式\n11A0115-YJJ-2021-005,5,某表,2021-01-07,内部\n")
            #expect(refused == .unprocessableEntity && problems.contains("第2行") && problems.contains("公开方式"))
        }
    }

    @Test func rowsAreFoundByWordsAndPagedWithThem() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, _ in
            let officer = try await StaffPageTests.signIn(app)
            // The demo's 377 行政处罚 items (CF-…) and 7 行政许可 (XK-…): the words find the former, 50 a page.
            var page = try await LetterPageTests.get(app, officer, "/staff/registers/administrative-items/rows?q=cf-").1
            #expect(page.contains("<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"100\" aria-describedby=\"q-hint\" value=\"cf-\">"))
            let next = try #require(page.components(separatedBy: "href=\"/staff/registers/administrative-items/rows?q=cf-&amp;after=").dropFirst().first?.prefix { $0 != "\"" })
            #expect(!page.contains("第一页") && page.contains(">CF-001<") && !page.contains(">XK-"))
            page = try await LetterPageTests.get(app, officer, "/staff/registers/administrative-items/rows?q=cf-&after=\(next)").1
            #expect(page.contains("<a href=\"/staff/registers/administrative-items/rows?q=cf-\">第一页</a>") && !page.contains(">XK-") && !page.contains(">CF-001<"))
            page = try await LetterPageTests.get(app, officer, "/staff/registers/administrative-items/rows?q=%3Ci%3E").1
            #expect(page.contains("没有含「&lt;i&gt;」的记录。"))
        }
    }

    @Test func aRowIsCorrectedInAFormWithItsBeforeAndAfterInTheLog() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let officer = try await StaffPageTests.signIn(app)
            let list = try await LetterPageTests.get(app, officer, "/staff/registers/procurement-projects/rows").1
            #expect(list.contains("<th scope=\"col\">项目名称</th>"))
            let scope = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
            let row = try #require(try await office.registerRows("procurement-projects", scope: scope).rows.first)
            let path = "/staff/registers/procurement-projects/rows/\(row.id)"
            #expect(list.contains("<a href=\"\(path)\">第 \(row.id) 行</a>"))
            let form = try await LetterPageTests.get(app, officer, path).1
            let was = try #require(PageSession.hidden("was_amount_yuan", in: form))
            #expect(was == row.values[2])
            func fields(_ amount: String, wasAmount: String) -> [(String, String)] {
                [("name", row.values[0]), ("contracted_on", row.values[1]), ("amount_yuan", amount),
                 ("was_name", row.values[0]), ("was_contracted_on", row.values[1]), ("was_amount_yuan", wasAmount)]
            }
            // A bad amount comes back beside its field; nothing changes.
            let (bad, _, badPage) = try await LetterPageTests.post(app, officer, path, fields("一百元", wasAmount: was))
            #expect(bad == .unprocessableEntity && badPage.contains("金额（元）") && badPage.contains("value=\"一百元\""))
            let (saved, location, _) = try await LetterPageTests.post(app, officer, path, fields("88.8", wasAmount: was))
            #expect(saved == .seeOther && location == path + "?done=saved")
            let registers = try await LetterPageTests.get(app, officer, "/staff/registers").1
            #expect(registers.contains("修改第 \(row.id) 行：金额（元） \(was) → 88.8"))
            // The same form sent again is stale: someone (here, the same officer) changed the row since.
            #expect(try await LetterPageTests.post(app, officer, path, fields("99", wasAmount: was)).0 == .conflict)
            // A viewer reads the row without a form and cannot post one.
            try await CasePageTests.addUser(office, "viewer-wang", role: "viewer")
            let viewer = try await StaffPageTests.signIn(app, username: "viewer-wang")
            #expect(!(try await LetterPageTests.get(app, viewer, path).1.contains("保存修改")))
            #expect(try await LetterPageTests.post(app, viewer, path, fields("77", wasAmount: "88.8")).0 == .forbidden)
            #expect(try await LetterPageTests.get(app, officer, "/staff/registers/procurement-projects/rows/999999").0 == .notFound)
            #expect(try await LetterPageTests.get(app, officer, "/staff/registers/nonsense/rows").0 == .notFound)
        }
    }
}
