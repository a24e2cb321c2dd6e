import GongkaiCore
import GongkaiStore

/// 办理权限 — which role may record what on an application. The agency's own processes (no user: the demo,
/// imports, online submissions) may record anything the law allows.
///
/// | role                    | receive | record the arrivals ¹ | record every other step |
/// |-------------------------|---------|-----------------------|-------------------------|
/// | 管理员, 承办人, 负责人   | yes     | yes                   | yes                     |
/// | 登记员                  | yes     | yes                   | no                      |
/// | 审核人, 查阅人, 监督人   | no      | no                    | no                      |
///
/// ¹ What reaches the office from outside: the corrected application, the consulted party's receipt and reply,
/// the applicant's receipt of a fee notice, the payment, a withdrawal.
public enum CasePermissions {
    static let handlers: Set<String> = ["admin", "officer", "head"]
    static let registrars: Set<String> = ["registrar"]

    /// Whether `role` may register an application received by post, in person or by fax.
    public static func mayReceive(role: String?) -> Bool {
        guard let role else { return true }
        return handlers.contains(role) || registrars.contains(role)
    }

    /// Whether `role` handles cases: every step, letters, appeals (管理员, 承办人, 负责人; the agency's own processes).
    public static func mayHandle(role: String?) -> Bool { role.map(handlers.contains) ?? true }

    /// Whether `role` may record an event of `kind`.
    public static func mayRecord(_ kind: ApplicationEvent.Kind, role: String?) -> Bool {
        guard let role else { return true }
        if handlers.contains(role) { return true }
        return registrars.contains(role) && isArrival(kind)
    }

    static func isArrival(_ kind: ApplicationEvent.Kind) -> Bool {
        switch kind {
        case .correctionReceived, .consultationDelivered, .consultationReplied, .feeNoticeDelivered, .feePaid, .withdrawn:
            return true
        default:
            return false
        }
    }
}

/// 可办理的事项 — an event an officer may record on a case now: its name (`EventInput.names`), its meaning and the
/// fields its form asks for.
public struct CaseAction: Hashable, Sendable {
    public var name: String
    public var meaning: String
    public var fields: [String]
}

extension Office {
    /// The events the state machine allows on `file` in its current phase and the scope's role may record, in
    /// the order of `EventInput.names`. (A step offered here can still be refused for its fields — a date before
    /// the last event, a 补正 deadline out of range — with the article named.)
    public func actions(for file: CaseFile, scope: AgencyScope) -> [CaseAction] {
        let phase = file.value.phase
        return EventInput.names.compactMap { entry in
            guard let kind = EventInput.prototype(entry.name, on: file.on),
                ApplicationStateMachine.next(phase, kind) != nil, CasePermissions.mayRecord(kind, role: scope.role)
            else { return nil }
            return CaseAction(name: entry.name, meaning: entry.title, fields: entry.fields)
        }
    }
}

extension Office {
    /// Refuses a member of one agency who names another agency's data (`CaseError.notPermitted`).
    public func requireOwnAgency(_ agencyID: Int, scope: AgencyScope) throws {
        guard agencyID == scope.agencyID else {
            throw CaseError.notPermitted(user: scope.actor, action: "查看或办理其他机关（编号 \(agencyID)）的申请")
        }
    }
}
