import Foundation
import GongkaiCore
import GongkaiStore
import Testing

/// The versions of an agency's 政府信息公开指南 on both databases: numbered, kept whole, never before the version
/// they follow, every bad field named with nothing written, and one agency's guide never another's.
@Suite struct GuideStoreTests {
    static let details = GuideDetails(
        officeName: "甲局办公室", address: "某市某路1号", postcode: "100000", hours: "工作日9:00—17:00", phone: "010-12345678",
        fax: "010-12345679", email: "gk@example.cn", feeStandard: .perVolume, reconsiderationBody: "某市人民政府",
        court: "某市中级人民法院")

    @Test(arguments: Backend.available)
    func versionsArePublishedInOrderAndKeptWhole(_ backend: Backend) async throws {
        try await backend.withStore("guides") { store in
            let agencies = AgencyRepository(store: store)
            let a = try await agencies.create(Agency(name: "甲局", code: "A", level: .county, region: .national)).id!
            let b = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            let guides = GuideRepository(database: store.database, scope: try await store.scope(a))
            #expect(try await guides.versions().isEmpty)
            try await guides.publish(Self.details, effectiveOn: CivilDate(2021, 1, 4))
            var second = Self.details
            (second.phone, second.fax) = ("010-87654321", nil)
            let v2 = try await guides.publish(second, effectiveOn: CivilDate(2023, 6, 1))
            #expect(v2.version == 2)
            let all = try await guides.versions()
            #expect(all.map(\.version) == [2, 1] && all[1].details == Self.details && all[0].details == second)
            #expect(all[1].effectiveOn == CivilDate(2021, 1, 4))
            // Another agency has its own numbering and sees none of these.
            let other = GuideRepository(database: store.database, scope: try await store.scope(b))
            #expect(try await other.versions().isEmpty)
            #expect(try await other.publish(Self.details, effectiveOn: CivilDate(2020, 1, 1)).version == 1)

            // | change                          | fields named                    |
            var bad = Self.details
            (bad.officeName, bad.court, bad.postcode) = (" ", "", "10000X")
            await #expect(throws: StoreError.invalidValues([
                .invalidValue(field: "officeName", value: " ", reason: "工作机构名称不能为空"),
                .invalidValue(field: "court", value: "", reason: "管辖法院不能为空"),
                .invalidValue(field: "postcode", value: "10000X", reason: "邮政编码应为6位数字"),
                .invalidValue(field: "effectiveOn", value: "2023-05-31", reason: "不能早于第2版的施行日期 2023-06-01"),
            ])) {
                try await guides.publish(bad, effectiveOn: CivilDate(2023, 5, 31))
            }
            await #expect(throws: StoreError.invalidValue(field: "phone", value: "", reason: "联系电话不能为空")) {
                var noPhone = Self.details
                noPhone.phone = ""
                try await guides.publish(noPhone, effectiveOn: CivilDate(2024, 1, 1))
            }
            #expect(try await guides.versions().count == 2)
        }
    }
}
