import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 通知 in the back office: the notice of an issued letter listed with its text, marked sent by hand; a viewer is
/// refused. The 工作台 reminds of what is overdue or due soon.
@Suite struct OutboxPageTests {
    @Test func anIssuedLettersNoticeIsListedAndMarkedSent() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            _ = try await TrackLettersTests.issuedReceipt(app, office)  // 张三 gave zhang@example.cn
            let officer = try await StaffPageTests.signIn(app)
            #expect(try await LetterPageTests.get(app, officer, "/staff").1.contains("href=\"/staff/outbox\""))
            var (status, html) = try await LetterPageTests.get(app, officer, "/staff/outbox")
            #expect(status == .ok && html.contains("待发送：【北京市大兴区应急管理局】政府信息公开申请接收回执（大应急公开〔2024〕第1号）"))
            #expect(html.contains("zhang@example.cn") && html.contains("张三：") && html.contains("有 1 条通知尚未发送（全部列在下面）"))
            let id = try #require(html.components(separatedBy: "action=\"/staff/outbox/").dropFirst().first?.prefix { $0 != "/" })
            let (marked, location, _) = try await LetterPageTests.post(app, officer, "/staff/outbox/\(id)/sent", [])
            #expect(marked == .seeOther && location == "/staff/outbox?sent=1")
            (_, html) = try await LetterPageTests.get(app, officer, "/staff/outbox?sent=1")
            #expect(html.contains("已发送：【北京市大兴区应急管理局】") && html.contains("由 \(DemoAgency.demoOfficer) 人工发送"))
            #expect(html.contains("通知都已发送。") && !html.contains("尚未发送"))
            try await CasePageTests.addUser(office, "viewer-wang", role: "viewer")
            let viewer = try await StaffPageTests.signIn(app, username: "viewer-wang")
            #expect(try await LetterPageTests.get(app, viewer, "/staff/outbox").0 == .forbidden)
        }
    }

    @Test func theWorkbenchRemindsOfWhatIsDueSoon() async throws {
        // Received 2024-03-11: due 2024-04-09; on 2024-04-05 (清明 04-04…06 off, 04-07 worked) it is due within 3 working days.
        let moment = Moment(parsing: "2024-04-05 09:00")!
        try await WebTestApp.with(now: moment) { app, office in
            var rng = SystemRandomNumberGenerator()
            var intake = Intake(reference: "2024-0001", channel: "in-person", submittedOn: "2024-03-11", applicantKind: "自然人",
                                applicantName: "张三", description: "某文件")
            intake.submittedAt = "10:00"
            _ = try await office.receive(intake, scope: try await office.scope(agencyID: 1, username: nil), at: moment, using: &rng)
            let officer = try await StaffPageTests.signIn(app)
            #expect(try await LetterPageTests.get(app, officer, "/staff").1.contains("提醒：3个工作日内到期 1 件。"))
        }
    }
}
