import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 登记申请: staff enter an application received by post, in person, by letter or fax; the receipt date follows
/// Art. 31 for the channel; problems come back beside their fields with what was typed; roles that may not register
/// are refused.
@Suite struct RegisterPageTests {
    static let good: [(String, String)] = [
        ("receipt[reference]", "2024-0001"), ("receipt[channel]", "post"), ("receipt[submittedOn]", "2024-03-09"),
        ("receipt[submittedAt]", "10:30"), ("applicant[kind]", "naturalPerson"), ("applicant[name]", "李四"),
        ("applicant[idType]", "居民身份证"), ("applicant[idNumber]", "11010519491231002X"), ("applicant[phone]", "13900000000"),
        ("applicant[address]", "北京市大兴区某路2号"), ("request[description]", "2023年度安全生产检查计划"),
        ("delivery[medium]", "paper"), ("delivery[method]", "post"),
    ]

    @Test func aLetterSignedForOnASaturdayIsReceivedThatDay() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let officer = try await StaffPageTests.signIn(app)
            let (_, home) = try await LetterPageTests.get(app, officer, "/staff")
            #expect(home.contains("href=\"/staff/cases/new\""))
            let (status, form) = try await LetterPageTests.get(app, officer, "/staff/cases/new")
            #expect(status == .ok && form.contains("value=\"2024-0001\"") && form.contains("邮寄（签收之日为收到申请之日）"))
            let (created, location, _) = try await LetterPageTests.post(app, officer, "/staff/cases", Self.good)
            #expect(created == .seeOther && location == CasePage.href("2024-0001") + "?registered=1")
            let (_, casePage) = try await LetterPageTests.get(app, officer, try #require(location))
            // Signed for on Saturday 03-09: received that day; 20 working days from Monday: 04-08 (04-07 调休 worked).
            #expect(casePage.contains("已登记") && casePage.contains("邮寄 2024-03-09 10:30") && casePage.contains("答复期限 2024-04-08"))
            let scope = try await office.scope(agencyID: 1, username: nil)
            let c = try await office.caseFile("2024-0001", scope: scope, on: ApplyPageTests.moment.date).value
            #expect(c.receivedOn == CivilDate(2024, 3, 9) && c.log.first?.actor == DemoAgency.demoOfficer)
            #expect(c.delivery == Delivery(medium: .paper, method: .post))
            // The next form suggests the next number; the same number again is refused beside its field.
            #expect(try await LetterPageTests.get(app, officer, "/staff/cases/new").1.contains("value=\"2024-0002\""))
            let (duplicate, _, html) = try await LetterPageTests.post(app, officer, "/staff/cases", Self.good)
            #expect(duplicate == .unprocessableEntity && html.contains("id=\"receipt-reference-error\"") && html.contains("已有受理编号为「2024-0001」"))
        }
    }

    @Test func everyProblemIsNamedBesideItsFieldAndNothingIsStored() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let officer = try await StaffPageTests.signIn(app)
            let bad = Self.good.map { key, value -> (String, String) in
                switch key {
                case "receipt[submittedOn]": return (key, "2024-02-30")
                case "receipt[channel]": return (key, "pigeon")
                case "applicant[name]": return (key, "")
                case "applicant[phone]": return (key, "12345")
                default: return (key, value)
                }
            }
            let (status, _, html) = try await LetterPageTests.post(app, officer, "/staff/cases", bad)
            #expect(status == .unprocessableEntity)
            for id in ["receipt-submittedOn-error", "receipt-channel-error", "applicant-name-error", "applicant-phone-error"] {
                #expect(html.contains("id=\"\(id)\""), "\(id)")
            }
            #expect(html.contains("还不能登记，请修改以下 4 处") && html.contains("value=\"北京市大兴区某路2号\"") && html.contains("2023年度安全生产检查计划"))
            let scope = try await office.scope(agencyID: 1, username: nil)
            await #expect(throws: CaseError.self) { try await office.caseFile("2024-0001", scope: scope, on: ApplyPageTests.moment.date) }
            // A viewer neither sees the form nor registers.
            try await CasePageTests.addUser(office, "viewer-wang", role: "viewer")
            let viewer = try await StaffPageTests.signIn(app, username: "viewer-wang")
            #expect(!(try await LetterPageTests.get(app, viewer, "/staff").1.contains("/staff/cases/new")))
            #expect(try await LetterPageTests.get(app, viewer, "/staff/cases/new").0 == .forbidden)
            #expect(try await LetterPageTests.post(app, viewer, "/staff/cases", Self.good).0 == .forbidden)
        }
    }
}
