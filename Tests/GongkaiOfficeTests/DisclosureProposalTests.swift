import GongkaiCore
import GongkaiStore
import Testing

@testable import GongkaiOffice

/// 第四十四条 in the back office: answered applications for the same information from several applicants are
/// proposed for proactive publication; drafting or declining decides them, once — on both databases.
@Suite struct DisclosureProposalTests {
    static func at(_ s: String) -> Moment { Moment(parsing: s)! }

    static func answered(_ office: Office, _ scope: AgencyScope, _ reference: String, _ who: String, _ text: String, _ outcome: Outcome) async throws {
        let intake = Intake(reference: reference, channel: "in-person", submittedOn: "2024-03-04", applicantKind: "自然人",
                            applicantName: who, description: text)
        var rng = SystemRandomNumberGenerator()
        let stored = try await office.receive(intake, scope: scope, at: at("2024-03-04 10:00"), using: &rng)
        _ = try await office.record(ApplicationEvent(CivilDate(2024, 3, 20), .answered(outcome)), on: reference, scope: scope,
                                    at: at("2024-03-20 10:00"), expectedVersion: stored.version)
    }

    @Test(arguments: OfficeBackend.available)
    func repeatedRequestsAreProposedOnceAndDraftedOrDeclined(_ backend: OfficeBackend) async throws {
        try await PublicationWorkflowTests.withDesk(backend, "proposals") { desk in
            let office = desk.office
            let officer = try await desk.scope("officer")
            try await Self.answered(office, officer, "2024-001", "王五", "2023年区财政预算执行情况报告", .granted)
            try await Self.answered(office, officer, "2024-002", "赵六", "区2023年财政预算执行情况", .partiallyGranted)
            try await Self.answered(office, officer, "2024-003", "孙七", "某路拓宽工程征收补偿方案", .granted)
            try await Self.answered(office, officer, "2024-004", "周八", "区2023年财政预算执行情况", .withheld(.stateSecret))
            try await Self.answered(office, officer, "2024-005", "吴九", "某小区建设工程规划许可证", .granted)
            try await Self.answered(office, officer, "2024-006", "郑十", "某小区建设工程规划许可证及附图", .granted)
            let day = CivilDate(2024, 3, 25)
            var proposals = try await office.disclosureProposals(scope: officer, on: day)
            #expect(proposals.map(\.key) == ["2024-001,2024-002", "2024-005,2024-006"])
            #expect(proposals[0].applicants == 2 && proposals[0].requests[1].outcome.contains("部分公开"))
            // Only those who draft are proposed anything.
            #expect(try await office.disclosureProposals(scope: try await desk.scope("viewer"), on: day).isEmpty)
            #expect(try await office.disclosureProposals(scope: try await desk.scope("reviewer"), on: day).isEmpty)
            #expect(try await office.disclosureProposals(scope: desk.other, on: day).isEmpty)
            // A year later they are no longer proposed.
            #expect(try await office.disclosureProposals(scope: officer, on: CivilDate(2025, 3, 25)).isEmpty)

            // Drafted: the form starts from the shortest wording and the article; the applications are recorded.
            var form = try await office.proposalForm(["2024-001", "2024-002"], scope: officer, on: day)
            #expect(form.title == "区2023年财政预算执行情况" && form.body.contains("第四十四条") && form.formedOn == "2024-03-25")
            form.article20Item = "8"
            await #expect(throws: StoreError.self) {
                try await office.draftPublication(form, fromRequests: ["2024-001", "2024-003"], scope: officer, at: Self.at("2024-03-25 10:00"))
            }
            let draft = try await office.draftPublication(form, fromRequests: ["2024-002", "2024-001"], scope: officer, at: Self.at("2024-03-25 10:00"))
            #expect(draft.history.first?.note == "依第四十四条，由申请 2024-001、2024-002 纳入主动公开")
            #expect(try await PublicationRepository(database: office.database, scope: officer).sources(of: draft.id) == ["2024-001", "2024-002"])
            proposals = try await office.disclosureProposals(scope: officer, on: day)
            #expect(proposals.map(\.key) == ["2024-005,2024-006"])

            // Declined, with its reason; not proposed again, and not declined twice.
            await #expect(throws: IntakeProblems.self) {
                try await office.declineProposal(["2024-005", "2024-006"], reason: " ", scope: officer, at: Self.at("2024-03-25 11:00"))
            }
            await #expect(throws: CaseError.self) {
                try await office.declineProposal(["2024-005", "2024-006"], reason: "涉及个人信息", scope: try await desk.scope("viewer"), at: Self.at("2024-03-25 11:00"))
            }
            try await office.declineProposal(["2024-005", "2024-006"], reason: "规划许可证涉及个人信息，依申请逐件公开", scope: officer, at: Self.at("2024-03-25 11:00"))
            #expect(try await office.disclosureProposals(scope: officer, on: day).isEmpty)
            await #expect(throws: StoreError.self) {
                try await office.declineProposal(["2024-005", "2024-006"], reason: "再次", scope: officer, at: Self.at("2024-03-25 11:05"))
            }
        }
    }
}
