import GongkaiCore
import SQLKit

/// Section IV from `appeal_cases`, by the core `ReportPeriod` rule: a case counts in Y when filed by 31 December Y
/// and not decided before 1 January Y, under its result as of 31 December Y (尚未审结 when not decided by then).
struct AppealQueries {
    let sql: any SQLDatabase

    func table(agencyID: Int, year: Int) async throws -> AppealsTable {
        let y = StoreYear(year: year)
        let rows = try await sql.raw(
            """
            SELECT kind, CASE WHEN decided_on IS NOT NULL AND decided_on <= \(bind: y.end) THEN result END AS outcome,
              COUNT(*) AS n
            FROM appeal_cases
            WHERE agency_id = \(bind: agencyID) AND filed_on <= \(bind: y.end)
              AND (decided_on IS NULL OR decided_on >= \(bind: y.start))
            GROUP BY 1, 2
            """
        ).all()
        var table = AppealsTable()
        for row in rows {
            guard let kind = AppealKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            let result = try row.decode(column: "outcome", as: String?.self).flatMap(AppealOutcome.init(rawValue:))
            let column = result?.column ?? .pending
            table[kind.group, column] = .count(
                table[kind.group, column].countOrZero + (try row.decode(column: "n", as: Int.self)))
        }
        table.fillTotals()
        return table
    }
}
