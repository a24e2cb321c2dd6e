import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// Every back-office route × every role, and a member of another agency: allowed, refused (403) or not found (404).
/// The checks live in the office; this is the table a reviewer reads.
@Suite struct RoutePermissionTests {
    enum Route: String, CaseIterable {
        case workbench, casePage, recordAnswer, draftLetter, letterPage, issueLetter, confirmReceipt, apiEvents, apiRecord, district, admin
        case draftPublication, publicationPage, reviewPublication
        case openReport, reportPage, reviewReport, reportRecords
        case documentPage, repealDocument, editRegisterRow
    }

    // | route          | admin | officer | head | registrar | reviewer | viewer | supervisor | other agency |
    static let table: [Route: [HTTPStatus]] = [
        .workbench: [.ok, .ok, .ok, .ok, .ok, .ok, .ok, .ok],
        .casePage: [.ok, .ok, .ok, .ok, .ok, .ok, .ok, .notFound],
        .recordAnswer: [.seeOther, .seeOther, .seeOther, .forbidden, .forbidden, .forbidden, .forbidden, .notFound],
        .draftLetter: [.seeOther, .seeOther, .seeOther, .forbidden, .forbidden, .forbidden, .forbidden, .notFound],
        .letterPage: [.ok, .ok, .ok, .ok, .ok, .ok, .ok, .notFound],
        .issueLetter: [.seeOther, .forbidden, .seeOther, .forbidden, .seeOther, .forbidden, .forbidden, .notFound],
        .confirmReceipt: [.seeOther, .seeOther, .seeOther, .seeOther, .forbidden, .forbidden, .forbidden, .notFound],
        .apiEvents: [.ok, .ok, .ok, .ok, .ok, .ok, .ok, .notFound],
        .apiRecord: [.created, .created, .created, .forbidden, .forbidden, .forbidden, .forbidden, .notFound],
        .district: [.forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .ok, .forbidden],
        .admin: [.ok, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden, .forbidden],
        // Another agency's officer drafts in their own agency; the demo's item is not theirs to see or review (404).
        .draftPublication: [.seeOther, .seeOther, .seeOther, .forbidden, .forbidden, .forbidden, .forbidden, .seeOther],
        .publicationPage: [.ok, .ok, .ok, .ok, .ok, .ok, .ok, .notFound],
        .reviewPublication: [.seeOther, .forbidden, .seeOther, .forbidden, .seeOther, .forbidden, .forbidden, .notFound],
        // Another agency's officer opens their own agency's report; the demo's draft is not theirs (404).
        .openReport: [.seeOther, .seeOther, .seeOther, .forbidden, .forbidden, .forbidden, .forbidden, .seeOther],
        .reportPage: [.ok, .ok, .ok, .ok, .ok, .ok, .ok, .notFound],
        .reviewReport: [.seeOther, .forbidden, .seeOther, .forbidden, .seeOther, .forbidden, .forbidden, .notFound],
        .reportRecords: [.ok, .ok, .ok, .ok, .ok, .ok, .ok, .notFound],
        .documentPage: [.ok, .ok, .ok, .ok, .ok, .ok, .ok, .notFound],
        .repealDocument: [.seeOther, .seeOther, .seeOther, .forbidden, .forbidden, .forbidden, .forbidden, .notFound],
        .editRegisterRow: [.seeOther, .seeOther, .seeOther, .forbidden, .forbidden, .forbidden, .forbidden, .notFound],
    ]
    static let roles = ["admin", "officer", "head", "registrar", "reviewer", "viewer", "supervisor", "other"]

    @Test(arguments: Array(roles.enumerated()))
    func eachRouteAnswersEachRoleAsTheTableSays(_ column: Int, _ role: String) async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            // Two applications (one to answer on the page; one whose receipt has a draft, for the letter routes and
            // the API), then a submission awaiting confirmation.
            let answerable = try await CasePageTests.applied(app, office)
            let lettered = try await CasePageTests.applied(app, office)
            let officer = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
            let draft = try await office.draftLetter(reference: lettered, eventIndex: 0, scope: officer, at: ApplyPageTests.moment)
            let code = try #require(try await office.caseFile(lettered, scope: officer, on: ApplyPageTests.moment.date).value.trackingCode)
            try await AgencyRepository(database: office.database).setOnlineConfirmation(.byStaff, agencyID: 1)
            let (h, b) = try ApplyAPITests.body(ApplyAPITests.citizen)
            try await app.testing().test(.POST, "/api/v1/agencies/1/applications", headers: h, body: b) { res in #expect(res.status == .created) }
            let pending = try #require(try await office.workQueues(scope: officer, on: ApplyPageTests.moment.date).waiting.first?.id)
            var publication = try await office.draftPublication(
                PublicationWorkflowForm.sample, scope: officer, at: ApplyPageTests.moment)
            publication = try await office.submitPublication(
                publication.id, expectedVersion: publication.version, scope: officer, at: ApplyPageTests.moment)
            var report = try await office.openReportDraft(year: 2022, scope: officer, at: ApplyPageTests.moment)
            report = try await office.saveReportDraft(
                report.id, ReportTextForm(preamble: "", overview: report.text.overview.text.joined(separator: "\n"), problems: "无。", otherMatters: "无。"),
                expectedVersion: report.version, scope: officer, at: ApplyPageTests.moment)
            report = try await office.submitReportDraft(report.id, expectedVersion: report.version, scope: officer, at: ApplyPageTests.moment)
            let document = try await DisclosureRepository(database: office.database, scope: officer).add(NormativeDocument(
                agencyID: 1, kind: .normative, title: "安全生产管理规定", documentNumber: "大应急发〔2022〕1号", madeOn: CivilDate(2022, 1, 5)))
            // The member: of the demo agency with `role`, or an officer of another agency.
            let username = "user-\(role)"
            if role == "other" {
                let other = try await AgencyRepository(database: office.database).create(
                    Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
                _ = try await office.staff(WebTestApp.secrets).addUser(
                    User(agencyID: other, username: username, displayName: username, role: "officer"), password: WebTestApp.staffPassword)
            } else {
                try await CasePageTests.addUser(office, username, role: role)
            }
            let session = try await StaffPageTests.signIn(app, username: username)
            let token = try await StaffAPITests.token(app, username)
            let letterPath = LetterPage.href(lettered, draft.id)
            for route in Route.allCases {
                let status: HTTPStatus
                switch route {
                case .workbench: status = try await LetterPageTests.get(app, session, "/staff").0
                case .casePage: status = try await LetterPageTests.get(app, session, CasePage.href(answerable)).0
                case .recordAnswer:
                    status = try await LetterPageTests.post(app, session, CasePage.href(answerable) + "/events", [
                        ("name", "answered"), ("date", "2024-03-11"), ("outcome", "granted"),
                    ]).0
                case .draftLetter:
                    status = try await LetterPageTests.post(app, session, CasePage.href(answerable) + "/letters", [("eventIndex", "0")]).0
                case .letterPage: status = try await LetterPageTests.get(app, session, letterPath).0
                case .issueLetter:
                    status = try await LetterPageTests.post(app, session, letterPath, [("action", "issue"), ("version", "\(draft.version)")]).0
                case .confirmReceipt: status = try await LetterPageTests.post(app, session, "/staff/pending/\(pending)/confirm", []).0
                case .apiEvents: status = try await StaffAPITests.call(app, .GET, "/api/v1/applications/\(code)/events", token: token).0
                case .district: status = try await LetterPageTests.get(app, session, "/staff/district").0
                case .admin: status = try await LetterPageTests.get(app, session, "/staff/admin").0
                case .draftPublication:
                    status = try await LetterPageTests.post(app, session, "/staff/publications", PublicationPageTests.fields + [("title", "检查计划")]).0
                case .publicationPage: status = try await LetterPageTests.get(app, session, PublicationPage.href(publication.id)).0
                case .reviewPublication:
                    status = try await LetterPageTests.post(app, session, PublicationPage.href(publication.id), [
                        ("action", "pass"), ("version", "\(publication.version)"),
                    ] + (0..<6).map { ("q\($0)", "no") }).0
                case .openReport: status = try await LetterPageTests.post(app, session, "/staff/reports", [("year", "2023")]).0
                case .reportPage: status = try await LetterPageTests.get(app, session, ReportDraftPage.href(report.id)).0
                case .reportRecords:
                    status = try await LetterPageTests.get(app, session, ReportDraftPage.href(report.id) + "/records?row=rules&column=issued").0
                case .reviewReport:
                    status = try await LetterPageTests.post(app, session, ReportDraftPage.href(report.id), [
                        ("action", "pass"), ("version", "\(report.version)"),
                    ] + (0..<6).map { ("q\($0)", "no") }).0
                case .documentPage: status = try await LetterPageTests.get(app, session, NormativeDocumentPage.href(document)).0
                case .repealDocument:
                    status = try await LetterPageTests.post(app, session, NormativeDocumentPage.href(document), [
                        ("abolishedOn", "2024-03-01"), ("note", "依据大应急发〔2024〕2号废止"),
                    ]).0
                case .editRegisterRow:
                    let row = try #require(try await office.registerRows("procurement-projects", scope: officer).rows.first)
                    let headers = try await office.registerRow("procurement-projects", id: row.id, scope: officer).headers
                    let changed = headers.enumerated().map { i, h in (h, h == "amount_yuan" ? "12.3" : row.values[i]) }
                    status = try await LetterPageTests.post(
                        app, session, "/staff/registers/procurement-projects/rows/\(row.id)",
                        changed + headers.enumerated().map { i, h in ("was_\(h)", row.values[i]) }).0
                case .apiRecord:
                    status = try await StaffAPITests.call(
                        app, .POST, "/api/v1/applications/\(code)/events", token: token, body: #"{"name": "reasons-requested", "date": "2024-03-12"}"#).0
                }
                #expect(status == Self.table[route]![column], "\(route.rawValue) as \(role)")
            }
        }
    }
}

/// A valid item to publish, for tables that need one.
enum PublicationWorkflowForm {
    static var sample: PublicationForm {
        var f = PublicationForm()
        (f.title, f.article20Item, f.formedOn) = ("2024年度安全生产检查计划", "1", "2024-03-08")
        return f
    }
}
