import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 待确认 in the portal and the back office: where staff confirm online receipts, the applicant gets a tracking code
/// and no receipt date; the submission waits in the 工作台's 待确认 queue and becomes a case when confirmed.
@Suite struct ConfirmationQueueTests {
    @Test func aSubmissionWaitsIsConfirmedAndBecomesACase() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            try await AgencyRepository(database: office.database).setOnlineConfirmation(.byStaff, agencyID: 1)
            let (h, b) = try ApplyAPITests.body(ApplyAPITests.citizen)
            var code = ""
            try await app.testing().test(.POST, "/api/v1/agencies/1/applications", headers: h, body: b) { res in
                #expect(res.status == .created)
                let json = try ApplyAPITests.json(res)
                #expect(json["status"] as? String == "awaitingConfirmation" && json["receivedOn"] is NSNull)
                code = json["trackingCode"] as? String ?? ""
            }
            try await app.testing().test(.GET, "/api/v1/applications/\(code)") { res in
                let json = try ApplyAPITests.json(res)
                #expect(json["status"] as? String == "awaitingConfirmation" && json["receivedOn"] is NSNull)
            }
            try await app.testing().test(.GET, "/track?code=\(code)") { res in
                #expect(res.body.string.contains("待确认：本机关确认收到后开始计算答复期限") && res.body.string.contains("确认收到后计算"))
            }
            let officer = try await StaffPageTests.signIn(app)
            let (_, home) = try await LetterPageTests.get(app, officer, "/staff")
            #expect(home.contains("待确认 <span class=\"count\">1</span>") && home.contains("办理中 <span class=\"count\">0</span>"))
            let (_, queue) = try await LetterPageTests.get(app, officer, "/staff?queue=awaitingConfirmation")
            #expect(queue.contains("<h2>待确认（1 件）</h2>") && queue.contains("2023年某路段施工许可"))
            let action = try #require(queue.components(separatedBy: "action=\"/staff/pending/").dropFirst().first?.prefix { $0 != "\"" })
            let path = "/staff/pending/" + action
            let (confirmed, location, _) = try await LetterPageTests.post(app, officer, path, [])
            #expect(confirmed == .seeOther)
            let casePath = try #require(location)
            #expect(casePath.hasSuffix("?confirmed=1"))
            let (_, casePage) = try await LetterPageTests.get(app, officer, casePath)
            #expect(casePage.contains("已确认收到") && casePage.contains("网上提交") && casePage.contains("收到申请之日</dt><dd>2024-03-11"))
            // Confirmed twice (another tab): refused on the queue, one case only.
            let (again, _, againHTML) = try await LetterPageTests.post(app, officer, path, [])
            #expect(again == .conflict && againHTML.contains("该网上申请已确认收到"))
            try await app.testing().test(.GET, "/api/v1/applications/\(code)") { res in
                let json = try ApplyAPITests.json(res)
                #expect(json["receivedOn"] as? String == "2024-03-11")
            }
            let scope = try await office.scope(agencyID: 1, username: nil)
            #expect(try await office.workQueues(scope: scope, on: ApplyPageTests.moment.date).count(.open) == 1)
        }
    }

    @Test func theFormSaysTheReceiptDateWaitsAndAViewerCannotConfirm() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            try await AgencyRepository(database: office.database).setOnlineConfirmation(.byStaff, agencyID: 1)
            let (h, b) = try ApplyAPITests.body(ApplyAPITests.citizen)
            try await app.testing().test(.POST, "/api/v1/agencies/1/applications", headers: h, body: b) { res in
                #expect(res.status == .created)
            }
            try await CasePageTests.addUser(office, "viewer-wang", role: "viewer")
            let viewer = try await StaffPageTests.signIn(app, username: "viewer-wang")
            let (_, queue) = try await LetterPageTests.get(app, viewer, "/staff?queue=awaitingConfirmation")
            let action = try #require(queue.components(separatedBy: "action=\"/staff/pending/").dropFirst().first?.prefix { $0 != "\"" })
            let (refused, _, html) = try await LetterPageTests.post(app, viewer, "/staff/pending/" + action, [])
            #expect(refused == .forbidden && html.contains("无权确认收到网上申请"))
            // Where the agency confirms automatically and nothing waits, there is no 待确认 tab.
            try await AgencyRepository(database: office.database).setOnlineConfirmation(.automatic, agencyID: 1)
            #expect(try await LetterPageTests.get(app, viewer, "/staff").1.contains("待确认 <span"), "a waiting submission keeps the tab")
        }
    }
}
