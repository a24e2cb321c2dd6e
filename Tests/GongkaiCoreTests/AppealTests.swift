import Testing

@testable import GongkaiCore

@Suite("Appeals — reconsideration and litigation linked to applications, section IV")
struct AppealTests {
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    @Test(
        "Which year counts an appeal, and with which result",
        arguments: [
            // filed, decided, result, year, included, column
            ("2024-03-01", nil, nil, 2024, true, AppealsResult.pending),
            ("2024-03-01", "2024-06-01", AppealOutcome.upheld, 2024, true, .upheld),
            ("2024-11-01", "2025-02-01", .corrected, 2024, true, .pending),
            ("2024-11-01", "2025-02-01", .corrected, 2025, true, .corrected),
            ("2024-03-01", "2024-06-01", .otherResult, 2025, false, .otherResult),
            ("2025-01-05", nil, nil, 2024, false, .pending),
        ] as [(String, String?, AppealOutcome?, Int, Bool, AppealsResult)])
    func period(filed: String, decided: String?, result: AppealOutcome?, year: Int, included: Bool, column: AppealsResult)
        throws
    {
        let a = try AppealCase(
            id: "R1", applicationID: "A1", kind: .reconsideration, filedOn: Self.d(filed), result: result,
            decidedOn: decided.map(Self.d))
        let p = ReportPeriod(year: year)
        #expect(p.includes(a) == included)
        if included { #expect(p.result(of: a) == column) }
    }

    @Test("A decision is recorded once, not before filing, with both result and date")
    func decisions() throws {
        var a = try AppealCase(id: "L1", applicationID: "A1", kind: .litigationDirect, filedOn: Self.d("2024-03-01"))
        #expect(throws: AppealError.decidedBeforeFiling(Self.d("2024-02-01"), Self.d("2024-03-01"))) {
            try a.decide(.upheld, on: Self.d("2024-02-01"))
        }
        try a.decide(.upheld, on: Self.d("2024-04-01"))
        #expect(throws: AppealError.alreadyDecided("L1")) { try a.decide(.corrected, on: Self.d("2024-05-01")) }
        #expect(throws: AppealError.incompleteDecision) {
            try AppealCase(id: "L2", applicationID: nil, kind: .litigationAfterReconsideration, filedOn: Self.d("2024-03-01"),
                           result: .upheld)
        }
        #expect(AppealError.alreadyDecided("L1").description.contains("结果（result）"))
    }

    @Test("The builder fills section IV with each group's totals")
    func table() throws {
        let appeals = [
            try AppealCase(id: "1", applicationID: "A", kind: .reconsideration, filedOn: Self.d("2024-01-10")),
            try AppealCase(id: "2", applicationID: "A", kind: .reconsideration, filedOn: Self.d("2024-01-10"),
                           result: .corrected, decidedOn: Self.d("2024-03-10")),
            try AppealCase(id: "3", applicationID: "B", kind: .litigationDirect, filedOn: Self.d("2023-12-10"),
                           result: .upheld, decidedOn: Self.d("2024-05-10")),
            try AppealCase(id: "4", applicationID: "C", kind: .litigationAfterReconsideration, filedOn: Self.d("2022-12-10"),
                           result: .upheld, decidedOn: Self.d("2023-05-10")),
        ]
        let t = ReportBuilder(agency: "测试局", year: 2024).appealsTable(appeals)
        #expect(t[.reconsideration, .pending] == 1)
        #expect(t[.reconsideration, .corrected] == 1)
        #expect(t[.reconsideration, .total] == 2)
        #expect(t[.litigationDirect, .upheld] == 1)
        #expect(t[.litigationAfterReconsideration, .total] == 0)
    }
}
