import GongkaiCore
import GongkaiStore

/// 发布权限 — who may take which step of proactive publication (第十七条's review is someone else's).
///
/// | role            | draft, edit, submit | review (保密审查) ¹ | approve publication ² | revoke |
/// |-----------------|---------------------|--------------------|-----------------------|--------|
/// | 承办人           | yes                 | no                 | no                    | no     |
/// | 审核人           | no                  | yes                | no                    | no     |
/// | 负责人           | yes                 | yes                | yes                   | yes    |
/// | 管理员           | yes                 | yes                | no                    | yes    |
/// | 登记员, 查阅人, 监督人 | no             | no                 | no                    | no     |
///
/// ¹ never of an item they wrote or submitted. ² where the agency requires it.
public enum PublicationPermissions {
    static let authors: Set<String> = ["officer", "head", "admin"]
    static let reviewers: Set<String> = ["reviewer", "head", "admin"]
    static let approvers: Set<String> = ["head"]
    static let revokers: Set<String> = ["head", "admin"]

    public static func mayAuthor(role: String?) -> Bool { role.map(authors.contains) ?? true }
    public static func mayReview(role: String?) -> Bool { role.map(reviewers.contains) ?? false }
    public static func mayApprove(role: String?) -> Bool { role.map(approvers.contains) ?? false }
    public static func mayRevoke(role: String?) -> Bool { role.map(revokers.contains) ?? false }
}

/// 拟公开信息 as its page shows it: the stored item, the agency's checklist, the Art. 26 clock and the steps the
/// user may take now.
public struct PublicationFile: Sendable {
    public var publication: StoredPublication
    public var settings: PublicationSettings
    /// 第二十六条's clock; nil when it does not run (`StoredPublication.clockRuns`).
    public var due: DueDate?
    public var timeliness: PublicationTimeliness?
    /// The steps the user may take now.
    public var actions: Set<ReviewStep>
    /// Approved, and its moment has come: the portal shows it.
    public var isLive: Bool
    public var attachments: [PublicationAttachment]
    /// 双公示: the batch of decisions drafted with it.
    public var decisions: DecisionBatchView?
}

extension Office {
    func publications(_ scope: AgencyScope) -> PublicationRepository { PublicationRepository(database: database, scope: scope) }

    /// 起草 — a new draft by the scope's user (承办人, 负责人, 管理员).
    public func draftPublication(_ form: PublicationForm, scope: AgencyScope, at moment: Moment) async throws -> StoredPublication {
        try requireAuthor(scope)
        let content = try form.content(today: moment.date)
        try calendar.requireSupported(content.formedOn, field: "形成或者变更日期")
        return try await publications(scope).create(content, at: moment)
    }

    /// 修改 — changes a draft or a returned item, read at `expectedVersion`.
    public func revisePublication(
        _ id: Int, _ form: PublicationForm, expectedVersion: Int, scope: AgencyScope, at moment: Moment
    ) async throws -> StoredPublication {
        let stored = try await publication(id, scope)
        try requireStep(.edit, stored, scope, what: "拟公开信息")
        let content = try form.content(today: moment.date)
        try calendar.requireSupported(content.formedOn, field: "形成或者变更日期")
        return try await publications(scope).transition(id, expectedVersion: expectedVersion, to: stored.state, action: "修改", at: moment) {
            $0.setContent(content)
        }
    }

    /// 提交审查 — sends a draft (or a returned item) to 保密审查.
    public func submitPublication(_ id: Int, expectedVersion: Int, scope: AgencyScope, at moment: Moment) async throws -> StoredPublication {
        let (stored, settings) = (try await publication(id, scope), try await publications(scope).settings())
        try requireStep(.submit, stored, scope, what: "拟公开信息")
        let next = try PublicationReview.next(stored.state, .submit, checklist: settings.checklist, requiresApproval: settings.requiresApproval)
        let user = scope.actor
        return try await publications(scope).transition(id, expectedVersion: expectedVersion, to: next, action: "提交审查", at: moment) {
            $0.setSubmitter(user)
        }
    }

    /// 保密审查 (第十七条) — the reviewer (审核人, 负责人 or 管理员; never the author or submitter) passes, returns or
    /// withholds an item in review. A pass publishes it unless the agency requires the 负责人's approval; for an item
    /// drafted 不予公开 it confirms the withholding, recorded with its ground.
    public func reviewPublication(
        _ id: Int, _ decision: ReviewDecision, expectedVersion: Int, scope: AgencyScope, at moment: Moment
    ) async throws -> StoredPublication {
        let (stored, settings) = (try await publication(id, scope), try await publications(scope).settings())
        try requireStep(.review, stored, scope, what: "拟公开信息")
        let (action, answers, reviewNote) = decision.step(checklist: settings.checklist)
        let c = stored.content
        let next = try PublicationReview.next(
            stored.state, action, checklist: settings.checklist, requiresApproval: settings.requiresApproval, attribute: c.disclosure)
        let user = scope.actor
        let confirmsWithholding = next == .withheld && c.disclosure == .withheld
        let label = confirmsWithholding ? "确认不予公开" : action.label
        let note = confirmsWithholding ? ([c.withholdingReason, reviewNote].filter { !$0.isEmpty }).joined(separator: "；") : reviewNote
        if next == .approved {
            return try await publish(stored, expectedVersion: expectedVersion, settings: settings, action: label, scope: scope, at: moment) {
                $0.setReview(by: user, answers: answers)
            }
        }
        return try await publications(scope).transition(
            id, expectedVersion: expectedVersion, to: next, action: label, note: note, at: moment
        ) { $0.setReview(by: user, answers: answers) }
    }

    /// 同意发布 — the 负责人 approves an item the review passed (agencies that require it).
    public func approvePublication(_ id: Int, expectedVersion: Int, scope: AgencyScope, at moment: Moment) async throws -> StoredPublication {
        let (stored, settings) = (try await publication(id, scope), try await publications(scope).settings())
        try requireStep(.approve, stored, scope, what: "拟公开信息")
        _ = try PublicationReview.next(stored.state, .approvePublication, checklist: settings.checklist, requiresApproval: true)
        return try await publish(
            stored, expectedVersion: expectedVersion, settings: settings, action: PublicationAction.approvePublication.label, scope: scope,
            at: moment)
    }

    /// 退回修改, with comments: by the reviewer of an item in review (as `reviewPublication`), or by the 负责人 of an
    /// item awaiting approval.
    public func returnPublication(
        _ id: Int, comments: String, expectedVersion: Int, scope: AgencyScope, at moment: Moment
    ) async throws -> StoredPublication {
        let (stored, settings) = (try await publication(id, scope), try await publications(scope).settings())
        guard stored.state == .awaitingApproval else {
            return try await reviewPublication(id, .returnForChanges(comments: comments), expectedVersion: expectedVersion, scope: scope, at: moment)
        }
        try requireStep(.approve, stored, scope, what: "拟公开信息")
        let next = try PublicationReview.next(
            stored.state, .returnForChanges(comments: comments), checklist: settings.checklist, requiresApproval: true)
        return try await publications(scope).transition(id, expectedVersion: expectedVersion, to: next, action: "退回修改", note: comments, at: moment)
    }

    /// 撤销发布 — takes an approved item off the portal at once; the record, its 索引号 and `reason` stay.
    public func revokePublication(
        _ id: Int, reason: String, expectedVersion: Int, scope: AgencyScope, at moment: Moment
    ) async throws -> StoredPublication {
        let (stored, settings) = (try await publication(id, scope), try await publications(scope).settings())
        try requireStep(.revoke, stored, scope, what: "拟公开信息")
        _ = try PublicationReview.next(stored.state, .revoke(reason: reason), checklist: settings.checklist, requiresApproval: settings.requiresApproval)
        return try await publications(scope).revoke(
            id, expectedVersion: expectedVersion, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines), at: moment)
    }

    /// The item `id` as its page shows it on `moment`'s day: its clock and the steps the scope's user may take.
    public func publicationFile(_ id: Int, scope: AgencyScope, at moment: Moment) async throws -> PublicationFile {
        let stored = try await publication(id, scope)
        let settings = try await publications(scope).settings()
        let actions = offeredSteps(ReviewStep.allCases, stored, scope)
        let visible = stored.catalogueItem?.visibleFrom.map { $0 <= moment } ?? false
        return PublicationFile(
            publication: stored, settings: settings,
            due: stored.clockRuns ? try PublicationClock.due(formedOn: stored.content.formedOn, calendar: calendar) : nil,
            timeliness: try stored.timeliness(on: moment.date, calendar: calendar),
            actions: actions, isLive: stored.state == .approved && visible, attachments: try await publications(scope).attachments(of: id),
            decisions: try await decisionBatch(of: stored, scope: scope))
    }

    /// The agency's items in `states` (every one when nil), newest first.
    public func publicationList(scope: AgencyScope, states: Set<PublicationState>? = nil) async throws -> [StoredPublication] {
        try await publications(scope).list(states: states)
    }

    /// The agency's publication settings (any member may read them; the review page shows the checklist).
    public func publicationSettings(scope: AgencyScope) async throws -> PublicationSettings {
        try await publications(scope).settings()
    }

    /// Changes the agency's 索引号 pattern, checklist and approval rule (管理员). Numbers already given stay.
    public func updatePublicationSettings(
        indexPattern: String, checklist: String, requiresApproval: Bool, by admin: StaffMember
    ) async throws -> PublicationSettings {
        try StaffSignIn.requireAdministrator(admin, "修改发布设置")
        var problems: [IntakeError] = []
        var settings = PublicationSettings(requiresApproval: requiresApproval)
        do { settings.indexPattern = try IndexNumberPattern(indexPattern) } catch {
            problems.append(IntakeError(field: "索引号规则", reason: "\(error)", key: "indexPattern", form: "发布设置"))
        }
        do { settings.checklist = try ConfidentialityChecklist(lines: checklist) } catch {
            problems.append(IntakeError(field: "保密审查清单", reason: "\(error)", key: "checklist", form: "发布设置"))
        }
        guard problems.isEmpty else { throw IntakeProblems(problems: problems) }
        try await publications(admin.scope).save(settings)
        return settings
    }

    /// Enters a passed item in the catalogue: at its scheduled moment, or now when none is set or it has passed.
    private func publish(
        _ stored: StoredPublication, expectedVersion: Int, settings: PublicationSettings, action: String, scope: AgencyScope,
        at moment: Moment, _ change: @escaping @Sendable (PublicationRecordChange) -> Void = { _ in }
    ) async throws -> StoredPublication {
        try await requireDecisionsFit(stored, scope: scope)
        let visibleFrom = max(stored.content.publishAt ?? moment, moment)
        return try await publications(scope).publish(
            stored.id, expectedVersion: expectedVersion, pattern: settings.indexPattern, visibleFrom: visibleFrom, action: action,
            at: moment, change)
    }

    func publication(_ id: Int, _ scope: AgencyScope) async throws -> StoredPublication {
        guard let stored = try await publications(scope).find(id) else { throw PublicationStoreError.notFound(id) }
        return stored
    }
}

/// 主动公开待办 — what the member's 工作台 reminds them of: items waiting for their review or approval, and items
/// to be disclosed proactively not yet published past 第二十六条's 20 working days.
public struct PublicationAgenda: Sendable, Hashable {
    public var toReview: Int
    public var toApprove: Int
    public var overdue: Int
    /// 第四十四条 proposals waiting for a decision (for those who draft).
    public var proposals: Int = 0

    public var isEmpty: Bool { toReview + toApprove + overdue + proposals == 0 }
}

extension Office {
    /// The member's publication agenda on `day`: reviews only of items they neither wrote nor submitted; overdue items
    /// and 第四十四条 proposals counted for those who write them.
    public func publicationAgenda(scope: AgencyScope, on day: CivilDate) async throws -> PublicationAgenda {
        let role = scope.role
        let all = try await publications(scope).list(states: [.draft, .returned, .inReview, .awaitingApproval])
        var agenda = PublicationAgenda(toReview: 0, toApprove: 0, overdue: 0)
        for p in all {
            if (try? requireStep(.review, p, scope, what: "")) != nil { agenda.toReview += 1 }
            if (try? requireStep(.approve, p, scope, what: "")) != nil { agenda.toApprove += 1 }
            if PublicationPermissions.mayAuthor(role: role), try p.timeliness(on: day, calendar: calendar)?.isOverdue == true {
                agenda.overdue += 1
            }
        }
        agenda.proposals = try await disclosureProposals(scope: scope, on: day).count
        return agenda
    }
}
