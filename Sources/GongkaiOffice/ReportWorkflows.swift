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
        let builder = StoreReportBuilder(database: database)
        let report = try await builder.report(agencyID: agencyID, year: year)
        let previous = try await builder.report(agencyID: agencyID, year: year - 1)
        let checker = ReportChecker(checksProse: false)
        var findings = checker.check(report)
        if year - 1 >= 2019 { findings += checker.check(previous: previous, current: report) }
        return AgencyReport(report: report, previous: previous, findings: findings)
    }

    /// Section III counted by `ReportBuilder` over the agency's loaded cases — the truth the SQL aggregates of
    /// `report(agencyID:year:)` must equal.
    public func applicationTableFromCases(agencyID: Int, year: Int) async throws -> ApplicationTable {
        let agency = try await AgencyRepository(database: database).find(id: agencyID)
        let loaded = try await cases(try await scope(agencyID: agencyID, username: nil)).countedIn(year: year)
        return ReportBuilder(agency: agency.name, year: year, variant: agency.region).applicationTable(loaded)
    }

    /// The report written as text (the seed's layout) or JSON.
    public func render(_ report: AnnualReport, as rendering: ReportRendering) throws -> String {
        switch rendering {
        case .text: return TextReportWriter.render(report)
        case .json: return String(decoding: try ReportJSON.encode(report), as: UTF8.self) + "\n"
        }
    }

    /// 按角色导出: whether an export for `username` may include applicants' personal data — only a user of the
    /// agency whose role may see it; anyone else asking is refused (nothing is exported). No user: without.
    public func exportIncludesPersonalData(agencyID: Int?, personalDataFor username: String?) async throws -> Bool {
        guard let username else { return false }
        guard let agencyID, (try? await scope(agencyID: agencyID, username: username))?.mayViewPersonalData == true
        else {
            throw StoreError.notPermitted(user: username, action: "导出申请人的个人信息（证件号码、联系方式）")
        }
        return true
    }
}
