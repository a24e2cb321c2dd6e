import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 年度报告 in the back office, in-process: the officer opens the year (late: 31 January has passed), writes, a
/// contradiction is caught and blocks submission, the 审核人 reviews, the 负责人 approves, and the report is on the
/// portal in every form; the 工作台 and the district see the deadline.
@Suite struct ReportDraftPageTests {
    static func version(_ html: String) -> String { PageSession.hidden("version", in: html) ?? "" }

    @Test func anOfficerDraftsTheReportAReviewerPassesItAndTheHeadPublishesIt() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in  // 2024-03-11 10:00
            try await CasePageTests.addUser(office, "reviewer-wu", role: "reviewer")
            try await CasePageTests.addUser(office, "head-liu", role: "head")
            let officer = try await StaffPageTests.signIn(app)
            // 工作台: the 2023 report is 40 days late.
            let home = try await LetterPageTests.get(app, officer, "/staff").1
            #expect(home.contains("href=\"/staff/reports\"") && home.contains("年度报告：2023年度报告应于2024-01-31前公布，已逾期40天。"))
            var (status, page) = try await LetterPageTests.get(app, officer, "/staff/reports")
            #expect(status == .ok && page.contains("2023年度") && page.contains("已逾期40天") && page.contains("按期公布"))
            #expect(page.contains("href=\"/agencies/1/reports/2020\">共1版"))
            // A year not over yet is refused with its reason.
            let (refused, _, refusedPage) = try await LetterPageTests.post(app, officer, "/staff/reports", [("year", "2024")])
            #expect(refused == .unprocessableEntity && refusedPage.contains("不能起草2024年度报告"))
            let (opened, location, _) = try await LetterPageTests.post(app, officer, "/staff/reports", [("year", "2023")])
            #expect(opened == .seeOther)
            let path = try #require(location)
            page = try await LetterPageTests.get(app, officer, path).1
            // The offered sentences are in 一 already; 五 and 六 are empty and named.
            #expect(page.contains("<strong>状态：</strong>草稿") && page.contains("本年度共收到政府信息公开申请"))
            #expect(page.contains("有 2 处问题，改正后才能提交审核") && page.contains("「五、存在的主要问题及改进情况」尚未填写"))
            #expect(page.contains("/staff/registers/applications.csv") && page.contains("id=\"gk-section-3\""))
            // A contradiction, saved: caught and shown; submitting is refused with the place named.
            let words = [("preamble", "依据条例第五十条编制本报告。"), ("problems", "一是公开内容有待丰富。"), ("otherMatters", "无。")]
            var (saved, savedAt, _) = try await LetterPageTests.post(app, officer, path, words + [
                ("action", "save"), ("version", Self.version(page)), ("overview", "本年度共收到政府信息公开申请99件。"),
            ])
            #expect(saved == .seeOther)
            page = try await LetterPageTests.get(app, officer, try #require(savedAt)).1
            #expect(page.contains("已保存，并已重新核对") && page.contains("有 1 处问题") && page.contains("写的是 99 件"))
            let (blocked, _, blockedPage) = try await LetterPageTests.post(app, officer, path, [("action", "submit"), ("version", Self.version(page))])
            #expect(blocked == .unprocessableEntity && blockedPage.contains("改正后才能提交审核") && blockedPage.contains("第一部分"))
            // The offered sentences put back: nothing blocks; submitted.
            (saved, savedAt, _) = try await LetterPageTests.post(app, officer, path, words + [
                ("action", "suggest"), ("version", Self.version(page)), ("overview", ""),
            ])
            page = try await LetterPageTests.get(app, officer, path).1
            #expect(page.contains("表格勾稽关系正确，正文写到的数字与表格一致"))
            _ = try await LetterPageTests.post(app, officer, path, [("action", "submit"), ("version", Self.version(page))])
            page = try await LetterPageTests.get(app, officer, path).1
            #expect(page.contains("<strong>状态：</strong>待审核") && !page.contains("value=\"pass\""))
            // The reviewer answers the checklist and passes it; the 负责人 approves.
            let reviewer = try await StaffPageTests.signIn(app, username: "reviewer-wu")
            #expect(try await LetterPageTests.get(app, reviewer, "/staff").1.contains("待您审核 1 份"))
            page = try await LetterPageTests.get(app, reviewer, path).1
            #expect(page.contains("value=\"pass\"") && !page.contains("value=\"withhold\"") && !page.contains("value=\"approve\""))
            _ = try await LetterPageTests.post(app, reviewer, path, [("action", "pass"), ("version", Self.version(page))] + (0..<6).map { ("q\($0)", "no") })
            let head = try await StaffPageTests.signIn(app, username: "head-liu")
            page = try await LetterPageTests.get(app, head, path).1
            #expect(page.contains("<strong>状态：</strong>待负责人审批") && page.contains("value=\"approve\""))
            let (approved, approvedAt, _) = try await LetterPageTests.post(app, head, path, [("action", "approve"), ("version", Self.version(page))])
            #expect(approved == .seeOther && approvedAt?.hasSuffix("done=approved") == true)
            // On the portal, in every form, with its hash; the draft is locked.
            let anonymous = PageSession()
            let (publicStatus, publicPage) = try await LetterPageTests.get(app, anonymous, "/agencies/1/reports/2023")
            #expect(publicStatus == .ok && publicPage.contains("本年度共收到政府信息公开申请") && publicPage.contains("一是公开内容有待丰富。"))
            for ext in ["html", "docx", "pdf", "svg", "json", "txt"] {
                #expect(try await LetterPageTests.get(app, anonymous, "/agencies/1/reports/2023/report.\(ext)").0 == .ok, "\(ext)")
            }
            page = try await LetterPageTests.get(app, officer, path).1
            #expect(page.contains("<strong>状态：</strong>已公布") && !page.contains("value=\"save\""))
            page = try await LetterPageTests.get(app, officer, "/staff/reports").1
            #expect(page.contains("逾期40天公布"))
            #expect(!(try await LetterPageTests.get(app, officer, "/staff").1.contains("年度报告：")))
        }
    }

    @Test func theDistrictSeesWhoIsLate() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let other = try await AgencyRepository(database: office.database).create(
                Agency(name: "北京市大兴区财政局", code: "B", level: .county, region: .beijing)).id!
            _ = try await office.staff(WebTestApp.secrets).addUser(
                User(agencyID: other, username: "district-sun", displayName: "区政务公开办", role: "supervisor"), password: WebTestApp.staffPassword)
            let html = try await LetterPageTests.get(app, try await StaffPageTests.signIn(app, username: "district-sun"), "/staff/district").1
            #expect(html.contains("未公布（已逾期40天）"))
        }
    }

    @Test func eachRowOfSectionThreeLinksToTheCasesItCounts() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let officer = try await StaffPageTests.signIn(app)
            let (_, location, _) = try await LetterPageTests.post(app, officer, "/staff/reports", [("year", "2020")])
            let path = try #require(location)
            let page = try await LetterPageTests.get(app, officer, path).1
            #expect(page.contains("<h1>2020年度报告修订草稿</h1>"))
            // The first outcome row with applications in it, and the cases it counts.
            let scope = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
            let table = try await office.report(agencyID: 1, year: 2020).report.applications.table
            let row = try #require(ApplicationRow.outcomeRows(for: table.format).first { table[$0, .total].countOrZero > 0 })
            #expect(page.contains("<a href=\"\(path)/cases?row=\(row.id)&amp;column=6\">\(table[row, .total].countOrZero)件</a>"))
            let (status, list) = try await LetterPageTests.get(app, officer, "\(path)/cases?row=\(row.id)&column=6")
            let behind = try await office.casesBehind(row: row, column: .total, year: 2020, scope: scope)
            #expect(status == .ok && list.contains("第三部分「\(row.displayName)」·「总计」：\(behind.count)件"))
            #expect(!behind.isEmpty && behind.allSatisfy { list.contains("href=\"\(CasePage.href($0.id))\"") })
            #expect(try await LetterPageTests.get(app, officer, "\(path)/cases?row=nonsense&column=6").0 == .notFound)
            // Section IV's figures open their appeals (none in the demo's 2020).
            #expect(page.contains("\(path)/appeals?group=0&amp;result=4"))
            let appeals = try await LetterPageTests.get(app, officer, "\(path)/appeals?group=0&result=4")
            #expect(appeals.0 == .ok && appeals.1.contains("第四部分「行政复议」·「总计」：0件") && appeals.1.contains("没有案件计入这个数字"))
            #expect(try await LetterPageTests.get(app, officer, "\(path)/appeals?group=9&result=4").0 == .notFound)
        }
    }

    @Test func eachFigureOfSectionTwoLinksToTheRegisterRowsItCounts() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let officer = try await StaffPageTests.signIn(app)
            let (_, location, _) = try await LetterPageTests.post(app, officer, "/staff/reports", [("year", "2020")])
            let path = try #require(location)
            let page = try await LetterPageTests.get(app, officer, path).1
            let section = try await office.report(agencyID: 1, year: 2020).report.proactive
            let scope = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
            // Every figure is a link; the 行政许可 decisions open the decisions the figure counts.
            for row in section.rows {
                for column in row.columns(in: section.format) {
                    #expect(page.contains("<a href=\"\(path)/records?row=\(row.rawValue)&amp;column=\(column.rawValue)\">"), "\(row) \(column)")
                }
            }
            let decisions = section[.licensing, .decisions].countOrZero
            #expect(decisions > 0)
            let (status, list) = try await LetterPageTests.get(app, officer, "\(path)/records?row=licensing&column=decisions")
            #expect(status == .ok && list.contains("第二部分「行政许可」·「\(ProactiveColumn.decisions.label)」：\(decisions)条台账记录"))
            guard case .decisions(let behind, _)? = try await office.recordsBehind(row: .licensing, column: .decisions, year: 2020, scope: scope) else {
                Issue.record("no decisions"); return
            }
            #expect(behind.count == decisions && behind.allSatisfy { list.contains("<td>\($0.reference)</td>") })
            // 本年增/减 shows what was added and removed.
            let change = try await LetterPageTests.get(app, officer, "\(path)/records?row=licensing&column=itemChange").1
            #expect(change.contains("本年增/减 = 新增") && change.contains("<h2>本年减少的事项</h2>"))
            // A cell the year's format has not, or nonsense: not found.
            for bad in ["row=licensing&column=feeAmount", "row=nonsense&column=decisions", "row=rules"] {
                #expect(try await LetterPageTests.get(app, officer, "\(path)/records?\(bad)").0 == .notFound, "\(bad)")
            }
        }
    }

    @Test func aFigureOfMoreRowsThanAPageListsTheFirstAndLinksTheRegister() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let scope = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
            let registers = DisclosureRepository(database: office.database, scope: scope)
            let item = try #require(try await registers.itemsValid(on: CivilDate(2020, 1, 1)).first { $0.category == .penalty })
            try await registers.addDecisions((0..<2_500).map { i in
                AdministrativeDecision(agencyID: 1, itemID: item.id!, decidedOn: CivilDate(2020, 12, 1 + i % 28), reference: "补录〔2020〕\(i)号")
            })
            let total = try await office.report(agencyID: 1, year: 2020).report.proactive[.penalty, .decisions].countOrZero
            #expect(total > ReportDraftPage.shownRows)
            let officer = try await StaffPageTests.signIn(app)
            let path = try #require(try await LetterPageTests.post(app, officer, "/staff/reports", [("year", "2020")]).1)
            let list = try await LetterPageTests.get(app, officer, "\(path)/records?row=penalty&column=decisions").1
            #expect(list.contains("：\(total)条台账记录") && list.contains("共 \(total) 条，此处列出前 2000 条。"))
            #expect(list.contains("<a href=\"/staff/registers/administrative-decisions.csv\">下载全部处理决定台账（CSV）</a>"))
            #expect(list.components(separatedBy: "<tr>").count - 1 == ReportDraftPage.shownRows + 1)  // the header and 2,000 rows
        }
    }

    @Test func wordsTypedIntoADraftAreShownAsText() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, _ in
            let officer = try await StaffPageTests.signIn(app)
            let (_, location, _) = try await LetterPageTests.post(app, officer, "/staff/reports", [("year", "2023")])
            let path = try #require(location)
            var page = try await LetterPageTests.get(app, officer, path).1
            let (saved, _, _) = try await LetterPageTests.post(app, officer, path, [
                ("action", "save"), ("version", Self.version(page)), ("overview", "总体<b>良好</b>"),
                ("problems", "<script>alert(1)</script>"), ("otherMatters", "无。"),
            ])
            #expect(saved == .seeOther)
            page = try await LetterPageTests.get(app, officer, path).1
            #expect(!page.contains("<script>alert(1)") && !page.contains("<b>良好</b>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && page.contains("总体&lt;b&gt;良好&lt;/b&gt;"))
        }
    }
}
