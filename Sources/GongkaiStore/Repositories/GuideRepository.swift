import FluentKit
import GongkaiCore

/// The versions of one agency's 政府信息公开指南 (the scope's). Publishing adds a version; none is ever changed.
public struct GuideRepository: Sendable {
    let database: any Database
    let scope: AgencyScope

    public init(database: any Database, scope: AgencyScope) {
        self.database = database
        self.scope = scope
    }

    /// Every version, newest first.
    public func versions() async throws -> [GuideVersion] {
        try await AgencyGuideRecord.query(on: database).filter(\.$agencyID == scope.agencyID)
            .sort(\.$version, .descending).all().map { try $0.value() }
    }

    /// Publishes `details` as the next version, in force from `effectiveOn`. Every bad field is named at once
    /// (`StoreError.invalidValues`) and nothing is written; a version may not take effect before the one it follows.
    @discardableResult
    public func publish(_ details: GuideDetails, effectiveOn: CivilDate) async throws -> GuideVersion {
        var problems = details.problems
        let latest = try await versions().first
        if let latest, effectiveOn < latest.effectiveOn {
            problems.append(
                .invalidValue(
                    field: "effectiveOn", value: effectiveOn.iso,
                    reason: "不能早于第\(latest.version)版的施行日期 \(latest.effectiveOn.iso)"))
        }
        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw StoreError.invalidValues(problems) }
        let version = GuideVersion(version: (latest?.version ?? 0) + 1, effectiveOn: effectiveOn, details: details)
        try await AgencyGuideRecord(agencyID: scope.agencyID, version: version).create(on: database)
        return version
    }
}
