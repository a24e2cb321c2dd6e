import GongkaiCore
import GongkaiStore

/// 年度报告待办 — what the member's 工作台 reminds them of about annual reports: last year's report while it is due
/// (from 1 January) or late (after 31 January, 第四十九条), drafts waiting for their review or approval, and
/// published years whose registers have changed since (a late record: an amendment is due).
public struct ReportAgenda: Sendable {
    /// The year before today's, when its report is due or late and the member drafts reports.
    public var due: (year: Int, status: ReportDeadlineStatus)?
    public var toReview: Int
    public var toApprove: Int
    /// Published years whose registers now count otherwise, with the sections.
    public var changed: [(year: Int, sections: [String])]

    public var isEmpty: Bool { due == nil && toReview == 0 && toApprove == 0 && changed.isEmpty }
}

extension Office {
    /// The member's report agenda on `day` (nothing for roles that neither draft, review nor approve).
    public func reportAgenda(scope: AgencyScope, on day: CivilDate) async throws -> ReportAgenda {
        let role = scope.role
        var agenda = ReportAgenda(due: nil, toReview: 0, toApprove: 0, changed: [])
        let authors = PublicationPermissions.mayAuthor(role: role)
        guard authors || PublicationPermissions.mayReview(role: role) || PublicationPermissions.mayApprove(role: role) else { return agenda }
        for year in try await reportYears(scope: scope, on: day) {
            if year.year == day.year - 1, authors, year.deadline.isDue || year.deadline.isLate { agenda.due = (year.year, year.deadline) }
            if authors, !year.changedSince.isEmpty { agenda.changed.append((year.year, year.changedSince)) }
            guard let draft = year.openDraft else { continue }
            if (try? requireStep(.review, draft, scope, what: "")) != nil { agenda.toReview += 1 }
            if (try? requireStep(.approve, draft, scope, what: "")) != nil { agenda.toApprove += 1 }
        }
        return agenda
    }
}
