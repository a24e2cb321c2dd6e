import FluentKit
import GongkaiCore
import SQLKit

/// Builds the annual report's sections II–IV for one agency and year from the stored registers, with grouped
/// aggregate queries (no register is loaded row by row). The format follows the year; the variant, the agency's
/// region. Narrative sections stay empty: they are written by people.
///
/// ```swift
/// let scope = try await AgencyRepository(store: store).scope(agencyID: 1)
/// let report = try await StoreReportBuilder(store: store).report(scope, year: 2020)
/// report.applications.table[.new, .naturalPerson] // 21 for the demo agency
/// ```
public struct StoreReportBuilder: Sendable {
    let database: any Database

    public init(store: Store) { database = store.database }
    public init(database: any Database) { self.database = database }

    /// The report of the scope's agency for `year`.
    public func report(_ scope: AgencyScope, year: Int) async throws -> AnnualReport {
        try await Self.report(scope, year: year, sql: database as! any SQLDatabase)
    }

    /// The same, with the aggregate queries sent to `sql` (the benchmark records them).
    public static func report(_ scope: AgencyScope, year: Int, sql: any SQLDatabase) async throws -> AnnualReport {
        let agencyID = scope.agencyID
        var report = AnnualReport(agency: scope.agency.name, year: year, variant: scope.agency.region)
        report.proactive = try await ProactiveQueries(sql: sql).section(
            agencyID: agencyID, year: year, format: report.format, variant: report.variant)
        report.applications.table = try await ApplicationQueries(sql: sql).table(
            agencyID: agencyID, year: year, format: report.format)
        report.appeals.table = try await AppealQueries(sql: sql).table(agencyID: agencyID, year: year)
        return report
    }
}
