import GongkaiCore
import GongkaiStore

/// A step on the way to publication, for catalogue items and annual reports alike: 修改, 提交审查, 保密审查 (通过,
/// 退回 or 不予公开), 负责人同意 (or 退回), 撤销.
public enum ReviewStep: String, Sendable, Hashable, CaseIterable {
    case edit, submit, review, approve, revoke
}

/// What the steps need to know of a draft: where it stands and who wrote and submitted it.
protocol ReviewedDraft {
    var state: PublicationState { get }
    var author: String { get }
    var submittedBy: String? { get }
}

extension StoredPublication: ReviewedDraft {}
extension StoredReportDraft: ReviewedDraft {}

extension Office {
    /// Whether the scope's user may take `step` on `draft` now — the one check behind both the steps a page offers
    /// and the refusal of a step posted anyway: the role (`PublicationPermissions`), the state, and for the review
    /// someone other than the author and the submitter (第十七条). `what` names the draft in messages.
    func requireStep(_ step: ReviewStep, _ draft: some ReviewedDraft, _ scope: AgencyScope, what: String) throws {
        let role = scope.role
        let (allowed, action, legal): (Bool, String, Bool)
        switch step {
        case .edit: (allowed, action, legal) = (PublicationPermissions.mayAuthor(role: role), "修改", draft.state.isEditable)
        case .submit: (allowed, action, legal) = (PublicationPermissions.mayAuthor(role: role), "提交审查", draft.state.isEditable)
        case .review: (allowed, action, legal) = (PublicationPermissions.mayReview(role: role), "审查", draft.state == .inReview)
        case .approve: (allowed, action, legal) = (PublicationPermissions.mayApprove(role: role), "批准发布", draft.state == .awaitingApproval)
        case .revoke: (allowed, action, legal) = (PublicationPermissions.mayRevoke(role: role), "撤销发布", draft.state == .approved)
        }
        guard allowed else { throw CaseError.notPermitted(user: scope.actor, action: action + what) }
        guard legal else { throw PublicationError.notAllowed(action: action, state: draft.state) }
        if step == .review {
            try PublicationReview.requireIndependentReviewer(scope.actor, author: draft.author, submitter: draft.submittedBy)
        }
    }

    /// The steps of `steps` the scope's user may take on `draft` now.
    func offeredSteps(_ steps: [ReviewStep], _ draft: some ReviewedDraft, _ scope: AgencyScope) -> Set<ReviewStep> {
        Set(steps.filter { (try? requireStep($0, draft, scope, what: "")) != nil })
    }
}
