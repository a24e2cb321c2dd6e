import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 各机关办理情况: the district's 监督人 sees every agency's counts and whether last year's report is published —
/// never an applicant; no other role sees the page.
@Suite struct DistrictPageTests {
    @Test func theSupervisorSeesEveryAgencysCountsAndNoApplicant() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            _ = try await CasePageTests.applied(app, office)
            let other = try await AgencyRepository(database: office.database).create(
                Agency(name: "北京市大兴区财政局", code: "B", level: .county, region: .beijing)).id!
            _ = try await office.staff(WebTestApp.secrets).addUser(
                User(agencyID: other, username: "district-sun", displayName: "区政务公开办", role: "supervisor"),
                password: WebTestApp.staffPassword)
            let supervisor = try await StaffPageTests.signIn(app, username: "district-sun")
            #expect(try await LetterPageTests.get(app, supervisor, "/staff").1.contains("href=\"/staff/district\""))
            let (status, html) = try await LetterPageTests.get(app, supervisor, "/staff/district")
            #expect(status == .ok)
            // | agency                | 办理中 | 2023年度报告 |
            // | 北京市大兴区应急管理局 | 1      | 未发布（the demo published 2020's） |
            // | 北京市大兴区财政局     | 0      | 未发布 |
            #expect(html.contains("<a href=\"/agencies/1\">北京市大兴区应急管理局</a></th><td>0</td><td>1</td>"))
            #expect(html.contains("<a href=\"/agencies/\(other)\">北京市大兴区财政局</a></th><td>0</td><td>0</td>"))
            #expect(html.contains("2023年度报告") && !html.contains("张三") && !html.contains("施工许可"))
            let officer = try await StaffPageTests.signIn(app)
            #expect(!(try await LetterPageTests.get(app, officer, "/staff").1.contains("/staff/district")))
            #expect(try await LetterPageTests.get(app, officer, "/staff/district").0 == .forbidden)
        }
    }
}
