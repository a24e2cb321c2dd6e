import GongkaiCore
import GongkaiDocuments
import GongkaiStore
import Testing

@testable import GongkaiOffice

/// 年度报告 drafted in the back office: the tables from the registers, the words written and checked, 保密审查 by
/// someone else, the 负责人's approval publishing the locked snapshot, amendments with their note, a late record for a
/// published year flagged, and the 31 January deadline — on both databases, over the demo agency.
@Suite struct ReportDraftWorkflowTests {
    static func at(_ s: String) -> Moment { Moment(parsing: s)! }

    struct Desk {
        let office: Office
        let agencyID: Int
        func scope(_ username: String) async throws -> AgencyScope { try await office.scope(agencyID: agencyID, username: username) }
        func clear() async throws -> ChecklistAnswers {
            let questions = try await office.publicationSettings(scope: try await scope("reviewer")).checklist.questions
            return ChecklistAnswers(Dictionary(uniqueKeysWithValues: questions.map { ($0, false) }))
        }
    }

    /// The demo agency (its 2020 report published through the workflow) with a 审核人, a 查阅人 and another agency.
    static func withDesk(_ backend: OfficeBackend, _ name: String, _ body: (Desk) async throws -> Void) async throws {
        try await OfficeBackend.withOffice(try await backend.freshConfiguration(name)) { office in
            let id = try await office.createDemo().agency.id!
            let agencies = AgencyRepository(database: office.database)
            for role in ["reviewer", "viewer"] { _ = try await agencies.addUser(User(agencyID: id, username: role, displayName: role, role: role)) }
            let other = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            _ = try await agencies.addUser(User(agencyID: other, username: "b-head", displayName: "乙", role: "head"))
            try await body(Desk(office: office, agencyID: id))
        }
    }

    @Test(arguments: OfficeBackend.available)
    func theDemosReportWasDraftedReviewedAndApproved(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "rd_demo") { desk in
            let officer = try await desk.scope(DemoAgency.demoOfficer)
            let years = try await desk.office.reportYears(scope: officer, on: CivilDate(2021, 6, 1))
            let y2020 = try #require(years.first { $0.year == 2020 })
            #expect(y2020.deadline == .publishedOnTime && y2020.published.count == 1 && y2020.openDraft == nil && y2020.changedSince.isEmpty)
            let drafts = try await ReportDraftRepository(database: desk.office.database, scope: officer).list()
            let draft = try #require(try await ReportDraftRepository(database: desk.office.database, scope: officer).find(drafts[0].id))
            #expect(draft.history.map(\.action) == ["起草", "修改", "提交审核", "审查通过", "同意公布"])
            #expect(draft.author == DemoAgency.demoOfficer && draft.reviewer == DemoAgency.demoHead && draft.approver == DemoAgency.demoHead)
            #expect(draft.state == .approved && draft.publishedVersion == 1)
            // The seed's words, the registers' tables.
            let published = try await desk.office.publishedReport(agencyID: desk.agencyID, year: 2020).report
            #expect(published.overview.text.joined().contains("本局共接到21件政府信息公开申请"))
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aNewYearIsDraftedCheckedReviewedApprovedAndAmended(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "rd_year") { desk in
            let office = desk.office
            let (officer, reviewer, head) = (try await desk.scope(DemoAgency.demoOfficer), try await desk.scope("reviewer"), try await desk.scope(DemoAgency.demoHead))
            // Due from 1 January: the workbench says so.
            let agenda = try await office.reportAgenda(scope: officer, on: CivilDate(2022, 1, 5))
            #expect(agenda.due?.year == 2021 && agenda.due?.status == .due(daysLeft: 26))
            await #expect(throws: ReportDraftError.yearNotReportable(2022)) {
                try await office.openReportDraft(year: 2022, scope: officer, at: Self.at("2022-01-05 09:00"))
            }
            var d = try await office.openReportDraft(year: 2021, scope: officer, at: Self.at("2022-01-05 09:00"))
            // Opening again gives the same draft.
            #expect(try await office.openReportDraft(year: 2021, scope: officer, at: Self.at("2022-01-05 09:01")).id == d.id)
            var file = try await office.reportDraftFile(d.id, scope: officer, at: Self.at("2022-01-05 09:00"))
            #expect(d.text.overview.text == file.suggestions && !file.suggestions.isEmpty)
            #expect(file.actions == [.edit, .submit] && !file.isAmendment)
            // 五 and 六 are empty: submission is refused, each named.
            #expect(file.blocking.map(\.location.section) == [5, 6])
            await #expect(throws: ReportDraftError.self) {
                try await office.submitReportDraft(d.id, expectedVersion: d.version, scope: officer, at: Self.at("2022-01-05 09:10"))
            }
            // A figure that contradicts the tables is caught on save and blocks submission.
            let wrong = ReportTextForm(
                preamble: "依据条例第五十条编制本报告。", overview: "本年度共收到政府信息公开申请99件。",
                problems: "一是公开内容有待丰富。", otherMatters: "无。")
            d = try await office.saveReportDraft(d.id, wrong, expectedVersion: d.version, scope: officer, at: Self.at("2022-01-06 09:00"))
            file = try await office.reportDraftFile(d.id, scope: officer, at: Self.at("2022-01-06 09:00"))
            #expect(file.blocking.map(\.rule) == ["prose.applications"])
            do {
                _ = try await office.submitReportDraft(d.id, expectedVersion: d.version, scope: officer, at: Self.at("2022-01-06 09:05"))
                Issue.record("a contradiction was submitted")
            } catch let e as ReportDraftError {
                #expect(e.description.contains("第一部分") && e.description.contains("99"))
            }
            // A stale form is refused; nothing is written.
            await #expect(throws: ReportDraftStoreError.self) {
                try await office.saveReportDraft(d.id, wrong, expectedVersion: d.version - 1, scope: officer, at: Self.at("2022-01-06 09:06"))
            }
            var right = wrong
            right.overview = file.suggestions.joined(separator: "\n")
            d = try await office.saveReportDraft(d.id, right, expectedVersion: d.version, scope: officer, at: Self.at("2022-01-06 10:00"))
            d = try await office.submitReportDraft(d.id, expectedVersion: d.version, scope: officer, at: Self.at("2022-01-06 10:05"))
            #expect(d.state == .inReview && d.submittedBy == DemoAgency.demoOfficer)
            // Nobody reviews their own; a 查阅人 reviews nothing; the reviewer may not approve.
            await #expect(throws: CaseError.self) {
                try await office.reviewReportDraft(d.id, .pass(try await desk.clear()), expectedVersion: d.version, scope: officer, at: Self.at("2022-01-07 09:00"))
            }
            await #expect(throws: CaseError.self) {
                try await office.reviewReportDraft(d.id, .pass(try await desk.clear()), expectedVersion: d.version, scope: try await desk.scope("viewer"), at: Self.at("2022-01-07 09:00"))
            }
            await #expect(throws: PublicationError.self) {
                try await office.reviewReportDraft(d.id, .withhold(try await desk.clear()), expectedVersion: d.version, scope: reviewer, at: Self.at("2022-01-07 09:00"))
            }
            #expect(try await office.reportAgenda(scope: reviewer, on: CivilDate(2022, 1, 7)).toReview == 1)
            #expect(try await office.reportAgenda(scope: officer, on: CivilDate(2022, 1, 7)).toReview == 0)
            d = try await office.reviewReportDraft(d.id, .pass(try await desk.clear()), expectedVersion: d.version, scope: reviewer, at: Self.at("2022-01-07 09:00"))
            #expect(d.state == .awaitingApproval)
            await #expect(throws: CaseError.self) {
                try await office.approveReportDraft(d.id, expectedVersion: d.version, scope: reviewer, at: Self.at("2022-01-10 09:00"))
            }
            #expect(try await office.reportAgenda(scope: head, on: CivilDate(2022, 1, 7)).toApprove == 1)
            d = try await office.approveReportDraft(d.id, expectedVersion: d.version, scope: head, at: Self.at("2022-01-10 09:00"))
            #expect(d.state == .approved && d.publishedVersion == 1 && d.approver == DemoAgency.demoHead)
            let v1 = try await office.publishedReport(agencyID: desk.agencyID, year: 2021)
            #expect(v1.published.version == 1 && v1.report.overview.text == file.suggestions && v1.published.amendmentNote == nil)
            #expect(v1.report.applications.table == (try await office.report(agencyID: desk.agencyID, year: 2021)).report.applications.table)
            #expect(try await office.reportYears(scope: officer, on: CivilDate(2022, 2, 1)).first?.deadline == .publishedOnTime)
            #expect(try await office.reportAgenda(scope: officer, on: CivilDate(2022, 2, 1)).isEmpty)

            // An amendment starts from the published words and needs its note.
            var a = try await office.openReportDraft(year: 2021, scope: officer, at: Self.at("2022-02-01 09:00"))
            #expect(a.id != d.id && a.text == ReportText(of: v1.report))
            await #expect(throws: ReportDraftError.amendmentNoteRequired) {
                try await office.submitReportDraft(a.id, expectedVersion: a.version, scope: officer, at: Self.at("2022-02-01 09:05"))
            }
            var amended = right
            amended.otherMatters = "本机关政府信息公开工作联系电话：010-12345678。"
            amended.amendmentNote = "补充第六部分的联系电话"
            a = try await office.saveReportDraft(a.id, amended, expectedVersion: a.version, scope: officer, at: Self.at("2022-02-01 09:10"))
            a = try await office.submitReportDraft(a.id, expectedVersion: a.version, scope: officer, at: Self.at("2022-02-01 09:15"))
            a = try await office.reviewReportDraft(a.id, .pass(try await desk.clear()), expectedVersion: a.version, scope: reviewer, at: Self.at("2022-02-02 09:00"))
            a = try await office.approveReportDraft(a.id, expectedVersion: a.version, scope: head, at: Self.at("2022-02-03 09:00"))
            let v2 = try await office.publishedReport(agencyID: desk.agencyID, year: 2021)
            #expect(v2.published.version == 2 && v2.published.amendmentNote == "补充第六部分的联系电话")
            // The footnote of the amendment ends the report, in every form.
            let footnote = "注：本报告于2022年2月3日修订（第2版）。修订说明：补充第六部分的联系电话。"
            #expect(v2.report.otherMatters.text == ["本机关政府信息公开工作联系电话：010-12345678。", footnote])
            let text = String(decoding: try await office.publishedReportFile(agencyID: desk.agencyID, year: 2021, format: .text), as: UTF8.self)
            #expect(text.contains(footnote))
            #expect(try await office.publishedReport(agencyID: desk.agencyID, year: 2021, version: 1).published == v1.published)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func everyFigureOfSectionThreeIsTheCountOfTheCasesBehindIt(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "rd_behind") { desk in
            let officer = try await desk.scope(DemoAgency.demoOfficer)
            let table = try await desk.office.report(agencyID: desk.agencyID, year: 2020).report.applications.table
            var checked = 0
            for row in table.rows {
                for column in ApplicantColumn.allCases {
                    let behind = try await desk.office.casesBehind(row: row, column: column, year: 2020, scope: officer)
                    #expect(behind.count == table[row, column].countOrZero, "\(row) × \(column)")
                    checked += behind.count
                }
            }
            #expect(checked > 0)
            // Section IV: the appeals behind each figure are those the SQL table counts.
            let registers = DisclosureRepository(database: desk.office.database, scope: officer)
            for appeal in [
                try AppealCase(id: "复2021-1", applicationID: nil, kind: .reconsideration, filedOn: CivilDate(2021, 3, 1), result: .upheld, decidedOn: CivilDate(2021, 5, 1)),
                try AppealCase(id: "复2021-2", applicationID: nil, kind: .reconsideration, filedOn: CivilDate(2021, 11, 1), result: .corrected, decidedOn: CivilDate(2022, 2, 1)),
                try AppealCase(id: "诉2021-1", applicationID: nil, kind: .litigationDirect, filedOn: CivilDate(2021, 6, 1)),
                try AppealCase(id: "诉2020-9", applicationID: nil, kind: .litigationAfterReconsideration, filedOn: CivilDate(2020, 6, 1), result: .otherResult, decidedOn: CivilDate(2021, 1, 5)),
            ] { _ = try await registers.add(appeal) }
            let appeals = try await desk.office.report(agencyID: desk.agencyID, year: 2021).report.appeals.table
            var counted = 0
            for group in AppealsGroup.allCases {
                for result in AppealsResult.allCases {
                    let behind = try await desk.office.appealsBehind(group: group, result: result, year: 2021, scope: officer)
                    #expect(behind.count == appeals[group, result].countOrZero, "\(group) × \(result)")
                    counted += behind.count
                }
            }
            #expect(counted == 8)  // four appeals, each in its result column and in 总计
            #expect(try await desk.office.appealsBehind(group: .reconsideration, result: .pending, year: 2021, scope: officer).map(\.id) == ["复2021-2"])

            // 21 received, all answered: the 总计 row's 总计 column holds each of them.
            #expect(try await desk.office.casesBehind(row: .total, column: .total, year: 2020, scope: officer).count == 21)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aLateRecordForAPublishedYearIsFlagged(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "rd_late") { desk in
            let officer = try await desk.scope(DemoAgency.demoOfficer)
            let registers = DisclosureRepository(database: desk.office.database, scope: officer)
            let licence = try #require(try await registers.itemsValid(on: CivilDate(2020, 6, 1)).first { $0.category == .licensing })
            _ = try await registers.add(AdministrativeDecision(agencyID: desk.agencyID, itemID: licence.id!, decidedOn: CivilDate(2020, 6, 1), reference: "补录〔2020〕1号"))
            let y2020 = try #require(try await desk.office.reportYears(scope: officer, on: CivilDate(2021, 6, 1)).first { $0.year == 2020 })
            #expect(y2020.changedSince == ["第二部分"])
            let agenda = try await desk.office.reportAgenda(scope: officer, on: CivilDate(2021, 6, 1))
            #expect(agenda.changed.map(\.year) == [2020])
            // The published snapshot is untouched: the late record is not silently counted.
            let published = try await desk.office.publishedReport(agencyID: desk.agencyID, year: 2020)
            #expect(published.versions.count == 1)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func rolesAndAgenciesAreChecked(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "rd_roles") { desk in
            let office = desk.office
            await #expect(throws: CaseError.self) {
                try await office.openReportDraft(year: 2021, scope: try await desk.scope("viewer"), at: Self.at("2022-01-05 09:00"))
            }
            await #expect(throws: CaseError.self) {
                try await office.openReportDraft(year: 2021, scope: try await desk.scope("reviewer"), at: Self.at("2022-01-05 09:00"))
            }
            let d = try await office.openReportDraft(year: 2021, scope: try await desk.scope(DemoAgency.demoOfficer), at: Self.at("2022-01-05 09:00"))
            // The viewer may read it but do nothing; another agency's head does not find it.
            #expect(try await office.reportDraftFile(d.id, scope: try await desk.scope("viewer"), at: Self.at("2022-01-05 09:00")).actions.isEmpty)
            let otherID = try #require(try await AgencyRepository(database: office.database).all().first { $0.name == "乙局" }?.id)
            let stranger = try await office.scope(agencyID: otherID, username: "b-head")
            await #expect(throws: ReportDraftStoreError.notFound(d.id)) {
                try await office.reportDraftFile(d.id, scope: stranger, at: Self.at("2022-01-05 09:00"))
            }
            await #expect(throws: ReportDraftStoreError.notFound(d.id)) {
                try await office.approveReportDraft(d.id, expectedVersion: d.version, scope: stranger, at: Self.at("2022-01-05 09:00"))
            }
        }
    }
}
