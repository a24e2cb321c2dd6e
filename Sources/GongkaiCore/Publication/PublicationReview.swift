import Foundation

/// 发布流程 — where a draft catalogue item stands on its way to the portal.
///
/// ```
/// 草稿 ─提交审查→ 待审核 ─通过→ (待审批 ─负责人同意→) 已批准（按发布时间出现在网站）─撤销→ 已撤销
///   ↑               │
///   └──退回修改──────┤
///                   └─不予公开→ 不予公开
/// ```
public enum PublicationState: String, Hashable, Sendable, CaseIterable, Codable {
    case draft, inReview, returned, awaitingApproval, approved, withheld, revoked

    /// 草稿, 待审核, 退回修改, 待审批, 已批准, 不予公开, 已撤销.
    public var label: String {
        switch self {
        case .draft: return "草稿"
        case .inReview: return "待审核"
        case .returned: return "退回修改"
        case .awaitingApproval: return "待负责人审批"
        case .approved: return "已批准发布"
        case .withheld: return "不予公开"
        case .revoked: return "已撤销"
        }
    }

    /// Whether its content may still be edited (a draft, or one returned with comments).
    public var isEditable: Bool { self == .draft || self == .returned }
}

/// 发布流程中的一步.
public enum PublicationAction: Hashable, Sendable {
    /// 提交保密审查.
    case submit
    /// 审查通过: every question answered, none 是.
    case pass(ChecklistAnswers)
    /// 退回修改, with what to change.
    case returnForChanges(comments: String)
    /// 不予公开: at least one question answered 是 — the reasons are those questions (with their articles).
    case withhold(ChecklistAnswers)
    /// 负责人同意发布.
    case approvePublication
    /// 撤销 a published or scheduled item, with the reason (the record stays).
    case revoke(reason: String)

    public var label: String {
        switch self {
        case .submit: return "提交审查"
        case .pass: return "审查通过"
        case .returnForChanges: return "退回修改"
        case .withhold: return "不予公开"
        case .approvePublication: return "同意发布"
        case .revoke: return "撤销发布"
        }
    }
}

/// 保密审查规则 (第十七条) — the rules of the review, each once:
/// - the reviewer is never the author nor the one who submitted (审核人不得审查本人起草的信息);
/// - a pass answers every question of the agency's checklist, none 是; a withholding has at least one 是, which
///   is its reason; a return says what to change;
/// - an item drafted 不予公开 (`DisclosureAttribute.withheld`, with its ground) is confirmed by a pass that answers
///   every question, 是 or not, and ends 不予公开 without the 负责人 — nothing is published;
/// - where the agency requires it, the 负责人 approves publication after the review;
/// - a revocation says why and keeps the record.
public enum PublicationReview {
    /// The state after `action` from `state`, or the reason it is refused.
    public static func next(
        _ state: PublicationState, _ action: PublicationAction, checklist: ConfidentialityChecklist,
        requiresApproval: Bool, attribute: DisclosureAttribute = .proactive
    ) throws -> PublicationState {
        switch (state, action) {
        case (.draft, .submit), (.returned, .submit):
            return .inReview
        case (.inReview, .pass(let answers)):
            let missing = answers.missing(from: checklist)
            guard missing.isEmpty else { throw PublicationError.unanswered(missing) }
            if attribute == .withheld { return .withheld }
            let concerns = answers.concerns(in: checklist)
            guard concerns.isEmpty else { throw PublicationError.concernsRaised(concerns) }
            return requiresApproval ? .awaitingApproval : .approved
        case (.inReview, .withhold(let answers)):
            let missing = answers.missing(from: checklist)
            guard missing.isEmpty else { throw PublicationError.unanswered(missing) }
            guard !answers.concerns(in: checklist).isEmpty else { throw PublicationError.noReasonToWithhold }
            return .withheld
        case (.inReview, .returnForChanges(let comments)), (.awaitingApproval, .returnForChanges(let comments)):
            guard !comments.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw PublicationError.commentsRequired }
            return .returned
        case (.awaitingApproval, .approvePublication):
            return .approved
        case (.approved, .revoke(let reason)):
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw PublicationError.revocationReasonRequired }
            return .revoked
        default:
            throw PublicationError.notAllowed(action: action.label, state: state)
        }
    }

    /// Refuses a reviewer who wrote or submitted the draft (第十七条: the review is someone else's).
    public static func requireIndependentReviewer(_ reviewer: String, author: String, submitter: String?) throws {
        guard reviewer != author, reviewer != submitter else { throw PublicationError.reviewerIsAuthor(reviewer) }
    }
}

/// Why a step of the publication workflow is refused, in Chinese.
public enum PublicationError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAllowed(action: String, state: PublicationState)
    case unanswered([String])
    case concernsRaised([String])
    case noReasonToWithhold
    case commentsRequired
    case revocationReasonRequired
    case reviewerIsAuthor(String)
    case checklist(String)

    public var description: String {
        switch self {
        case .notAllowed(let action, let state): return "“\(state.label)”状态下不能\(action)"
        case .unanswered(let questions): return "保密审查清单还有\(questions.count)项未作答：" + questions.joined(separator: "；")
        case .concernsRaised(let questions):
            return "审查认为存在不宜公开的情形，不能审查通过（请退回修改或者不予公开）：" + questions.joined(separator: "；")
        case .noReasonToWithhold: return "不予公开须至少有一项审查问题回答“是”，作为不予公开的理由"
        case .commentsRequired: return "退回修改须写明修改意见"
        case .revocationReasonRequired: return "撤销发布须写明理由"
        case .reviewerIsAuthor(let user): return "审核人 \(user) 起草或者提交了该信息，不能审查本人的信息（第十七条审查机制）"
        case .checklist(let reason): return "保密审查清单：\(reason)"
        }
    }
}
