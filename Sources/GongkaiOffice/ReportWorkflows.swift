import Foundation
import GongkaiCore
import GongkaiDocuments
import GongkaiStore

/// An agency's report for a year as built from its registers, the previous year's, and the checker's findings
/// (the report itself and, from 2020 on, the pair of consecutive years).
public struct AgencyReport: Sendable {
    public var report: AnnualReport
    public var previous: AnnualReport
    public var findings: [Finding]

    /// True when the checker found an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

/// How a report is written out.
public enum ReportRendering: String, Sendable, CaseIterable {
    case text, json
}

extension Office {
    /// 生成年报: sections II–IV from the stored registers (aggregate SQL), checked alone and against the year before.
    public func report(agencyID: Int, year: Int) async throws -> AgencyReport {
        let scope = try await scope(agencyID: agencyID, username: nil)
        let builder = StoreReportBuilder(database: database)
        let report = try await builder.report(scope, year: year)
        let previous = try await builder.report(scope, year: year - 1)
        let checker = ReportChecker(checksProse: false)
        var findings = checker.check(report)
        if year - 1 >= 2019 { findings += checker.check(previous: previous, current: report) }
        return AgencyReport(report: report, previous: previous, findings: findings)
    }

    /// Section III counted by `ReportBuilder` over the agency's loaded cases — the truth the SQL aggregates of
    /// `report(agencyID:year:)` must equal.
    public func applicationTableFromCases(agencyID: Int, year: Int) async throws -> ApplicationTable {
        let scope = try await scope(agencyID: agencyID, username: nil)
        let loaded = try await cases(scope).countedIn(year: year)
        return ReportBuilder(agency: scope.agency.name, year: year, variant: scope.agency.region)
            .applicationTable(loaded)
    }

    /// The report written as text (the seed's layout) or JSON.
    public func render(_ report: AnnualReport, as rendering: ReportRendering) throws -> String {
        switch rendering {
        case .text: return TextReportWriter.render(report)
        case .json: return String(decoding: try ReportJSON.encode(report), as: UTF8.self) + "\n"
        }
    }

    /// 按角色导出: the scope an export runs in. With a user, that user's scope (checked: the user belongs to the
    /// agency), which must allow personal data — anyone else asking for it is refused and nothing is exported.
    /// Without a user, the agency's own scope (no personal data); nil for a register that belongs to no agency.
    public func exportScope(agencyID: Int?, personalDataFor username: String?) async throws -> AgencyScope? {
        guard let username else { return try await scope(agencyID: agencyID) }
        let denied = StoreError.notPermitted(user: username, action: "导出申请人的个人信息（证件号码、联系方式）")
        guard let agencyID, let scope = try? await scope(agencyID: agencyID, username: username),
            scope.mayViewPersonalData
        else { throw denied }
        return scope
    }
}

extension Office {
    /// The cases behind a figure of section III of `year`'s report — those its cell counts, by the builder's own rule —
    /// so that an officer can check each figure against the records (any member; personal data as the role may see).
    public func casesBehind(row: ApplicationRow, column: ApplicantColumn, year: Int, scope: AgencyScope) async throws -> [ApplicationCase] {
        let loaded = try await cases(scope).countedIn(year: year)
        return ReportBuilder(agency: scope.agency.name, year: year, variant: scope.agency.region).cases(countedIn: row, column: column, of: loaded)
    }

    /// The register rows behind a figure of section II of `year`'s report, by the figure's own condition; nil for a
    /// cell that year's report does not have.
    public func recordsBehind(row: ProactiveRow, column: ProactiveColumn, year: Int, scope: AgencyScope) async throws -> ProactiveRecords? {
        try await DisclosureRepository(database: database, scope: scope).records(behind: row, column, year: year)
    }

    /// The appeals behind a figure of section IV of `year`'s report, by the builder's own rule.
    public func appealsBehind(group: AppealsGroup, result: AppealsResult, year: Int, scope: AgencyScope) async throws -> [AppealCase] {
        let loaded = try await DisclosureRepository(database: database, scope: scope).appeals(countedIn: year)
        return ReportBuilder(agency: scope.agency.name, year: year, variant: scope.agency.region).appeals(countedIn: group, result: result, of: loaded)
    }
}
