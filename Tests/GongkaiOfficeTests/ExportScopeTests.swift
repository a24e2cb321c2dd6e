import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// 按角色导出: who may export applicants' personal data, and in which agency's scope an export runs.
@Suite struct ExportScopeTests {
    static func refused(_ user: String) -> StoreError {
        .notPermitted(user: user, action: "导出申请人的个人信息（证件号码、联系方式）")
    }

    @Test(arguments: OfficeBackend.available)
    func personalDataOnlyForAUserOfTheAgencyWhoseRoleMaySeeIt(_ backend: OfficeBackend) async throws {
        let configuration = try await backend.freshConfiguration("exportscope")
        try await OfficeBackend.withOffice(configuration) { office in
            let agencies = AgencyRepository(database: office.database)
            let a = try await agencies.create(Agency(name: "甲局", code: "A", level: .county, region: .national)).id!
            let b = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            for (agency, name, role) in [(a, "officer-a", "officer"), (a, "viewer-a", "viewer"), (b, "officer-b", "officer")] {
                _ = try await agencies.addUser(User(agencyID: agency, username: name, displayName: name, role: role))
            }
            // | agency | user        | result                              |
            // | A      | officer-a   | A's scope, personal data            |
            // | A      | (none)      | A's own scope, no personal data     |
            // | none   | (none)      | nil (a register of no agency)       |
            // | A      | viewer-a    | refused (role)                      |
            // | A      | officer-b   | refused (another agency's user)     |
            // | none   | officer-a   | refused (no agency to act in)       |
            // | 999    | (none)      | unknown agency                      |
            let officer = try #require(try await office.exportScope(agencyID: a, personalDataFor: "officer-a"))
            #expect(officer.agencyID == a && officer.mayViewPersonalData && officer.agency.name == "甲局")
            let own = try #require(try await office.exportScope(agencyID: a, personalDataFor: nil))
            #expect(own.agencyID == a && !own.mayViewPersonalData && own.username == nil)
            #expect(try await office.exportScope(agencyID: nil, personalDataFor: nil) == nil)
            for (agency, user) in [(a, "viewer-a"), (a, "officer-b"), (nil, "officer-a")] as [(Int?, String)] {
                await #expect(throws: Self.refused(user)) {
                    try await office.exportScope(agencyID: agency, personalDataFor: user)
                }
            }
            await #expect(throws: StoreError.agencyNotFound(999)) {
                try await office.exportScope(agencyID: 999, personalDataFor: nil)
            }
        }
    }
}
