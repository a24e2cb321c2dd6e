import FluentKit
import GongkaiCore
import SQLKit

/// Builds the annual report's sections II–IV for one agency and year from the stored registers, with grouped
/// aggregate queries (no register is loaded row by row). The format follows the year; the variant, the agency's
/// region. Narrative sections stay empty: they are written by people.
///
/// ```swift
/// let report = try await StoreReportBuilder(store: store).report(agencyID: 1, year: 2020)
/// report.applications.table[.new, .naturalPerson] // 21 for the demo agency
/// ```
public struct StoreReportBuilder: Sendable {
    let database: any Database

    public init(store: Store) { database = store.database }
    public init(database: any Database) { self.database = database }

    public func report(agencyID: Int, year: Int) async throws -> AnnualReport {
        let agency = try await AgencyRepository(database: database).find(id: agencyID)
        return try await Self.report(agency: agency, year: year, sql: database as! any SQLDatabase)
    }

    /// The report of a known agency, with the aggregate queries sent to `sql` (the benchmark records them).
    public static func report(agency: Agency, year: Int, sql: any SQLDatabase) async throws -> AnnualReport {
        guard let agencyID = agency.id else { throw StoreError.notFound("机关编号") }
        var report = AnnualReport(agency: agency.name, year: year, variant: agency.region)
        report.proactive = try await ProactiveQueries(sql: sql).section(
            agencyID: agencyID, year: year, format: report.format, variant: report.variant)
        report.applications.table = try await ApplicationQueries(sql: sql).table(
            agencyID: agencyID, year: year, format: report.format)
        report.appeals.table = try await AppealQueries(sql: sql).table(agencyID: agencyID, year: year)
        return report
    }
}
