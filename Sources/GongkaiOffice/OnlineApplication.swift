import FluentKit
import Foundation
import GongkaiCore
import GongkaiStore

/// What the portal tells an applicant on submitting: the tracking code to keep and the dates that count.
public struct SubmittedApplication: Sendable, Hashable, Encodable {
    public var trackingCode: String
    /// `CaseStatus.code` on the day of submission, or `awaitingConfirmation` while staff have yet to confirm it.
    public var status: String
    /// The moment of submission, ISO 8601 with the agency's offset (`2024-03-04T09:40:00+08:00`).
    public var submittedAt: String
    /// 收到申请之日: confirmed at submission (Art. 31: online, the day both sides confirm), under the agency's rule;
    /// nil while the agency's staff have yet to confirm it.
    @NullWhenAbsent public var receivedOn: CivilDate?
    /// 答复期限.
    @NullWhenAbsent public var dueOn: CivilDate?
}

extension Office {
    /// The prefix of references given to applications made online: `网申2024-0001`, numbered per agency and year.
    static func onlineReferencePrefix(_ year: Int) -> String { "网申\(year)-" }

    /// The intake as submitted online at `moment`: the online channel, the submission, a provisional reference.
    static func online(_ intake: Intake, at moment: Moment) -> Intake {
        var intake = intake
        (intake.channel, intake.submittedOn, intake.submittedAt) = ("online", moment.date.iso, moment.time.description)
        intake.reference = onlineReferencePrefix(moment.date.year)
        return intake
    }

    /// Every problem `applyOnline` would refuse `intake` for, without storing anything (a form checking itself).
    public func onlineProblems(_ intake: Intake, at moment: Moment) -> [IntakeError] {
        Self.online(intake, at: moment).problems(requiringArticle29: true, calendar: calendar)
    }

    /// 网上申请 (Arts. 27–29, 31): an application submitted through the portal to agency `agencyID` at `moment`.
    /// Every field is checked and so is what Art. 29(2) asks an application to state; all problems are thrown at
    /// once (`IntakeProblems`, or one `IntakeError`) and nothing is stored. With a fresh tracking code it is then
    /// either received at once — the agency confirms automatically: Art. 31's day both sides confirm is today —
    /// numbered 网申YYYY-NNNN under the agency's receipt rule and stored whole; or, where the agency's staff confirm
    /// (`OnlineConfirmation.byStaff`), kept as submitted in the 待确认 queue (`confirmOnline` receives it), and the
    /// application returned has no reference yet.
    public func applyOnline<G: RandomNumberGenerator>(
        _ intake: Intake, agencyID: Int, at moment: Moment, using rng: inout G
    ) async throws -> (application: ApplicationCase, submitted: SubmittedApplication) {
        let scope = try await scope(agencyID: agencyID, username: nil)
        // Checked once, under a provisional reference; numbered below.
        var c = try Self.online(intake, at: moment).applicationCase(
            trackingCode: .random(using: &rng), actor: "", at: moment, rule: scope.agency.receiptRule,
            requiringArticle29: true, calendar: calendar)
        let submittedAt = "\(moment.date.iso)T\(moment.time):00+08:00"
        guard scope.agency.onlineConfirmation == .automatic else {
            let json = String(decoding: try JSONEncoder().encode(intake), as: UTF8.self)
            try await PendingRepository(database: database, scope: scope).add(PendingSubmission(
                trackingCode: c.trackingCode!, submittedAt: moment, applicantName: c.applicant.name,
                description: c.request.description, intake: json))
            c.id = ""
            return (c, SubmittedApplication(
                trackingCode: c.trackingCode!.description, status: Self.awaitingConfirmation, submittedAt: submittedAt,
                receivedOn: nil, dueOn: nil))
        }
        let stored = try await receiveNumbered(c, scope: scope, year: moment.date.year) { c, db in
            try await CaseRepository(database: db, scope: scope, calendar: calendar).receive(c)
        }
        let file = try file(stored, on: moment.date)
        return (stored.value, SubmittedApplication(
            trackingCode: stored.value.trackingCode?.description ?? "", status: file.status.code, submittedAt: submittedAt,
            receivedOn: stored.value.receivedOn, dueOn: file.answerDue?.due))
    }

    /// The status code of a submission waiting for staff to confirm it.
    public static let awaitingConfirmation = "awaitingConfirmation"

    /// Numbers `c` 网申YYYY-NNNN and stores it through `store` in one transaction; two at once may draw the same
    /// number: the second is refused by the store and numbered again.
    func receiveNumbered(
        _ c: ApplicationCase, scope: AgencyScope, year: Int,
        _ store: @escaping @Sendable (ApplicationCase, any Database) async throws -> StoredCase
    ) async throws -> StoredCase {
        var c = c
        for attempt in 0..<5 {
            c.id = try await cases(scope).nextReference(prefix: Self.onlineReferencePrefix(year))
            do {
                let numbered = c
                return try await database.transaction { db in try await store(numbered, db) }
            } catch let error where attempt < 4 && Self.isDuplicate(error) {
                continue
            }
        }
        throw CaseError.duplicateReference(c.id)
    }

    static func isDuplicate(_ error: any Error) -> Bool {
        if case CaseError.duplicateReference = error { return true }
        return StoreError.isUniqueViolation(error)
    }
}
