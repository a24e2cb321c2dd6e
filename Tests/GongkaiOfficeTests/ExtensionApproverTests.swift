import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// 延期答复须经负责人同意 (Art. 33 (2)): where the agency has 负责人 accounts, the approver an officer names must be
/// one of them, and the case (and its letter) names them as they are called; an agency without any names the
/// approver as typed.
@Suite struct ExtensionApproverTests {
    @Test(arguments: OfficeBackend.available)
    func theApproverIsOneOfTheAgencysHeads(_ backend: OfficeBackend) async throws {
        try await OfficeBackend.withOffice(try await backend.freshConfiguration("approver")) { office in
            let agencies = AgencyRepository(database: office.database)
            let a = try await agencies.create(Agency(name: "甲局", code: "A", level: .county, region: .national)).id!
            let b = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            for (agency, username, name, role) in [(a, "li", "李四", "officer"), (a, "liu", "刘主任", "head"), (b, "b-li", "乙李", "officer")] {
                _ = try await agencies.addUser(User(agencyID: agency, username: username, displayName: name, role: role))
            }
            var rng = SystemRandomNumberGenerator()
            func received(_ agencyID: Int, _ username: String, _ reference: String) async throws -> AgencyScope {
                let scope = try await office.scope(agencyID: agencyID, username: username)
                var intake = Intake(reference: reference, channel: "in-person", submittedOn: "2024-03-04", applicantKind: "自然人",
                                    applicantName: "张三", description: "某文件")
                intake.submittedAt = "09:30"
                _ = try await office.receive(intake, scope: scope, at: Moment(parsing: "2024-03-04 09:40")!, using: &rng)
                return scope
            }
            func extend(_ scope: AgencyScope, _ reference: String, by name: String) async throws -> String? {
                let stored = try await office.record(
                    ApplicationEvent(CivilDate(2024, 3, 20), .extensionApproved(days: 10, approvedBy: name)), on: reference,
                    scope: scope, at: Moment(parsing: "2024-03-20 10:00")!)
                guard case .extensionApproved(_, let by) = stored.value.events.last?.kind else { return nil }
                return by
            }
            let officer = try await received(a, "li", "A-1")
            #expect(try await office.approvers(scope: officer).map(\.username) == ["liu"])
            // | named      | recorded as |
            // | 刘主任      | 刘主任       |
            // | liu        | 刘主任       |
            // | 王主任      | refused, the heads listed |
            #expect(try await extend(officer, "A-1", by: "liu") == "刘主任")
            _ = try await received(a, "li", "A-2")
            #expect(try await extend(officer, "A-2", by: " 刘主任 ") == "刘主任")
            _ = try await received(a, "li", "A-3")
            await #expect(throws: IntakeError(field: "approved-by", reason: "「王主任」不是本机关的负责人；可选：刘主任", key: "approved-by")) {
                try await extend(officer, "A-3", by: "王主任")
            }
            // 乙局 has no 负责人 account: the name as typed.
            let other = try await received(b, "b-li", "B-1")
            #expect(try await extend(other, "B-1", by: "王主任") == "王主任")
        }
    }
}
