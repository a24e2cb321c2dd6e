import GongkaiCore
import GongkaiOffice
import Testing

/// 办理权限: which role may receive an application and record which step.
@Suite struct CasePermissionsTests {
    static let arrival = ApplicationEvent.Kind.feePaid
    static let step = ApplicationEvent.Kind.answered(.granted)

    @Test(arguments: [
        // | role        | receive | arrival (fee paid) | step (answer) |
        (String?.none, true, true, true),
        ("admin", true, true, true),
        ("officer", true, true, true),
        ("head", true, true, true),
        ("registrar", true, true, false),
        ("reviewer", false, false, false),
        ("viewer", false, false, false),
        ("supervisor", false, false, false),
        ("someone-else", false, false, false),
    ])
    func rolesAndSteps(_ role: String?, _ receive: Bool, _ arrival: Bool, _ step: Bool) {
        #expect(CasePermissions.mayReceive(role: role) == receive)
        #expect(CasePermissions.mayRecord(Self.arrival, role: role) == arrival)
        #expect(CasePermissions.mayRecord(Self.step, role: role) == step)
    }

    @Test(arguments: [
        ApplicationEvent.Kind.correctionReceived, .consultationDelivered, .consultationReplied, .feeNoticeDelivered,
        .feePaid, .withdrawn,
    ])
    func aRegistrarRecordsEveryArrival(_ kind: ApplicationEvent.Kind) {
        #expect(CasePermissions.mayRecord(kind, role: "registrar"))
    }

    @Test(arguments: [
        ApplicationEvent.Kind.correctionRequested(deadline: CivilDate(2024, 3, 20)), .consultationSent(.thirdParty),
        .extensionApproved(days: 10, approvedBy: "王"), .feeNoticeSent(amount: Fen(100)), .feeLapsed, .correctionLapsed,
        .answered(.granted),
    ])
    func aRegistrarRecordsNoDecision(_ kind: ApplicationEvent.Kind) {
        #expect(!CasePermissions.mayRecord(kind, role: "registrar"))
    }
}
