import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 案卷: the case page shows what the member's role may see and offers only the steps the law allows now and the
/// role may record; a step posted is recorded once, and a refused one is named with nothing written.
@Suite struct CasePageTests {
    /// An application received through the API; returns its reference.
    static func applied(_ app: Application, _ office: Office) async throws -> String {
        let (h, b) = try ApplyAPITests.body(ApplyAPITests.citizen)
        var code = ""
        try await app.testing().test(.POST, "/api/v1/agencies/1/applications", headers: h, body: b) { res in
            #expect(res.status == .created)
            code = (try? ApplyAPITests.json(res)["trackingCode"] as? String) ?? ""
        }
        let scope = try await office.scope(agencyID: 1, username: nil)
        return try await office.caseFile(code, scope: scope, on: ApplyPageTests.moment.date).value.id
    }

    /// Adds a user of the demo agency with `role` and the tests' password.
    static func addUser(_ office: Office, _ username: String, role: String) async throws {
        _ = try await AgencyRepository(database: office.database).addUser(
            User(agencyID: 1, username: username, displayName: username, role: role))
        try await office.staff(WebTestApp.secrets).setPassword(WebTestApp.staffPassword, username: username)
    }

    static func page(_ app: Application, _ session: PageSession, _ reference: String) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.GET, CasePage.href(reference), headers: session.headers) { res in
            result = (res.status, res.body.string)
        }
        return result
    }

    static func offered(_ html: String) -> [String] {
        html.components(separatedBy: "name=\"name\" value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func anOfficerSeesTheWholeCaseAndRecordsTheAnswer() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let reference = try await Self.applied(app, office)
            #expect(reference.hasPrefix("网申2024-"))
            let session = try await StaffPageTests.signIn(app)
            try await app.testing().test(.GET, "/staff", headers: session.headers) { res in
                #expect(res.body.string.contains("href=\"\(CasePage.href(reference))\""), "the workbench links the case")
            }
            let (status, html) = try await Self.page(app, session, reference)
            #expect(status == .ok)
            #expect(html.contains("<h1>申请 \(reference)</h1>"))
            #expect(html.contains("11010519491231002X") && html.contains("13800000000"), "an officer sees ID and phone")
            #expect(html.contains("2023年某路段施工许可"))
            #expect(html.contains("答复期限 2024-04-09"))
            #expect(html.contains("收到申请（第三十一条）"))
            // | phase 办理中: offered                                  | not offered (nothing to receive or pay) |
            #expect(Self.offered(html) == [
                "correction-requested", "consultation-sent", "extension-approved", "fee-notice-sent",
                "reasons-requested", "delayed-reply-set", "answered", "answered-in-parts", "withdrawn",
            ])
            let version = try #require(PageSession.hidden("version", in: html))
            let csrf = try #require(session.cookies["gk_csrf"])
            let (h, b) = session.form([
                ("_csrf", csrf), ("name", "answered"), ("version", version), ("date", "2024-03-20"), ("outcome", "granted"),
            ])
            try await app.testing().test(.POST, CasePage.href(reference) + "/events", headers: h, body: b) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == CasePage.href(reference) + "?recorded=answered")
            }
            try await app.testing().test(.GET, CasePage.href(reference) + "?recorded=answered", headers: session.headers) { res in
                let html = res.body.string
                #expect(html.contains("已记录：答复"))
                #expect(html.contains("已办结，按期办结"))
                #expect(Self.offered(html).isEmpty, "a closed case offers nothing")
            }
            // The same form again (its version is now stale): refused, nothing written twice.
            try await app.testing().test(.POST, CasePage.href(reference) + "/events", headers: h, body: b) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("已被他人修改"))
            }
            let scope = try await office.scope(agencyID: 1, username: nil)
            #expect(try await office.caseFile(reference, scope: scope, on: ApplyPageTests.moment.date).value.log.count == 2)
        }
    }

    @Test func aRefusedStepIsNamedWithWhatWasTypedAndNothingRecorded() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let reference = try await Self.applied(app, office)
            let session = try await StaffPageTests.signIn(app)
            let csrf = try #require(session.cookies["gk_csrf"])
            // | step posted                       | answer                                            |
            let cases: [([(String, String)], HTTPStatus, String)] = [
                ([("name", "fee-paid"), ("date", "2024-03-12")], .unprocessableEntity, "没有待缴费的收费通知"),
                ([("name", "extension-approved"), ("date", "2024-03-12"), ("days", "25"), ("approved-by", DemoAgency.demoHead)],
                 .unprocessableEntity, "25"),
                ([("name", "correction-requested"), ("date", "2024-03-12"), ("deadline", "")], .unprocessableEntity, "请填写"),
                ([("name", "answered"), ("date", "2024-03-05"), ("outcome", "granted")], .unprocessableEntity, "2024-03-05"),
                ([("name", "answered"), ("date", "3月12日"), ("outcome", "granted")], .unprocessableEntity, "不是 YYYY-MM-DD"),
                ([("name", "extension-approved"), ("date", "2024-03-12"), ("days", "5"), ("approved-by", "王局长")],
                 .unprocessableEntity, "「王局长」不是本机关的负责人；可选：办公室负责人"),
            ]
            for (fields, status, words) in cases {
                let (h, b) = session.form([("_csrf", csrf)] + fields)
                try await app.testing().test(.POST, CasePage.href(reference) + "/events", headers: h, body: b) { res in
                    #expect(res.status == status, "\(fields)")
                    let html = res.body.string
                    #expect(html.contains("未记录：") && html.contains(words), "\(fields)")
                }
            }
            let (h, b) = session.form([("_csrf", String(repeating: "0", count: 64)), ("name", "withdrawn"), ("date", "2024-03-12")])
            try await app.testing().test(.POST, CasePage.href(reference) + "/events", headers: h, body: b) { res in
                #expect(res.status == .forbidden, "another site's form records nothing")
            }
            let scope = try await office.scope(agencyID: 1, username: nil)
            #expect(try await office.caseFile(reference, scope: scope, on: ApplyPageTests.moment.date).value.log.count == 1)
            let (missing, _) = try await Self.page(app, session, "2099-999")
            #expect(missing == .notFound)
        }
    }

    @Test func eachRoleSeesAndDoesOnlyWhatItMay() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let reference = try await Self.applied(app, office)
            try await Self.addUser(office, "viewer-wang", role: "viewer")
            try await Self.addUser(office, "registrar-zhao", role: "registrar")
            // | role     | ID and phone | steps offered  |
            // | viewer   | hidden       | none           |
            // | registrar| shown        | the arrivals   |
            let viewer = try await StaffPageTests.signIn(app, username: "viewer-wang")
            let (_, seen) = try await Self.page(app, viewer, reference)
            #expect(seen.contains("张三") && !seen.contains("11010519491231002X") && !seen.contains("13800000000"))
            #expect(Self.offered(seen).isEmpty)
            let csrf = try #require(viewer.cookies["gk_csrf"])
            let (h, b) = viewer.form([("_csrf", csrf), ("name", "answered"), ("date", "2024-03-12"), ("outcome", "granted")])
            try await app.testing().test(.POST, CasePage.href(reference) + "/events", headers: h, body: b) { res in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("无权记录「答复"))
            }
            let registrar = try await StaffPageTests.signIn(app, username: "registrar-zhao")
            #expect(Self.offered(try await Self.page(app, registrar, reference).1) == ["withdrawn"])
        }
    }
}

/// 工作台的待办分类: each queue with its count; a case moves from 办理中 to 暂停计时 and to 本月办结 as it is handled.
@Suite struct WorkQueueTests {
    static func counts(_ app: Application, _ session: PageSession, _ query: String = "") async throws -> String {
        var html = ""
        try await app.testing().test(.GET, "/staff" + query, headers: session.headers) { res in
            #expect(res.status == .ok)
            html = res.body.string
        }
        return html
    }

    @Test func casesMoveBetweenQueuesAsTheyAreHandled() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let first = try await CasePageTests.applied(app, office)
            let second = try await CasePageTests.applied(app, office)
            let scope = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
            let day = ApplyPageTests.moment.date
            _ = try await office.record(
                ApplicationEvent(day, .consultationSent(.thirdParty)), on: first, scope: scope, at: ApplyPageTests.moment)
            _ = try await office.record(ApplicationEvent(day, .answered(.granted)), on: second, scope: scope, at: ApplyPageTests.moment)
            let session = try await StaffPageTests.signIn(app)
            // | queue            | count | holds  |
            // | 办理中           | 1     | first  |
            // | 暂停计时         | 1     | first (consulting) |
            // | 本月办结         | 1     | second |
            // | 已超期, 即将到期 | 0     |        |
            let home = try await Self.counts(app, session)
            for (title, n) in [("办理中", 1), ("已超期", 0), ("即将到期", 0), ("暂停计时", 1), ("本月办结", 1)] {
                #expect(home.contains("\(title) <span class=\"count\">\(n)</span>"), "\(title)")
            }
            let paused = try await Self.counts(app, session, "?queue=paused")
            #expect(paused.contains("<h2>暂停计时（1 件）</h2>") && paused.contains(first) && !paused.contains(">\(second)<"))
            let closed = try await Self.counts(app, session, "?queue=closedThisMonth&sort=received")
            #expect(closed.contains("<h2>本月办结（1 件）</h2>") && closed.contains(">\(second)<"))
            let unknown = try await Self.counts(app, session, "?queue=everything")
            #expect(unknown.contains("<h2>办理中（1 件）</h2>"), "an unknown queue shows the open cases")
        }
    }
}

/// 行政复议与行政诉讼 on the case page: registered with its 案号 and body, decided once; problems beside their fields.
@Suite struct CaseAppealPageTests {
    @Test func anAppealIsRegisteredAndDecidedFromTheCasePage() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let reference = try await CasePageTests.applied(app, office)
            let officer = try await StaffPageTests.signIn(app)
            let path = CasePage.href(reference) + "/appeals"
            let (early, _, earlyHTML) = try await LetterPageTests.post(app, officer, path, [
                ("kind", "reconsideration"), ("appealReference", "京兴政复〔2024〕12号"), ("body", "北京市大兴区人民政府"), ("filedOn", "2024-03-01"),
            ])
            #expect(early == .unprocessableEntity && earlyHTML.contains("id=\"appeal-filedOn-error\"") && earlyHTML.contains("value=\"京兴政复〔2024〕12号\""))
            let (filed, location, _) = try await LetterPageTests.post(app, officer, path, [
                ("kind", "litigationDirect"), ("appealReference", "（2024）京0115行初12号"), ("body", "北京市大兴区人民法院"), ("filedOn", "2024-03-20"),
            ])
            #expect(filed == .seeOther && location == CasePage.href(reference) + "?appeal=1")
            var (_, html) = try await LetterPageTests.get(app, officer, try #require(location))
            #expect(html.contains("（2024）京0115行初12号") && html.contains("行政诉讼（未经复议直接起诉）") && html.contains("尚未审结"))
            let action = try #require(html.components(separatedBy: "action=\"").first { $0.hasPrefix(path + "/") }?.prefix { $0 != "\"" })
            let (decided, _, _) = try await LetterPageTests.post(app, officer, String(action), [("result", "upheld"), ("decidedOn", "2024-06-20")])
            #expect(decided == .seeOther)
            (_, html) = try await LetterPageTests.get(app, officer, CasePage.href(reference))
            #expect(html.contains("结果维持（2024-06-20）") && !html.contains("记录 （2024）京0115行初12号 的结果"))
            let table = try await office.report(agencyID: 1, year: 2024).report.appeals.table
            #expect(table[.litigationDirect, .upheld] == 1)
            // A viewer sees it and registers nothing.
            try await CasePageTests.addUser(office, "viewer-wang", role: "viewer")
            let viewer = try await StaffPageTests.signIn(app, username: "viewer-wang")
            #expect(!(try await LetterPageTests.get(app, viewer, CasePage.href(reference)).1.contains("登记行政复议或者行政诉讼")))
            #expect(try await LetterPageTests.post(app, viewer, path, [
                ("kind", "reconsideration"), ("appealReference", "x"), ("body", "y"), ("filedOn", "2024-04-01"),
            ]).0 == .forbidden)
        }
    }
}
