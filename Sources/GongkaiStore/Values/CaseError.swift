import GongkaiCore

/// Why a change to a stored case was refused; nothing was written. Messages are in Chinese and name the case.
public enum CaseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No case with this reference or tracking code in the scope's agency (another agency's cases are not seen).
    case notFound(String)
    /// Someone else changed the case since it was read (optimistic version check).
    case staleVersion(reference: String, expected: Int, found: Int)
    /// The state machine refused the event (the core's message, with its article).
    case refused(reference: String, ApplicationError)
    /// A case with this reference already exists in the agency.
    case duplicateReference(String)
    /// The acting user may not do this (e.g. a viewer recording an event).
    case notPermitted(user: String, action: String)
    /// No application has this tracking code (or it is not one): the public lookup, which names no agency.
    case unknownTrackingCode(String)
    /// The phone typed to open the letters is not the one the applicant gave.
    case secondFactorRefused
    /// The applicant gave no phone: the letters cannot be opened online.
    case noSecondFactor
    /// The online submission was confirmed already (by someone else), as the case `reference`.
    case alreadyConfirmed(String)

    public var description: String {
        switch self {
        case .notFound(let what): return "本机关没有受理编号或查询码为「\(what)」的申请"
        case .staleVersion(let r, let expected, let found):
            return "申请 \(r) 已被他人修改（读取时为第\(expected)版，现为第\(found)版），请重新打开后再记录"
        case .refused(let r, let e): return "申请 \(r)：\(e)"
        case .duplicateReference(let r): return "本机关已有受理编号为「\(r)」的申请"
        case .notPermitted(let user, let action): return "用户 \(user) 的角色无权\(action)"
        case .unknownTrackingCode(let code): return "没有查询码为「\(code)」的申请，请核对查询码（16位，字母和数字）后再试"
        case .secondFactorRefused: return "联系电话与申请时填写的不一致，请核对后再试"
        case .alreadyConfirmed(let r): return "该网上申请已确认收到（受理编号 \(r)），无需再次确认"
        case .noSecondFactor: return "该申请没有填写联系电话，无法在网上查看文书，请与本机关联系"
        }
    }
}
