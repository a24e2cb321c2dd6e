import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// 行政复议、行政诉讼 recorded on a case: filed with its body, decided once, and counted in section IV of the
/// report of its year.
@Suite struct AppealWorkflowTests {
    @Test(arguments: OfficeBackend.available)
    func anAppealIsFiledDecidedAndCounted(_ backend: OfficeBackend) async throws {
        try await LetterWorkflowTests.withDesk(backend, "appeals") { desk in
            let office = desk.office
            let day = LetterWorkflowTests.day
            let appeal = try await office.fileAppeal(
                "京兴政复〔2024〕12号", kind: .reconsideration, body: "某区人民政府", filedOn: day("2024-04-22"), about: "2024-017",
                scope: desk.officer)
            #expect(appeal.applicationID == "2024-017" && appeal.body == "某区人民政府" && appeal.result == nil)
            var table = try await office.report(agencyID: desk.officer.agencyID, year: 2024).report.appeals.table
            #expect(table[.reconsideration, .pending] == 1 && table[.reconsideration, .total] == 1)
            // | problem                                   | field            |
            // | filed before the application was received | filedOn          |
            // | the same 案号 again                         | appealReference  |
            // | no body                                    | body             |
            await #expect(throws: IntakeProblems.self) {
                try await office.fileAppeal(
                    "京兴政复〔2024〕12号", kind: .litigationDirect, body: " ", filedOn: day("2024-03-01"), about: "2024-017", scope: desk.officer)
            }
            await #expect(throws: CaseError.self) {
                try await office.fileAppeal(
                    "x", kind: .litigationDirect, body: "某区人民法院", filedOn: day("2024-05-01"), about: "2024-017",
                    scope: try await desk.scope("viewer"))
            }
            let decided = try await office.decideAppeal("京兴政复〔2024〕12号", result: .corrected, on: day("2024-06-20"), scope: desk.officer)
            #expect(decided.result == .corrected && decided.decidedOn == day("2024-06-20"))
            table = try await office.report(agencyID: desk.officer.agencyID, year: 2024).report.appeals.table
            #expect(table[.reconsideration, .corrected] == 1 && table[.reconsideration, .pending] == 0)
            await #expect(throws: IntakeError.self) {
                try await office.decideAppeal("京兴政复〔2024〕12号", result: .upheld, on: day("2024-06-21"), scope: desk.officer)
            }
            #expect(try await office.appeals(of: "2024-017", scope: desk.officer).map(\.id) == ["京兴政复〔2024〕12号"])
            // Another agency neither sees nor decides it.
            #expect(try await office.appeals(of: "2024-017", scope: desk.other).isEmpty)
            await #expect(throws: StoreError.self) {
                try await office.decideAppeal("京兴政复〔2024〕12号", result: .upheld, on: day("2024-06-21"), scope: desk.other)
            }
        }
    }
}
