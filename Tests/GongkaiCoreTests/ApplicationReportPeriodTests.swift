import Testing

@testable import GongkaiCore

@Suite("ReportPeriod — which year counts an application, and in which rows")
struct ApplicationReportPeriodTests {
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    @Test(
        "Rows of report year 2024 by receipt date, closing date and outcome",
        arguments: [
            ("2024-01-02", "2024-02-01", ["new", "granted"]),
            ("2024-12-31", nil, ["new", "carriedForward"]),
            ("2024-12-31", "2025-01-02", ["new", "carriedForward"]),
            ("2024-12-30", "2024-12-31", ["new", "granted"]),
            ("2023-12-29", "2024-01-02", ["carriedOver", "granted"]),
            ("2023-12-29", "2023-12-31", []),
            ("2023-06-01", nil, ["carriedOver", "carriedForward"]),  // open across two year ends
            ("2022-06-01", "2025-03-01", ["carriedOver", "carriedForward"]),
            ("2025-01-02", nil, []),
        ] as [(String, String?, [String])])
    func rows(received: String, closed: String?, expected: [String]) {
        let p = ReportPeriod(year: 2024)
        let rows = p.rows(
            receivedOn: Self.d(received), closedOn: closed.map(Self.d), outcome: closed == nil ? nil : .granted,
            format: .v2021)
        #expect(rows.map(\.id) == expected)
    }

    @Test("Every application in the year balances: new + carriedOver = closed + carriedForward")
    func balance() {
        let p = ReportPeriod(year: 2024)
        for r in stride(from: CivilDate(2023, 1, 1).dayNumber, through: CivilDate(2024, 12, 31).dayNumber, by: 17) {
            for c in [nil, 0, 30, 200, 400, 800] as [Int?] {
                let received = CivilDate(dayNumber: r), closed = c.map { received.adding(days: $0) }
                let rows = p.rows(receivedOn: received, closedOn: closed, outcome: .granted, format: .v2021)
                let inflow = rows.filter { $0 == .new || $0 == .carriedOver }.count
                let outflow = rows.filter { $0 == .granted || $0 == .carriedForward }.count
                #expect(inflow == outflow)
                #expect(inflow <= 1)
            }
        }
    }
}
