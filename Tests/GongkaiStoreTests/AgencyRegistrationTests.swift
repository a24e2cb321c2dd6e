import Foundation
import GongkaiCore
import GongkaiStore
import Testing

/// Registering agencies and users: what is checked, and that a refused one writes nothing.
@Suite struct AgencyRegistrationTests {
    static let daxing = Agency(name: " 北京市大兴区应急管理局 ", code: "110115-YJ", level: .county, region: .beijing)

    @Test(arguments: Backend.available)
    func agencies(_ backend: Backend) async throws {
        try await backend.withStore("agencies") { store in
            let repository = AgencyRepository(store: store)
            let created = try await repository.create(Self.daxing)
            #expect(created.id != nil)
            #expect(created.name == "北京市大兴区应急管理局")
            #expect(try await repository.find(code: "110115-YJ")?.region == .beijing)
            let refused: [(Agency, String)] = [
                (Agency(name: "  ", code: "X1", level: .county, region: .national), "name"),
                (Agency(name: "某局", code: "", level: .county, region: .national), "code"),
                (Agency(name: "另一局", code: " 110115-YJ ", level: .municipal, region: .national), "code"),
            ]
            for (agency, field) in refused {
                do {
                    _ = try await repository.create(agency)
                    Issue.record("\(agency) was accepted")
                } catch StoreError.invalidValue(let f, _, let reason) {
                    #expect(f == field)
                    if field == "code" && !agency.code.isEmpty { #expect(reason.contains("编号 \(created.id ?? 0)")) }
                }
            }
            #expect(try await repository.all().count == 1)
        }
    }

    @Test(arguments: Backend.available)
    func users(_ backend: Backend) async throws {
        try await backend.withStore("users") { store in
            let repository = AgencyRepository(store: store)
            let id = try #require(try await repository.create(Self.daxing).id)
            _ = try await repository.addUser(User(agencyID: id, username: "wang", displayName: "王", role: "viewer"))
            _ = try await repository.addUser(User(agencyID: id, username: " li ", displayName: "李", role: "officer"))
            #expect(try await repository.users(agencyID: id).map(\.username) == ["li", "wang"])
            #expect(try await repository.scope(agencyID: id, username: "li").mayViewPersonalData)
            #expect(!(try await repository.scope(agencyID: id, username: "wang").mayViewPersonalData))
            #expect(!(try await repository.scope(agencyID: id).mayViewPersonalData))
            await #expect(throws: StoreError.self) { try await repository.scope(agencyID: id + 1, username: "li") }

            await #expect(throws: StoreError.agencyNotFound(id + 1)) {
                try await repository.addUser(User(agencyID: id + 1, username: "zhao", displayName: "", role: "viewer"))
            }
            for (user, field) in [
                (User(agencyID: id, username: "zhao", displayName: "", role: "boss"), "role"),
                (User(agencyID: id, username: "wang", displayName: "", role: "viewer"), "username"),
                (User(agencyID: id, username: " ", displayName: "", role: "viewer"), "username"),
            ] {
                do {
                    _ = try await repository.addUser(user)
                    Issue.record("\(user) was accepted")
                } catch StoreError.invalidValue(let f, _, _) {
                    #expect(f == field)
                }
            }
            #expect(try await repository.users(agencyID: id).count == 2)
        }
    }

    /// The stored form of a receipt rule, both ways, and what is refused.
    @Test func receiptRuleStoreText() throws {
        let closing1730 = ReceiptRule.agencyGuide(OfficeHours(closing: TimeOfDay(hour: 17, minute: 30)!))
        // | text                 | rule                          |
        for (text, rule) in [
            ("article31", ReceiptRule.article31), ("agency-guide", .agencyGuide(.standard)),
            ("agency-guide 17:30", closing1730), ("agency-guide  17:30", closing1730),
        ] {
            #expect(ReceiptRule(storeText: text) == rule, "\(text)")
        }
        for rule in [ReceiptRule.article31, .agencyGuide(.standard), closing1730] {
            #expect(ReceiptRule(storeText: rule.storeText) == rule)
        }
        for bad in ["", "article 31", "agency-guide 25:00", "agency-guide 17:30 x", "article31 17:00", "guide"] {
            #expect(ReceiptRule(storeText: bad) == nil, "\(bad)")
        }
    }

    @Test(arguments: Backend.available)
    func receiptRuleIsStoredWithTheAgency(_ backend: Backend) async throws {
        try await backend.withStore("receiptrule") { store in
            let repository = AgencyRepository(store: store)
            let id = try await repository.create(Agency(name: "甲局", code: "A", level: .county, region: .national)).id!
            #expect(try await repository.find(id: id).receiptRule == .article31)
            let guide = ReceiptRule.agencyGuide(OfficeHours(closing: TimeOfDay(hour: 17, minute: 30)!))
            #expect(try await repository.setReceiptRule(guide, agencyID: id).receiptRule == guide)
            #expect(try await repository.find(id: id).receiptRule == guide)
            #expect(try await repository.scope(agencyID: id).agency.receiptRule == guide)
            await #expect(throws: StoreError.agencyNotFound(id + 1)) {
                try await repository.setReceiptRule(guide, agencyID: id + 1)
            }
        }
    }
}
