import GongkaiCore
import SQLKit

/// Section III from `applications`, by two grouped aggregates (no row is loaded).
///
/// Counting rules (format reference §5.2): new = received in Y; carried over = received before Y and still
/// open on 1 January Y; outcome rows = closed in Y, by outcome; carried forward = received by 31 December Y
/// and still open then. These are the rules of `GongkaiCore.ReportPeriod`, the one place they are stated; this
/// file only expresses them in SQL, and the store tests compare the result with the seed's tables.
struct ApplicationQueries {
    let sql: any SQLDatabase

    func table(agencyID: Int, year: Int, format: ReportFormat) async throws -> ApplicationTable {
        let y = StoreYear(year: year)
        var table = ApplicationTable(format: format)
        try await addCounts(to: &table, agencyID: agencyID, year: y)
        try await addOutcomes(to: &table, agencyID: agencyID, year: y)
        fillTotalRow(&table)
        table.fillTotals()
        return table
    }

    private func addCounts(to table: inout ApplicationTable, agencyID: Int, year y: StoreYear) async throws {
        let rows = try await sql.raw(
            """
            SELECT applicant_kind,
              SUM(CASE WHEN received_on >= \(bind: y.start) THEN 1 ELSE 0 END) AS new_count,
              SUM(CASE WHEN received_on < \(bind: y.start) THEN 1 ELSE 0 END) AS carried_over,
              SUM(CASE WHEN closed_on IS NULL OR closed_on > \(bind: y.end) THEN 1 ELSE 0 END) AS carried_forward
            FROM applications
            WHERE agency_id = \(bind: agencyID) AND received_on <= \(bind: y.end)
              AND (closed_on IS NULL OR closed_on >= \(bind: y.start))
            GROUP BY applicant_kind
            """
        ).all()
        for row in rows {
            guard let kind = ApplicantColumn(storeName: try row.decode(column: "applicant_kind", as: String.self))
            else { continue }
            table[.new, kind] = .count(try row.decode(column: "new_count", as: Int.self))
            table[.carriedOver, kind] = .count(try row.decode(column: "carried_over", as: Int.self))
            table[.carriedForward, kind] = .count(try row.decode(column: "carried_forward", as: Int.self))
        }
    }

    private func addOutcomes(to table: inout ApplicationTable, agencyID: Int, year y: StoreYear) async throws {
        let rows = try await sql.raw(
            """
            SELECT outcome, applicant_kind, COUNT(*) AS n
            FROM applications
            WHERE agency_id = \(bind: agencyID) AND closed_on >= \(bind: y.start) AND closed_on <= \(bind: y.end)
            GROUP BY outcome, applicant_kind
            """
        ).all()
        for row in rows {
            guard let kind = ApplicantColumn(storeName: try row.decode(column: "applicant_kind", as: String.self)),
                let id = try row.decode(column: "outcome", as: String?.self),
                let outcome = ApplicationRow(id: id).map({ Self.row(outcome: $0, in: table.format) })
            else { continue }
            let n = try row.decode(column: "n", as: Int.self)
            table[outcome, kind] = .count(table[outcome, kind].countOrZero + n)
        }
    }

    /// The 2019 format has one 其他处理 row for the 2021 format's other.1–3, and the reverse.
    static func row(outcome: ApplicationRow, in format: ReportFormat) -> ApplicationRow {
        switch (outcome, format) {
        case (.otherSub, .v2019): return .other
        case (.other, .v2021): return .otherSub(3)
        default: return outcome
        }
    }

    private func fillTotalRow(_ table: inout ApplicationTable) {
        let outcomes = ApplicationRow.outcomeRows(for: table.format)
        for kind in ApplicantColumn.applicantKinds {
            table[.total, kind] = .count(outcomes.reduce(0) { $0 + table[$1, kind].countOrZero })
        }
    }
}
