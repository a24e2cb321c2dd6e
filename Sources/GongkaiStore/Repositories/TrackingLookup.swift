import FluentKit
import GongkaiCore

/// 按查询码查询 — the one lookup that starts without an agency: a tracking code is random and unguessable
/// (`TrackingCode`), so holding one is what entitles anyone to follow that one case. It answers only which agency
/// holds the case; the case itself is then read through that agency's `AgencyScope` like any other.
///
/// ```swift
/// let agencyID = try await TrackingLookup(database: db).agencyID(of: try TrackingCode("7QKD-M3XA-9TZR-B4HE"))
/// ```
public struct TrackingLookup: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    /// The agency holding the case with `code`, or nil when no case has it.
    public func agencyID(of code: TrackingCode) async throws -> Int? {
        try await ApplicationRecord.query(on: database).filter(\.$trackingCode == code.value).first()?.agencyID
    }

    /// The agency holding a submission with `code` that staff have yet to confirm (Art. 31), or nil.
    public func agencyIDOfWaitingSubmission(_ code: TrackingCode) async throws -> Int? {
        try await PendingApplicationRecord.query(on: database).filter(\.$trackingCode == code.value)
            .filter(\.$reference == nil).first()?.agencyID
    }

    /// The phone the applicant gave, for comparing with the second factor a visitor types before the letters
    /// (which carry the applicant's name) are shown; nil when none was given. Never shown, never logged.
    public func applicantPhone(of code: TrackingCode) async throws -> String? {
        try await ApplicationRecord.query(on: database).filter(\.$trackingCode == code.value).first()?.applicantPhone
    }
}
