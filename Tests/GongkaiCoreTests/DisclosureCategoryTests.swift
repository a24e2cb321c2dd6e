import Testing

@testable import GongkaiCore

@Suite("Art. 20 categories — one place in the core for the items, document kinds and item categories")
struct DisclosureCategoryTests {
    @Test(
        "Items are numbered as Art. 20 numbers them",
        arguments: [(1, "第二十条第（一）项"), (8, "第二十条第（八）项"), (10, "第二十条第（十）项"),
                    (11, "第二十条第（十一）项"), (15, "第二十条第（十五）项")])
    func headings(number: Int, heading: String) throws {
        #expect(try #require(Article20Item(rawValue: number)).heading == heading)
    }

    @Test("There are fifteen items and no others")
    func fifteen() {
        #expect(Article20Item.allCases.count == 15)
        #expect(Article20Item(rawValue: 0) == nil && Article20Item(rawValue: 16) == nil)
    }

    @Test("Each section II row stands under the item of its category")
    func rowsAndCategories() {
        for c in ItemCategory.allCases {
            for v in [RegionalVariant.national, .beijing, .hubei] {
                guard let row = c.row(format: .v2021, variant: v) else { continue }
                #expect(row.article20 == c.article20Item, "\(c) \(v)")
            }
        }
        for k in DocumentKind.allCases { #expect(k.row.article20 == .regulationsAndNormativeDocuments) }
        #expect(ProactiveRow.fees.article20Item == "（八）")
        #expect(ProactiveRow.procurement.article20Item == "（九）")
    }
}
