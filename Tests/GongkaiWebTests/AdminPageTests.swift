import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 机关设置与用户: an administrator sets the letter prefix, the confirmation of online applications and the receipt
/// rule, adds users and resets passwords; every problem beside its field; anyone else is refused.
@Suite struct AdminPageTests {
    @Test func anAdministratorKeepsTheSettingsAndTheUsers() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            try await CasePageTests.addUser(office, "admin-zhou", role: "admin")
            let admin = try await StaffPageTests.signIn(app, username: "admin-zhou")
            #expect(try await LetterPageTests.get(app, admin, "/staff").1.contains("href=\"/staff/admin\""))
            let (status, page) = try await LetterPageTests.get(app, admin, "/staff/admin")
            #expect(status == .ok && page.contains("value=\"大应急公开\"") && page.contains(">dx-yjj-head<") && page.contains(">负责人<"))
            // Settings: problems beside their fields, then saved.
            let (badTime, _, badHTML) = try await LetterPageTests.post(app, admin, "/staff/admin/settings", [
                ("letterPrefix", "大应急公开"), ("onlineConfirmation", "byStaff"), ("receiptRule", "agency-guide"), ("closing", "25:00"),
            ])
            #expect(badTime == .unprocessableEntity && badHTML.contains("id=\"closing-error\"") && badHTML.contains("value=\"25:00\""))
            let (badPrefix, _, prefixHTML) = try await LetterPageTests.post(app, admin, "/staff/admin/settings", [
                ("letterPrefix", "大应急〔公开〕"), ("onlineConfirmation", "automatic"), ("receiptRule", "article31"),
            ])
            #expect(badPrefix == .unprocessableEntity && prefixHTML.contains("id=\"letterPrefix-error\""))
            let (saved, location, _) = try await LetterPageTests.post(app, admin, "/staff/admin/settings", [
                ("letterPrefix", " 大应急信公 "), ("onlineConfirmation", "byStaff"), ("receiptRule", "agency-guide"), ("closing", "17:30"),
            ])
            #expect(saved == .seeOther && location == "/staff/admin?saved=settings")
            let agency = try await AgencyRepository(database: office.database).find(id: 1)
            #expect(agency.letterPrefix == "大应急信公" && agency.onlineConfirmation == .byStaff)
            #expect(agency.receiptRule == .agencyGuide(OfficeHours(closing: TimeOfDay(hour: 17, minute: 30)!)))
            // Users: a weak password and a taken name are named; a good one is added and signs in.
            let (weak, _, weakHTML) = try await LetterPageTests.post(app, admin, "/staff/admin/users", [
                ("username", "liu"), ("displayName", "刘主任"), ("role", "head"), ("password", "short"),
            ])
            #expect(weak == .unprocessableEntity && weakHTML.contains("id=\"password-error\"") && weakHTML.contains("value=\"刘主任\""))
            let (taken, _, takenHTML) = try await LetterPageTests.post(app, admin, "/staff/admin/users", [
                ("username", "dx-yjj-head"), ("displayName", "x"), ("role", "head"), ("password", "good-pass-2024"),
            ])
            #expect(taken == .unprocessableEntity && takenHTML.contains("id=\"username-error\"") && takenHTML.contains("用户名已存在"))
            let (added, _, _) = try await LetterPageTests.post(app, admin, "/staff/admin/users", [
                ("username", "liu"), ("displayName", "刘主任"), ("role", "head"), ("password", "good-pass-2024"),
            ])
            #expect(added == .seeOther)
            _ = try await StaffPageTests.signIn(app, username: "liu", password: "good-pass-2024")
            // A reset ends the user's sessions.
            let officer = try await StaffPageTests.signIn(app)
            let (reset, _, _) = try await LetterPageTests.post(app, admin, "/staff/admin/password", [
                ("resetUsername", DemoAgency.demoOfficer), ("resetPassword", "another-pass-2025"),
            ])
            #expect(reset == .seeOther)
            #expect(try await LetterPageTests.get(app, officer, "/staff").0 == .seeOther, "signed out by the reset")
        }
    }

    @Test func anAdministratorSetsTheIndexPatternTheChecklistAndApproval() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            try await CasePageTests.addUser(office, "admin-zhou", role: "admin")
            let admin = try await StaffPageTests.signIn(app, username: "admin-zhou")
            let page = try await LetterPageTests.get(app, admin, "/staff/admin").1
            #expect(page.contains("value=\"{机构代码}/{年份}-{流水号}\"") && page.contains("是否涉及商业秘密（第十五条）"))
            let (bad, _, badHTML) = try await LetterPageTests.post(app, admin, "/staff/admin/publishing", [
                ("indexPattern", "{机构代码}-{流水号}"), ("checklist", " "), ("requiresApproval", "yes"),
            ])
            #expect(bad == .unprocessableEntity && badHTML.contains("id=\"indexPattern-error\"") && badHTML.contains("id=\"checklist-error\""))
            #expect(badHTML.contains("必须含有 {年份}"))
            let (saved, location, _) = try await LetterPageTests.post(app, admin, "/staff/admin/publishing", [
                ("indexPattern", "11A0115-YJJ-{年份}-{流水号}"), ("checklist", "是否涉密（第十四条）\n是否涉及个人隐私（第十五条）"),
                ("requiresApproval", "yes"),
            ])
            #expect(saved == .seeOther && location == "/staff/admin?saved=publishing")
            let settings = try await office.publicationSettings(scope: try await office.scope(agencyID: 1, username: nil))
            #expect(settings.indexPattern.text == "11A0115-YJJ-{年份}-{流水号}" && settings.requiresApproval)
            #expect(settings.checklist.questions == ["是否涉密（第十四条）", "是否涉及个人隐私（第十五条）"])
        }
    }

    @Test func noOneElseSeesOrChangesThem() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let officer = try await StaffPageTests.signIn(app)
            #expect(!(try await LetterPageTests.get(app, officer, "/staff").1.contains("/staff/admin")))
            #expect(try await LetterPageTests.get(app, officer, "/staff/admin").0 == .forbidden)
            for (what, fields) in [
                ("settings", [("letterPrefix", "x"), ("onlineConfirmation", "byStaff"), ("receiptRule", "article31")]),
                ("users", [("username", "mole"), ("displayName", "x"), ("role", "admin"), ("password", "good-pass-2024")]),
                ("password", [("resetUsername", DemoAgency.demoHead), ("resetPassword", "good-pass-2024")]),
                ("publishing", [("indexPattern", "{年份}-{流水号}"), ("checklist", "是否涉密"), ("requiresApproval", "no")]),
            ] {
                #expect(try await LetterPageTests.post(app, officer, "/staff/admin/\(what)", fields).0 == .forbidden, "\(what)")
            }
            #expect(try await AgencyRepository(database: office.database).find(id: 1).onlineConfirmation == .automatic)
            // An administrator of another agency cannot reset this agency's passwords.
            let other = try await AgencyRepository(database: office.database).create(
                Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            _ = try await office.staff(WebTestApp.secrets).addUser(
                User(agencyID: other, username: "b-admin", displayName: "乙管理员", role: "admin"), password: WebTestApp.staffPassword)
            let stranger = try await StaffPageTests.signIn(app, username: "b-admin")
            #expect(!(try await LetterPageTests.get(app, stranger, "/staff/admin").1.contains("dx-yjj-head")))
            #expect(try await LetterPageTests.post(app, stranger, "/staff/admin/password", [
                ("resetUsername", DemoAgency.demoHead), ("resetPassword", "good-pass-2024"),
            ]).0 == .notFound)
        }
    }
}

/// 文书模板 on the administrator's page: saved, checked for unknown placeholders, used by the next draft, and
/// removed to go back to the built-in wording.
@Suite struct LetterTemplatePageTests {
    @Test func anAdministratorsTemplateShapesTheNextDraft() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let reference = try await CasePageTests.applied(app, office)
            try await CasePageTests.addUser(office, "admin-zhou", role: "admin")
            let admin = try await StaffPageTests.signIn(app, username: "admin-zhou")
            #expect(try await LetterPageTests.get(app, admin, "/staff/admin").1.contains("政府信息公开申请接收回执（系统默认）"))
            let (bad, _, badHTML) = try await LetterPageTests.post(app, admin, "/staff/admin/template", [
                ("kind", "receipt"), ("template", "{机关}已收到。{签收人}"),
            ])
            #expect(bad == .unprocessableEntity && badHTML.contains("没有这些占位符：{签收人}") && badHTML.contains("{机关}已收到。{签收人}</textarea>"))
            let (saved, location, _) = try await LetterPageTests.post(app, admin, "/staff/admin/template", [
                ("kind", "receipt"), ("template", "{机关}已于{收到日期}收到您的申请。\n\n查询码：{查询码}。"),
            ])
            #expect(saved == .seeOther && location == "/staff/admin?saved=template")
            #expect(try await LetterPageTests.get(app, admin, "/staff/admin").1.contains("政府信息公开申请接收回执（本机关模板）"))
            let officer = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
            let draft = try await office.draftLetter(reference: reference, eventIndex: 0, scope: officer, at: ApplyPageTests.moment)
            #expect(draft.letter.paragraphs.first == "北京市大兴区应急管理局已于2024年3月11日收到您的申请。")
            #expect(draft.letter.paragraphs.count == 2 && draft.letter.blanks.isEmpty)
            // Emptied: the built-in wording again.
            _ = try await LetterPageTests.post(app, admin, "/staff/admin/template", [("kind", "receipt"), ("template", "")])
            let token = try #require(admin.cookies["gk_staff"])
            let member = try #require(try await office.staff(WebTestApp.secrets).member(token: token, at: ApplyPageTests.moment))
            #expect(try await office.letterTemplates(by: member).isEmpty)
        }
    }
}
