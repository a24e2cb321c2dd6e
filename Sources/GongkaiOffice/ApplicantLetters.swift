import Foundation
import GongkaiCore
import GongkaiStore

/// The letters an applicant opens on the tracking page: the issued ones addressed to the applicant (not the
/// consultations), oldest first, with the agency's name.
public struct ApplicantLetters: Sendable, Hashable {
    public var agency: String
    public var letters: [StoredLetter]
}

extension Office {
    /// 查看文书: the issued letters of the case with tracking code `text`. The letters carry the applicant's name,
    /// so the tracking code is not enough: `phone` must be the phone the applicant gave (however written —
    /// spaces, dashes, +86 ignored). Refused alike for a malformed or unknown code (`unknownTrackingCode`); a wrong
    /// phone is `secondFactorRefused`, a case without one `noSecondFactor`.
    public func applicantLetters(_ text: String, phone: String) async throws -> ApplicantLetters {
        let (scope, reference) = try await applicantCase(text, phone: phone)
        let letters = try await letterStore(scope).letters(of: reference)
        return ApplicantLetters(
            agency: scope.agency.name, letters: letters.filter { $0.isIssued && $0.letter.kind.isToApplicant })
    }

    /// One of those letters as a Word file or a PDF, with the same checks.
    public func applicantLetterFile(_ text: String, phone: String, letterID: Int, pdf: Bool) async throws
        -> (letter: StoredLetter, data: Data)
    {
        guard let stored = try await applicantLetters(text, phone: phone).letters.first(where: { $0.id == letterID }) else {
            throw LetterError.notFound(letterID)
        }
        return (stored, try Self.file(of: stored, pdf: pdf))
    }

    /// The agency's scope and the case's reference, once code and phone match.
    private func applicantCase(_ text: String, phone: String) async throws -> (AgencyScope, String) {
        let lookup = TrackingLookup(database: database)
        guard let code = try? TrackingCode(text), let agencyID = try await lookup.agencyID(of: code) else {
            throw CaseError.unknownTrackingCode(text)
        }
        guard let given = try await lookup.applicantPhone(of: code), !given.isEmpty else { throw CaseError.noSecondFactor }
        guard ContactFormat.samePhone(given, phone) else { throw CaseError.secondFactorRefused }
        let scope = try await scope(agencyID: agencyID, username: nil)
        guard let stored = try await cases(scope).find(code.description) else { throw CaseError.unknownTrackingCode(text) }
        return (scope, stored.value.id)
    }
}
