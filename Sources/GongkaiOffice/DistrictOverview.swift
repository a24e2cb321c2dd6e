import GongkaiCore
import GongkaiStore

/// 区级监督 — one agency's disclosure work as the district's supervisor sees it on a day: counts only, never an
/// applicant.
public struct AgencyOverview: Sendable, Hashable {
    public var agency: Agency
    public var awaitingConfirmation: Int
    public var open: Int
    public var overdue: Int
    public var dueSoon: Int
    /// Closed since 1 January of the day's year, and of those answered after their due date.
    public var closedThisYear: Int
    public var answeredLateThisYear: Int
    /// Where last year's annual report stands against 31 January (第四十九条): due, late, published on time or late.
    public var lastYearsReport: ReportDeadlineStatus

    /// Whether last year's annual report is published.
    public var lastYearsReportPublished: Bool {
        switch lastYearsReport {
        case .publishedOnTime, .publishedLate: return true
        default: return false
        }
    }
}

extension Office {
    /// 各机关办理情况: every agency on the server, for a 监督人 (the district's supervisor role) only — the open,
    /// overdue and due-soon applications, those waiting for confirmation, what was closed this year and how much of it
    /// late, and where last year's report stands against 31 January (who is late). No personal data is read.
    public func districtOverview(by member: StaffMember, on day: CivilDate) async throws -> [AgencyOverview] {
        guard member.role.name == "supervisor" else {
            throw CaseError.notPermitted(user: member.user.username, action: "查看各机关的办理情况")
        }
        var rows: [AgencyOverview] = []
        for agency in try await AgencyRepository(database: database).all() {
            let scope = try await scope(agencyID: agency.id!, username: nil)
            let queues = try await workQueues(scope: scope, on: day)
            let closed = try await cases(scope).closed(from: CivilDate(day.year, 1, 1), through: day).map { try file($0, on: day) }
            let published = try await PublishedReportRepository(database: database, scope: scope).versions(year: day.year - 1)
            rows.append(AgencyOverview(
                agency: agency, awaitingConfirmation: queues.count(.awaitingConfirmation), open: queues.count(.open),
                overdue: queues.count(.overdue), dueSoon: queues.count(.dueSoon), closedThisYear: closed.count,
                answeredLateThisYear: closed.filter { if case .answeredLate = $0.status { true } else { false } }.count,
                lastYearsReport: AnnualReportDeadline.status(
                    reportYear: day.year - 1, publishedOn: published.first?.publishedAt?.date, today: day)))
        }
        return rows
    }
}
