import FluentKit
import GongkaiCore
import SQLKit

/// 待确认 — the online submissions of one agency (the scope's) that staff confirm before they are received
/// (Art. 31). A submission is confirmed once: `markConfirmed` claims it in the transaction that creates its case,
/// so two members of staff confirming at once make one case.
///
/// ```swift
/// let pending = PendingRepository(database: db, scope: scope)
/// try await pending.add(submission)
/// try await pending.waiting()        // oldest first
/// ```
public struct PendingRepository: Sendable {
    let database: any Database
    public let scope: AgencyScope

    public init(database: any Database, scope: AgencyScope) {
        self.database = database
        self.scope = scope
    }

    /// Stores a new submission.
    @discardableResult
    public func add(_ submission: PendingSubmission) async throws -> PendingSubmission {
        let record = PendingApplicationRecord(submission, agencyID: scope.agencyID)
        try await record.create(on: database)
        return try record.value()
    }

    /// The submissions waiting for confirmation, oldest first.
    public func waiting() async throws -> [PendingSubmission] {
        try await query().filter(\.$reference == nil).sort(\.$id).all().map { try $0.value() }
    }

    /// The submission `id` of the agency (waiting or confirmed), or nil.
    public func find(_ id: Int) async throws -> PendingSubmission? {
        try await query().filter(\.$id == id).first()?.value()
    }

    /// The submission with tracking code `code`, or nil.
    public func find(code: TrackingCode) async throws -> PendingSubmission? {
        try await query().filter(\.$trackingCode == code.value).first()?.value()
    }

    /// Claims submission `id` for the case `reference`, confirmed by the scope's user at `moment`; false when it
    /// was already confirmed (by someone else, a moment before).
    public func markConfirmed(_ id: Int, reference: String, at moment: Moment) async throws -> Bool {
        let updated = try await (database as! any SQLDatabase).update(PendingApplicationRecord.schema)
            .set("reference", to: reference).set("confirmed_by", to: scope.actor).set("confirmed_at", to: moment.description)
            .where("id", .equal, id).where("agency_id", .equal, scope.agencyID).where("reference", .is, SQLLiteral.null)
            .returning("id").all()
        return !updated.isEmpty
    }

    private func query() -> QueryBuilder<PendingApplicationRecord> {
        PendingApplicationRecord.query(on: database).filter(\.$agencyID == scope.agencyID)
    }
}
