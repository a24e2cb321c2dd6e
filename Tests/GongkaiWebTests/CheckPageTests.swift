import Foundation
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// `/check`: reports uploaded from a form are read and checked as the command line checks them, each finding
/// numbered on its cell, the findings offered as JSON and CSV; a form without its token checks nothing.
@Suite struct CheckPageTests {
    /// The form's token and cookie, and a multipart body carrying the token and `files`.
    static func upload(_ app: Application, _ files: [(String, Data)], token: String? = nil) async throws
        -> (HTTPHeaders, ByteBuffer)
    {
        var session = PageSession()
        var html = ""
        try await app.testing().test(.GET, "/check") { res in
            #expect(res.status == .ok)
            session.keep(res)
            html = res.body.string
        }
        let found = try #require(PageSession.hidden("_csrf", in: html))
        let csrf = token ?? found
        var (headers, body) = WebTestApp.multipart(files)
        var withToken = ByteBuffer(string: "--gk-boundary\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n")
        withToken.writeBuffer(&body)
        for (name, value) in session.headers { headers.add(name: name, value: value) }
        return (headers, withToken)
    }

    @Test func aReportWithErrorsHasEachFindingOnItsCellAndTheFindingsToDownload() async throws {
        try await WebTestApp.with { app, _ in
            let broken = try WebTestApp.fixture("05-pingtan-ziranziyuanju-2020.txt")
            let seed = try WebTestApp.fixture("seed-daxing-yingji-2020.txt")
            let (headers, body) = try await Self.upload(app, [("05.txt", broken), ("seed.txt", seed)])
            try await app.testing().test(.POST, "/check", headers: headers, body: body) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("平潭综合实验区自然资源与生态环境局2020年度报告：发现 2 处错误"))
                #expect(html.contains("北京市大兴区应急管理局2020年度报告：表格自洽，未发现错误"))
                // 表二's （七）总计 row: the 法律服务机构 cell reads 0 where its rows add up to 1; its number is on it.
                #expect(html.contains("<li id=\"file-1-finding-6\"><strong>错误</strong> 第三部分 （七）总计 「法律服务机构」列"))
                #expect(html.contains("<td class=\"num flagged\">0 <a class=\"mark\" href=\"#file-1-finding-6\" aria-label=\"见错误6\">6</a></td>"))
                #expect(html.contains("<td class=\"num flagged\">9 <a class=\"mark\" href=\"#file-1-finding-7\""))
                // A reading doubt is a warning on its cells, not an error.
                #expect(html.contains("<td class=\"num\">20 <a class=\"mark warn\" href=\"#file-1-finding-2\""))
                #expect(html.components(separatedBy: "<caption>表二　收到和处理政府信息公开申请情况</caption>").count == 3)
                let csvStart = try #require(html.range(of: "href=\"data:text/csv;charset=utf-8,"))
                let encoded = String(html[csvStart.upperBound...].prefix { $0 != "\"" })
                let csv = try #require(encoded.removingPercentEncoding)
                // The byte-order mark is there for spreadsheet programs (Foundation drops it when decoding).
                #expect(encoded.hasPrefix("%EF%BB%BF") && csv.hasPrefix("文件,机关,年度,严重程度,规则"))
                #expect(csv.contains("05.txt,平潭综合实验区自然资源与生态环境局,2020,错误,"))
                #expect(html.contains("href=\"data:application/json;charset=utf-8,"))
            }
        }
    }

    @Test func withoutAFileOrWithoutTheTokenNothingIsChecked() async throws {
        try await WebTestApp.with { app, _ in
            let seed = try WebTestApp.fixture("seed-daxing-yingji-2020.txt")
            let (headers, body) = try await Self.upload(app, [("seed.txt", seed)], token: String(repeating: "a", count: 64))
            try await app.testing().test(.POST, "/check", headers: headers, body: body) { res in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("页面已过期") && !res.body.string.contains("表格自洽"))
            }
            let (h2, b2) = try await Self.upload(app, [])
            try await app.testing().test(.POST, "/check", headers: h2, body: b2) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("请至少选择一个报告文件"))
            }
        }
    }

    @Test func anUnreadableFileIsNamedAndTheOthersAreStillChecked() async throws {
        try await WebTestApp.with { app, _ in
            let seed = try WebTestApp.fixture("seed-daxing-yingji-2020.txt")
            let (headers, body) = try await Self.upload(app, [("broken.docx", Data("not a zip".utf8)), ("seed.txt", seed)])
            try await app.testing().test(.POST, "/check", headers: headers, body: body) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("broken.docx：无法读取"))
                #expect(res.body.string.contains("表格自洽，未发现错误"))
            }
        }
    }
}
