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
}
