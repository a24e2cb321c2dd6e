import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// A step of a back-office form the office refused: the page comes back with the reason (beside each field, or above
/// the form), what was typed, and the status — 422 for a rule, 409 for a stale form, 403 for a role. Any other error
/// is not a refusal and goes on to the error pages.
struct StepRefusal {
    var status: HTTPResponseStatus
    var message: String?
    var problems: [IntakeError] = []

    init?(_ error: any Error) {
        switch error {
        case let e as IntakeProblems: (status, problems) = (.unprocessableEntity, e.problems)
        case let e as PublicationError: (status, message) = (.unprocessableEntity, e.description)
        case let e as ReportDraftError: (status, message) = (.unprocessableEntity, e.description)
        case let e as PublishingError: (status, message) = (.unprocessableEntity, e.description)
        case let e as PublicationStoreError:
            switch e {
            case .staleVersion: (status, message) = (.conflict, e.description)
            case .decisionsInvalid: (status, message) = (.unprocessableEntity, e.description)
            default: return nil
            }
        case let e as ReportDraftStoreError:
            if case .notFound = e { return nil }
            (status, message) = (.conflict, e.description)
        case let e as StoreError:
            guard case .changedMeanwhile = e else { return nil }
            (status, message) = (.conflict, e.description)
        case let e as CaseError:
            guard case .notPermitted = e else { return nil }
            (status, message) = (.forbidden, e.description)
        default: return nil
        }
    }
}
