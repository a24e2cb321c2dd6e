import Testing

@testable import GongkaiCore

@Suite("Section III table — rows and cells")
struct ApplicationTableTests {
    @Test("a row's position is its index in the format's row list", arguments: ReportFormat.allCases)
    func positions(format: ReportFormat) {
        for (i, row) in ApplicationRow.rows(for: format).enumerated() {
            #expect(row.position(in: format) == i, "\(row.id)")
        }
    }

    @Test(
        "rows outside the format have no position",
        arguments: [
            (ReportFormat.v2019, ApplicationRow.otherSub(1)), (.v2021, .other), (.v2019, .withheld(0)),
            (.v2019, .withheld(9)), (.v2021, .unavailable(4)), (.v2021, .notProcessed(6)), (.v2021, .otherSub(4)),
        ])
    func outside(format: ReportFormat, row: ApplicationRow) {
        #expect(row.position(in: format) == nil)
        let t = ApplicationTable(format: format)
        #expect(!t.contains(row))
        #expect(t[row, .total] == .blank)
        #expect(t.row(row) == Array(repeating: .blank, count: 7))
    }

    @Test("cells are set and read back by row and column, rows kept apart")
    func cells() {
        var t = ApplicationTable(format: .v2021)
        t[.otherSub(3), .legalServiceOrganization] = 4
        t.setRow(.withheld(8), [1, 2, 3, 4, 5, 6, 21])
        #expect(t[.otherSub(3), .legalServiceOrganization] == 4)
        #expect(t[.otherSub(2), .legalServiceOrganization] == 0)
        #expect(t.row(.withheld(8)) == [1, 2, 3, 4, 5, 6, 21])
        #expect(t.row(.unavailable(1)) == Array(repeating: 0, count: 7))
        var u = ApplicationTable(format: .v2021)
        #expect(t != u)
        u[.otherSub(3), .legalServiceOrganization] = 4
        u.setRow(.withheld(8), [1, 2, 3, 4, 5, 6, 21])
        #expect(t == u)
    }
}
