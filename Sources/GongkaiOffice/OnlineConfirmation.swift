import FluentKit
import Foundation
import GongkaiCore
import GongkaiStore

extension Office {
    /// 确认收到 (Art. 31 (三)): staff confirm the online submission `id`; it is received on the day of this
    /// confirmation (the day both sides confirm), under the agency's receipt rule, numbered 网申YYYY-NNNN and stored
    /// whole with the tracking code the applicant already holds. The submission is claimed in the same transaction,
    /// so two members of staff confirming at once make one case (`CaseError.alreadyConfirmed` for the second).
    public func confirmOnline(_ id: Int, scope: AgencyScope, at moment: Moment) async throws -> StoredCase {
        guard CasePermissions.mayReceive(role: scope.role) else {
            throw CaseError.notPermitted(user: scope.actor, action: "确认收到网上申请")
        }
        guard let pending = try await PendingRepository(database: database, scope: scope).find(id) else {
            throw CaseError.notFound("待确认申请 \(id)")
        }
        if let reference = pending.reference { throw CaseError.alreadyConfirmed(reference) }
        let intake: Intake
        do {
            intake = try JSONDecoder().decode(Intake.self, from: Data(pending.intake.utf8))
        } catch {
            throw StoreError.invalidValue(field: "pending_applications.intake", value: "\(id)", reason: "申请内容无法读取")
        }
        let c = try Self.online(intake, at: moment).applicationCase(
            trackingCode: pending.trackingCode, actor: scope.actor, at: moment, rule: scope.agency.receiptRule,
            requiringArticle29: true, calendar: calendar)
        let calendar = calendar
        return try await receiveNumbered(c, scope: scope, year: moment.date.year) { c, db in
            guard try await PendingRepository(database: db, scope: scope).markConfirmed(id, reference: c.id, at: moment) else {
                let now = try await PendingRepository(database: db, scope: scope).find(id)
                throw CaseError.alreadyConfirmed(now?.reference ?? "")
            }
            return try await CaseRepository(database: db, scope: scope, calendar: calendar).receive(c)
        }
    }

    /// The online submission that became case `code` (when and how it was confirmed), or the one still waiting.
    public func onlineSubmission(_ code: TrackingCode, scope: AgencyScope) async throws -> PendingSubmission? {
        try await PendingRepository(database: database, scope: scope).find(code: code)
    }
}
