import GongkaiCore
import GongkaiStore

/// What the portal tells an applicant on submitting: the tracking code to keep and the dates that count.
public struct SubmittedApplication: Sendable, Hashable, Encodable {
    public var trackingCode: String
    /// `CaseStatus.code` on the day of submission.
    public var status: String
    /// The moment of submission, ISO 8601 with the agency's offset (`2024-03-04T09:40:00+08:00`).
    public var submittedAt: String
    /// 收到申请之日: confirmed at submission (Art. 31: online, the day both sides confirm), under the agency's rule.
    public var receivedOn: CivilDate?
    /// 答复期限.
    public var dueOn: CivilDate?
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
    /// once (`IntakeProblems`, or one `IntakeError`) and nothing is stored. The case is numbered 网申YYYY-NNNN,
    /// received through the online channel at submission (the agency confirms automatically: Art. 31's day both
    /// sides confirm) under the agency's receipt rule, and stored whole with a fresh tracking code.
    public func applyOnline<G: RandomNumberGenerator>(
        _ intake: Intake, agencyID: Int, at moment: Moment, using rng: inout G
    ) async throws -> (stored: StoredCase, submitted: SubmittedApplication) {
        let scope = try await scope(agencyID: agencyID, username: nil)
        // Checked once, under a provisional reference; numbered below.
        var c = try Self.online(intake, at: moment).applicationCase(
            trackingCode: .random(using: &rng), actor: "", at: moment, rule: scope.agency.receiptRule,
            requiringArticle29: true, calendar: calendar)
        let repository = cases(scope)
        // Two submissions at once may draw the same number: the second is refused by the store and numbered again.
        for _ in 0..<5 {
            c.id = try await repository.nextReference(prefix: Self.onlineReferencePrefix(moment.date.year))
            do {
                let stored = try await repository.receive(c)
                let file = try file(stored, on: moment.date)
                let submitted = SubmittedApplication(
                    trackingCode: stored.value.trackingCode?.description ?? "", status: file.status.code,
                    submittedAt: "\(moment.date.iso)T\(moment.time):00+08:00", receivedOn: stored.value.receivedOn,
                    dueOn: file.answerDue?.due)
                return (stored, submitted)
            } catch CaseError.duplicateReference {
                continue
            }
        }
        throw CaseError.duplicateReference(c.id)
    }
}
