import Foundation
import GongkaiCore
import GongkaiStore
import Testing

/// The catalogue search on both databases: Chinese substrings in title, 文号 or 索引号, item, year, pages, and
/// another agency's items never found.
@Suite struct CatalogueSearchTests {
    @Test(arguments: Backend.available)
    func search(_ backend: Backend) async throws {
        try await backend.withStore("catalogue") { store in
            let agencies = AgencyRepository(store: store)
            let a = try await agencies.create(Agency(name: "甲局", code: "A", level: .county, region: .national)).id!
            let b = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            let items: [(Int, Int, String, String, String)] = [
                (a, 7, "2021年部门预算", "", "2021-03-01"), (a, 7, "2020年部门决算", "", "2021-07-01"),
                (a, 1, "关于印发预算管理办法的通知", "甲发〔2021〕3号", "2021-05-01"), (a, 1, "某规定", "甲发〔2020〕9号", "2020-05-01"),
                (b, 7, "乙局2021年部门预算", "", "2021-03-01"),
            ]
            for (n, (agency, item, title, number, day)) in items.enumerated() {
                try await DisclosureRepository(database: store.database, scope: try await store.scope(agency)).add(
                    CatalogueItem(
                        agencyID: agency, indexNumber: "IDX-\(n)", article20Item: item, title: title, documentNumber: number,
                        publishedOn: CivilDate(parsing: day)!))
            }
            let repo = DisclosureRepository(database: store.database, scope: try await store.scope(a))
            // | query                          | titles, newest first                        |
            let rows: [(CatalogueQuery, [String])] = [
                (CatalogueQuery(text: "预算"), ["关于印发预算管理办法的通知", "2021年部门预算"]),
                (CatalogueQuery(text: "预算", article20Item: .budgets), ["2021年部门预算"]),
                (CatalogueQuery(text: "〔2020〕"), ["某规定"]),
                (CatalogueQuery(text: "IDX-1"), ["2020年部门决算"]),
                (CatalogueQuery(year: 2020), ["某规定"]),
                (CatalogueQuery(page: 2, pageSize: 3), ["某规定"]),
                (CatalogueQuery(text: "乙局"), []),
            ]
            for (query, titles) in rows {
                let found = try await repo.catalogue(query)
                #expect(found.items.map(\.title) == titles, "\(query)")
            }
            #expect(try await repo.catalogue(CatalogueQuery(pageSize: 3)).total == 4)
        }
    }
}
