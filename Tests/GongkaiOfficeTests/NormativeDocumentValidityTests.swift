import GongkaiCore
import GongkaiStore
import Testing

@testable import GongkaiOffice

/// 规范性文件的废止和有效期, recorded one document at a time with its basis: the portal's 有效性 and section II (2021
/// format: 本年废止件数, 现行有效件数) follow at once; the values before and after are in the document's history and
/// the registers' change log; bad forms, stale forms, roles and agencies are refused — on both databases.
@Suite struct NormativeDocumentValidityTests {
    static func at(_ s: String) -> Moment { Moment(parsing: s)! }

    @Test(arguments: OfficeBackend.available)
    func aRepealReachesThePortalAndSectionTwoAndIsRecorded(_ backend: OfficeBackend) async throws {
        try await PublicationWorkflowTests.withDesk(backend, "doc_repeal") { desk in
            let office = desk.office
            let officer = try await desk.scope("officer")
            let registers = DisclosureRepository(database: office.database, scope: officer)
            let number = "甲发〔2022〕3号"
            let id = try await registers.add(NormativeDocument(
                agencyID: desk.agencyID, kind: .normative, title: "关于加强安全生产管理的规定", documentNumber: number,
                madeOn: CivilDate(2022, 3, 1), publishedOn: CivilDate(2022, 3, 2)))
            let itemID = try await registers.add(CatalogueItem(
                agencyID: desk.agencyID, indexNumber: "000014348/2022-00003", article20Item: 1, title: "关于加强安全生产管理的规定",
                documentNumber: number, publishedOn: CivilDate(2022, 3, 2)))
            func cells(_ year: Int) async throws -> [Int?] {
                try await office.report(agencyID: desk.agencyID, year: year).report.proactive.cells[.normativeDocuments]!.map(\.count)
            }
            #expect(try await cells(2023) == [0, 0, 1])  // 本年制发, 本年废止, 现行有效
            var file = try await office.normativeDocumentFile(id, scope: officer, on: CivilDate(2023, 7, 1))
            #expect(file.validity == "现行有效" && file.history.isEmpty && file.mayChange)

            // Every bad field at once; nothing written.
            do {
                _ = try await office.changeNormativeDocumentValidity(
                    id, ValidityForm(abolishedOn: "2021-12-31", expiresOn: "2023-02-30", note: " "), expected: file.document, scope: officer,
                    at: Self.at("2023-07-01 09:00"))
                Issue.record("a bad form was saved")
            } catch let e as IntakeProblems {
                #expect(e.problems.map(\.key) == ["abolishedOn", "expiresOn", "note"])
                #expect(e.problems[0].reason.contains("不能早于制发日期 2022-03-01"))
            }
            await #expect(throws: IntakeProblems.self) {
                try await office.changeNormativeDocumentValidity(
                    id, ValidityForm(abolishedOn: "", expiresOn: "", note: "核对"), expected: file.document, scope: officer, at: Self.at("2023-07-01 09:00"))
            }
            await #expect(throws: CaseError.self) {
                try await office.changeNormativeDocumentValidity(
                    id, ValidityForm(abolishedOn: "2023-06-30", expiresOn: "", note: "x"), expected: file.document,
                    scope: try await desk.scope("viewer"), at: Self.at("2023-07-01 09:00"))
            }
            await #expect(throws: StoreError.self) {
                try await office.normativeDocumentFile(id, scope: desk.other, on: CivilDate(2023, 7, 1))
            }

            // The repeal.
            let repealed = try await office.changeNormativeDocumentValidity(
                id, ValidityForm(abolishedOn: "2023-06-30", expiresOn: "", note: "依据甲发〔2023〕9号废止"), expected: file.document, scope: officer,
                at: Self.at("2023-07-01 09:00"))
            #expect(repealed.abolishedOn == CivilDate(2023, 6, 30))
            #expect(try await office.catalogueItem(agencyID: desk.agencyID, itemID: itemID, at: Self.at("2023-07-01 09:00")).validity == "已废止（2023-06-30）")
            #expect(try await office.catalogueItem(agencyID: desk.agencyID, itemID: itemID, at: Self.at("2023-06-29 09:00")).validity == "现行有效")
            #expect(try await cells(2023) == [0, 1, 0])
            #expect(try await cells(2022) == [1, 0, 1])
            file = try await office.normativeDocumentFile(id, scope: officer, on: CivilDate(2023, 7, 1))
            let event = try #require(file.history.last)
            #expect(event.action == "废止" && event.actor == "officer" && event.note == "依据甲发〔2023〕9号废止")
            #expect(event.before == "废止日期 无，有效期至 无" && event.after == "废止日期 2023-06-30，有效期至 无")
            let logged = try #require(try await office.registerChanges(scope: officer).first)
            #expect(logged.register == "normative-documents" && logged.action.contains("废止日期 无，有效期至 无 → 废止日期 2023-06-30"))

            // A form read before the repeal is stale.
            var stale = file.document
            stale.abolishedOn = nil
            await #expect(throws: StoreError.changedMeanwhile("规范性文件「关于加强安全生产管理的规定」")) {
                try await office.changeNormativeDocumentValidity(
                    id, ValidityForm(abolishedOn: "", expiresOn: "2030-12-31", note: "设定有效期"), expected: stale, scope: officer,
                    at: Self.at("2023-07-02 09:00"))
            }
            // A mistaken repeal is corrected; the history keeps both.
            _ = try await office.changeNormativeDocumentValidity(
                id, ValidityForm(abolishedOn: "", expiresOn: "", note: "误录，该文件未废止"), expected: file.document, scope: officer,
                at: Self.at("2023-07-03 09:00"))
            file = try await office.normativeDocumentFile(id, scope: officer, on: CivilDate(2023, 7, 3))
            #expect(file.validity == "现行有效" && file.history.map(\.action) == ["废止", "撤销废止记录（更正）"])
            #expect(try await cells(2023) == [0, 0, 1])
        }
    }
}
