import GongkaiCore
import GongkaiStore

/// 案卷 — a case as the office sees it on a day: the stored case, its derived status and due dates.
public struct CaseFile: Hashable, Sendable {
    public var stored: StoredCase
    /// The day the status is computed for.
    public var on: CivilDate
    public var status: CaseStatus
    /// 答复期限 with its day-by-day explanation; nil while a 补正 is awaited (Art. 30).
    public var answerDue: DueDate?
    /// 补正告知期限 (Art. 30).
    public var correctionNoticeDue: DueDate

    public var value: ApplicationCase { stored.value }
}

extension Office {
    /// 登记申请: checks the intake, gives the case a fresh random tracking code, decides its receipt date under the
    /// agency's receipt rule (Art. 31 unless its 指南 sets one) and stores it whole.
    public func receive<G: RandomNumberGenerator>(
        _ intake: Intake, scope: AgencyScope, at moment: Moment, using rng: inout G
    ) async throws -> StoredCase {
        guard CasePermissions.mayReceive(role: scope.role) else {
            throw CaseError.notPermitted(user: scope.actor, action: "登记申请")
        }
        let c = try intake.applicationCase(
            trackingCode: .random(using: &rng), actor: scope.username ?? "", at: moment,
            rule: scope.agency.receiptRule, calendar: calendar)
        return try await cases(scope).receive(c)
    }

    /// The next free reference for an application registered by staff in `year`: `2024-0001`, one more than the
    /// highest stored with that prefix (a suggestion: the officer may use the agency's own numbering).
    public func nextReference(scope: AgencyScope, year: Int) async throws -> String {
        try await cases(scope).nextReference(prefix: "\(year)-")
    }

    /// 记录事件: the event through the state machine, in one transaction, refused when the case changed since
    /// `expectedVersion` was read.
    public func record(
        _ event: ApplicationEvent, on referenceOrCode: String, scope: AgencyScope, at moment: Moment,
        expectedVersion: Int? = nil
    ) async throws -> StoredCase {
        guard CasePermissions.mayRecord(event.kind, role: scope.role) else {
            throw CaseError.notPermitted(user: scope.actor, action: "记录「\(event.kind.label)」")
        }
        var event = event
        if case .extensionApproved(let days, let named) = event.kind, scope.role != nil {
            event.kind = .extensionApproved(days: days, approvedBy: try await approver(named, scope: scope))
        }
        return try await cases(scope).record(event, at: moment, on: referenceOrCode, expectedVersion: expectedVersion)
    }

    /// 负责人 — the agency's users who approve extensions (Art. 33 (2): 经政府信息公开工作机构负责人同意).
    public func approvers(scope: AgencyScope) async throws -> [User] {
        try await AgencyRepository(database: database).users(agencyID: scope.agencyID).filter { $0.role == "head" }
    }

    /// The approver an extension names, as the letters name them (the display name). Where the agency has 负责人
    /// accounts, a member of staff must name one of them (by username or name); an agency without any names the
    /// approver as written.
    func approver(_ named: String, scope: AgencyScope) async throws -> String {
        let heads = try await approvers(scope: scope)
        let named = named.trimmingCharacters(in: .whitespaces)
        guard !heads.isEmpty else { return named }
        guard let head = heads.first(where: { $0.username == named || $0.displayName == named }) else {
            throw IntakeError(
                field: "approved-by", reason: "「\(named)」不是本机关的负责人；可选：\(heads.map(\.displayName).joined(separator: "、"))",
                key: "approved-by")
        }
        return head.displayName
    }

    /// The case file of `referenceOrCode` as of `day`.
    public func caseFile(_ referenceOrCode: String, scope: AgencyScope, on day: CivilDate) async throws -> CaseFile {
        guard let stored = try await cases(scope).find(referenceOrCode) else {
            throw CaseError.notFound(referenceOrCode)
        }
        return try file(stored, on: day)
    }

    /// Cases open on `day`, oldest first; only those due within `dueWithin` working days (overdue included) when
    /// given, only the overdue ones when `overdueOnly`.
    public func openCases(scope: AgencyScope, on day: CivilDate, dueWithin: Int? = nil, overdueOnly: Bool = false)
        async throws -> [CaseFile]
    {
        try await cases(scope).open(on: day).map { try file($0, on: day) }.filter { f in
            switch f.status {
            case .overdue: return true
            case .dueSoon(let left), .open(let left): return !overdueOnly && dueWithin.map { left <= $0 } ?? true
            default: return !overdueOnly && dueWithin == nil
            }
        }
    }

    /// The case file of a case in hand, as of `day`; due soon within `dueSoonWithin` working days (the core's
    /// default when nil).
    func file(_ stored: StoredCase, on day: CivilDate, dueSoonWithin: Int? = nil) throws -> CaseFile {
        let c = stored.value
        let status = dueSoonWithin.map { c.status(now: day, calendar: calendar, dueSoonWithin: $0) }
            ?? c.status(now: day, calendar: calendar)
        return CaseFile(
            stored: stored, on: day, status: status,
            answerDue: try c.answerDue(calendar: calendar),
            correctionNoticeDue: try c.correctionNoticeDue(calendar: calendar))
    }
}
